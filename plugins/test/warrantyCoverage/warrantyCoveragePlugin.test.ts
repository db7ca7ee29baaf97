import { addMonths, runPlugin, warrantyCoveragePlugin, type CoverageCatalog, type PluginContext, type RegisteredVehicle } from '../../src';

const vehicles: RegisteredVehicle[] = [
  { vin: 'XW8ZZZ61ZEG000001', model: 'Sedan', saleDate: '2024-03-15', dealerId: 'dealer1' },
  { vin: 'XW8ZZZ61ZEG000002', model: 'Crossover', saleDate: '2021-01-31', dealerId: 'dealer2' },
  { vin: 'XW8ZZZ61ZEG000003', model: 'Prototype', saleDate: '2025-06-01', dealerId: 'dealer3' },
];
const catalog: CoverageCatalog = {
  findVehicle: async (vin) => vehicles.find((v) => v.vin === vin) ?? null,
  termsFor: async (model) => ({ Sedan: { months: 36, mileageKm: 100_000 }, Crossover: { months: 36, mileageKm: 100_000 } } as Record<string, { months: number; mileageKm: number }>)[model] ?? null,
  campaignsFor: async (vehicle) => vehicle.model === 'Crossover'
    ? [{ code: 'SC-2025-07', title: 'Fuel pump replacement', defectCodes: ['P0087'], openUntil: '2026-12-31' }]
    : [],
};
const ctx: PluginContext = { log: { info() {}, warn() {}, error() {} }, signal: new AbortController().signal, headers: {}, jobKey: 'j', processInstanceKey: 'p', retries: 3 };
const plugin = warrantyCoveragePlugin(catalog);
const check = (input: object) => runPlugin(plugin, input, ctx);

describe('warranty coverage plugin', () => {
  it('covers a young vehicle under the mileage limit', async () => {
    expect(await check({ vin: 'XW8ZZZ61ZEG000001', mileage: 42_000, repairDate: '2026-11-20', defectCode: 'B1234' })).toEqual({
      kind: 'complete',
      variables: { covered: true, coverage: 'warranty', campaignCode: null, warrantyEndsOn: '2027-03-15', mileageLimitKm: 100_000, reasons: [{ ru: 'в пределах 36 мес. и 100\u00a0000 км', en: 'within 36 months and 100,000 km' }] },
    });
  });

  it('refuses over the mileage limit and says why', async () => {
    const outcome = await check({ vin: 'XW8ZZZ61ZEG000001', mileage: 120_000, repairDate: '2026-11-20', defectCode: 'B1234' });
    expect(outcome).toMatchObject({ kind: 'complete', variables: { covered: false, coverage: 'none', reasons: [{ ru: 'пробег 120\u00a0000 км больше лимита 100\u00a0000 км', en: 'mileage 120,000 km is over the 100,000 km limit' }] } });
  });

  it('refuses after the warranty period, naming the end date', async () => {
    const outcome = await check({ vin: 'XW8ZZZ61ZEG000002', mileage: 50_000, repairDate: '2026-11-20', defectCode: 'B1234' });
    expect(outcome).toMatchObject({ kind: 'complete', variables: { covered: false, warrantyEndsOn: '2024-01-31', reasons: [{ ru: expect.stringContaining('гарантия закончилась 31.01.2024'), en: expect.stringContaining('warranty ended on 2024-01-31') }] } });
  });

  it('covers an expired vehicle when an open service campaign fixes the defect', async () => {
    const outcome = await check({ vin: 'XW8ZZZ61ZEG000002', mileage: 150_000, repairDate: '2026-11-20', defectCode: 'P0087' });
    expect(outcome).toMatchObject({ kind: 'complete', variables: { covered: true, coverage: 'campaign', campaignCode: 'SC-2025-07' } });
  });

  it('does not apply a closed campaign', async () => {
    const outcome = await check({ vin: 'XW8ZZZ61ZEG000002', mileage: 150_000, repairDate: '2027-01-10', defectCode: 'P0087' });
    expect(outcome).toMatchObject({ kind: 'complete', variables: { covered: false, coverage: 'none' } });
  });

  it('answers "not covered" for an unknown VIN or a model without terms', async () => {
    expect(await check({ vin: 'XW8ZZZ61ZEG999999', mileage: 1, repairDate: '2026-11-20', defectCode: 'X' })).toMatchObject({ variables: { covered: false, reasons: [{ ru: 'VIN XW8ZZZ61ZEG999999 нет в реестре дистрибьютора', en: expect.stringContaining('not in the distributor') }] } });
    expect(await check({ vin: 'XW8ZZZ61ZEG000003', mileage: 1, repairDate: '2026-11-20', defectCode: 'X' })).toMatchObject({ variables: { covered: false, reasons: [{ ru: 'для модели Prototype нет гарантийных условий', en: 'no warranty terms for model Prototype' }] } });
  });

  it('rejects a malformed VIN or date as invalid input', async () => {
    expect(await check({ vin: 'XW8ZZZ61ZEG00000I', mileage: 1, repairDate: '20.11.2026', defectCode: 'X' })).toMatchObject({ kind: 'bpmnError', code: 'INVALID_INPUT' });
  });

  it('adds months the way warranty contracts count them', () => {
    expect(addMonths('2024-03-15', 36)).toBe('2027-03-15');
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-12-31', 2)).toBe('2025-02-28');
  });
});
