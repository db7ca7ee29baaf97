/** Six models, ten vehicles each, over two warehouses: the demo's free stock. */
const models = [
  { model: 'Sorento', code: 'SR', trims: ['Comfort', 'Prestige'], price: 4_100_000 },
  { model: 'Sportage', code: 'SP', trims: ['Classic', 'Luxe'], price: 3_200_000 },
  { model: 'Rio', code: 'RN', trims: ['Classic', 'Comfort'], price: 1_700_000 },
  { model: 'Seltos', code: 'SE', trims: ['Comfort', 'Style'], price: 2_600_000 },
  { model: 'K5', code: 'K5', trims: ['Luxe', 'GT-Line'], price: 3_500_000 },
  { model: 'Carnival', code: 'CA', trims: ['Premium', 'Signature'], price: 5_900_000 },
];
const colours = ['Белый', 'Чёрный', 'Серебристый', 'Синий', 'Красный'];
const warehouses = ['Склад Москва', 'Склад Санкт-Петербург'];

/** About sixty free vehicles with stable VINs, so tests and screenshots can name them. */
export const demoStock = models.flatMap((m, mi) => Array.from({ length: 10 }, (_, i) => ({
  vin: `XWE${m.code}${String(mi)}${String(2026 - (i % 2))}${String(i).padStart(7, '0')}`.slice(0, 17).padEnd(17, '0'),
  model: m.model,
  trim: m.trims[i % 2],
  colour: colours[i % colours.length],
  year: 2026 - (i % 2),
  warehouse: warehouses[i % 2],
  price: m.price + (i % 2) * 250_000,
  status: 'free' as const,
})));

const at = (iso: string) => new Date(`${iso}T09:00:00Z`);

/** Open debt: dealer3 (Novosibirsk) is close to its 20 M limit, the others comfortably below theirs. */
export const demoLedger = [
  { dealerId: 'dealer1', kind: 'invoice' as const, reference: 'INV-2026-0101', amount: 18_400_000, bookedAt: at('2026-10-02') },
  { dealerId: 'dealer1', kind: 'payment' as const, reference: 'PAY-2026-0101', amount: 6_000_000, bookedAt: at('2026-10-20') },
  { dealerId: 'dealer2', kind: 'invoice' as const, reference: 'INV-2026-0201', amount: 9_600_000, bookedAt: at('2026-10-05') },
  { dealerId: 'dealer3', kind: 'invoice' as const, reference: 'INV-2026-0301', amount: 12_300_000, bookedAt: at('2026-09-15') },
  { dealerId: 'dealer3', kind: 'invoice' as const, reference: 'INV-2026-0302', amount: 7_900_000, bookedAt: at('2026-10-28') },
  { dealerId: 'dealer3', kind: 'payment' as const, reference: 'PAY-2026-0301', amount: 1_500_000, bookedAt: at('2026-11-10') },
];
