/** The distributor's models that tenders may ask for: the demo's product catalog. */
export const demoTenderProducts = [
  { code: 'SORENTO', name: 'Sorento', sortOrder: 1 },
  { code: 'SPORTAGE', name: 'Sportage', sortOrder: 2 },
  { code: 'RIO', name: 'Rio', sortOrder: 3 },
  { code: 'SELTOS', name: 'Seltos', sortOrder: 4 },
  { code: 'K5', name: 'K5', sortOrder: 5 },
  { code: 'CARNIVAL', name: 'Carnival', sortOrder: 6 },
];

/** A one-page PDF standing in for a tender notice in the demo. */
export const demoNotice = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

/** Demo tender applications: `lock` ones are locked by the sales approver, the others wait for verification. */
export const demoTenders = [
  {
    starter: 'dealer1.manager', lock: true,
    variables: { customerInn: '7710140679', customerName: 'ГБУ «Автобаза Департамента здравоохранения»', tenderNumber: '0373200041526000017', platform: 'eis-44', tenderObject: 'Поставка легковых автомобилей Sorento для выездных бригад', products: [{ productCode: 'SORENTO', quantity: 8 }], expectedDate: '2027-01-28' },
  },
  {
    starter: 'dealer2.staff', lock: false,
    variables: { customerInn: '1655004449', customerName: 'АО «Татэнерго»', tenderNumber: '32614587711', platform: 'sberbank-ast', tenderObject: 'Служебные автомобили Sportage и K5 для филиалов', products: [{ productCode: 'SPORTAGE', quantity: 4 }, { productCode: 'K5', quantity: 2 }], expectedDate: '2027-02-10' },
  },
];
