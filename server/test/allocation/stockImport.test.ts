import { AuditEntry } from '../../src/entities/AuditEntry';
import { StockVehicle } from '../../src/allocation/StockVehicle';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';
import { russianHeader, stockWorkbook } from './stockFiles';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(testDatabases())('importing stock from Excel and CSV on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());

  const stock = () => server.running.dataSource.getRepository(StockVehicle);
  const imports = () => server.running.dataSource.getRepository(AuditEntry).find({ where: { action: 'stock.import' }, order: { seq: 'ASC' } });
  const upload = async (username: string, name: string, bytes: Buffer, type = XLSX) =>
    (await server.as(username)).post(`/api/stock/import?name=${encodeURIComponent(name)}`).set('Content-Type', type).send(bytes);

  it('adds new vehicles and changes free ones, with exactly one audit entry', async () => {
    const [free] = await stock().find({ where: { status: 'free', model: 'Rio' }, take: 1 });
    const auditsBefore = (await imports()).length;
    const file = await stockWorkbook(russianHeader, [
      ['XWENW0000000000A1', 'Niro', 'Prestige', 'Зелёный', 2026, 'Склад Казань', 3_900_000],
      ['XWENW0000000000A2', 'Niro', 'Comfort', 'Белый', 2026, 'Склад Казань', 3_600_000],
      [free!.vin, free!.model, free!.trim, free!.colour, free!.year, 'Склад Казань', 1_999_000],
    ]);
    const response = await upload('admin', 'Поставка ноябрь.xlsx', file);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ added: 2, updated: 1 });
    expect(await stock().findOneByOrFail({ vin: 'XWENW0000000000A1' })).toMatchObject({ model: 'Niro', status: 'free', price: 3_900_000, dealerId: null });
    expect(await stock().findOneByOrFail({ vin: free!.vin })).toMatchObject({ warehouse: 'Склад Казань', price: 1_999_000, status: 'free' });
    const entries = await imports();
    expect(entries).toHaveLength(auditsBefore + 1);
    expect(entries.at(-1)).toMatchObject({ actor: 'admin', subjectId: 'Поставка ноябрь.xlsx' });
    expect(JSON.parse(entries.at(-1)!.payload)).toEqual({ added: 2, updated: 1, rows: 3 });
    // the same file again changes the vehicles in place
    expect((await upload('admin', 'Поставка ноябрь.xlsx', file)).body).toEqual({ added: 0, updated: 3 });
  });

  it('refuses a file with bad rows whole, listing each problem, and changes nothing', async () => {
    const before = await stock().count();
    const auditsBefore = (await imports()).length;
    const csv = Buffer.from('VIN;Модель;Комплектация;Цвет;Год;Склад;Цена\nXWENW0000000000B1;Niro;Comfort;Белый;2026;Склад Казань;3600000\nXWENW00000000QQQ;Niro;Comfort;Белый;2026;Склад Казань;3600000\n');
    const response = await upload('admin', 'stock.csv', csv, 'text/csv');
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'stock_file_invalid', details: { errors: [{ row: 3, column: 'vin', problem: 'vin', value: 'XWENW00000000QQQ' }] } });
    expect(await stock().count()).toBe(before);
    expect(await stock().existsBy({ vin: 'XWENW0000000000B1' })).toBe(false);
    expect(await imports()).toHaveLength(auditsBefore);
  });

  it('never changes a vehicle held for a dealer: the file is refused and its new vehicles are not added', async () => {
    const [held] = await stock().find({ where: { status: 'free', model: 'K5' }, take: 1 });
    await stock().update({ vin: held!.vin }, { status: 'reserved', dealerId: 'dealer2', caseRef: 'VA-TEST-1' });
    const file = await stockWorkbook(russianHeader, [
      ['XWENW0000000000C1', 'Niro', 'Comfort', 'Белый', 2026, 'Склад Казань', 3_600_000],
      [held!.vin, 'K5', 'Luxe', 'Чёрный', 2026, 'Склад Казань', 1],
    ]);
    const response = await upload('admin', 'stock.xlsx', file);
    expect(response.status).toBe(422);
    expect(response.body.details.errors).toEqual([{ row: 3, column: 'vin', problem: 'held', value: held!.vin }]);
    expect(await stock().findOneByOrFail({ vin: held!.vin })).toMatchObject({ status: 'reserved', dealerId: 'dealer2', price: held!.price });
    expect(await stock().existsBy({ vin: 'XWENW0000000000C1' })).toBe(false);
  });

  it('lets only master data administrators import, and only spreadsheets', async () => {
    const file = await stockWorkbook(russianHeader, [['XWENW0000000000D1', 'Niro', 'Comfort', 'Белый', 2026, 'Склад Казань', 3_600_000]]);
    expect((await upload('dealer1.manager', 'stock.xlsx', file)).status).toBe(403);
    expect((await upload('approver.sales', 'stock.xlsx', file)).status).toBe(403);
    expect((await upload('admin', 'stock.pdf', file, 'application/pdf')).body.code).toBe('stock_file_type');
    const noColumns = await upload('admin', 'stock.xlsx', await stockWorkbook(['VIN', 'Модель'], [['XWENW0000000000D1', 'Niro']]));
    expect(noColumns.status).toBe(400);
    expect(noColumns.body).toMatchObject({ code: 'stock_file_columns', details: { columns: ['trim', 'colour', 'year', 'warehouse', 'price'] } });
    expect((await upload('admin', 'stock.xlsx', Buffer.from('PK not really'))).body.code).toBe('stock_file_unreadable');
    expect(await stock().existsBy({ vin: 'XWENW0000000000D1' })).toBe(false);
  });

  it('adds each vehicle exactly once when the same file is sent twice at the same time', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => [`XWENW00000000E${String(i).padStart(3, '0')}`, 'Niro', 'Comfort', 'Белый', 2026, 'Склад Казань', 3_600_000]);
    const file = await stockWorkbook(russianHeader, rows);
    const before = await stock().count();
    const responses = await Promise.all([upload('admin', 'a.xlsx', file), upload('admin', 'a.xlsx', file)]);
    for (const response of responses) expect([200, 409]).toContain(response.status);
    expect(responses.some((r) => r.status === 200 && r.body.added === 20)).toBe(true);
    expect(await stock().count()).toBe(before + 20);
  });
});
