/** The distributor's models that tenders may ask for: the demo's product catalog. */
export const demoTenderProducts = [
  { code: 'SORENTO', name: 'Sorento', sortOrder: 1 },
  { code: 'SPORTAGE', name: 'Sportage', sortOrder: 2 },
  { code: 'RIO', name: 'Rio', sortOrder: 3 },
  { code: 'SELTOS', name: 'Seltos', sortOrder: 4 },
  { code: 'K5', name: 'K5', sortOrder: 5 },
  { code: 'CARNIVAL', name: 'Carnival', sortOrder: 6 },
];
