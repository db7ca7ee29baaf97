import { creditExposurePlugin, runPlugin, stockPlugin } from '@dealerflow/plugins';
import type { DataSource } from 'typeorm';
import { Reservation } from '../../src/allocation/Reservation';
import { SqlStockLedger } from '../../src/allocation/SqlStockLedger';
import { StockVehicle } from '../../src/allocation/StockVehicle';
import { VehicleOrder } from '../../src/allocation/VehicleOrder';
import { openDatabase } from '../../src/db/createDataSource';
import { Overdraft } from '../../src/finance/Overdraft';
import { SqlCreditLedger } from '../../src/finance/SqlCreditLedger';
import { testDatabases, type TestDatabase } from '../support/testDatabases';
import { dealerWithDebt, jobContext, stockUp } from './stockFixtures';

describe.each(testDatabases())('the stock and credit-exposure plugins on %s', (_kind, database) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const stock = () => stockPlugin(new SqlStockLedger(dataSource));
  const credit = () => creditExposurePlugin(new SqlCreditLedger(dataSource));
  const reserve = (jobKey: string, dealerId: string, caseRef: string, variables: object) =>
    runPlugin(stock(), { dealerId, caseRef, ...variables }, jobContext(jobKey, { operation: 'reserve' }));
  const op = (operation: string, jobKey: string, dealerId: string, caseRef: string, variables: object = {}) =>
    runPlugin(stock(), { dealerId, caseRef, ...variables }, jobContext(jobKey, { operation }));

  beforeAll(async () => {
    db = database();
    dataSource = await openDatabase(await db.create());
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('gives twenty dealers racing for the last three cars exactly three reservations', async () => {
    // given three free Carnivals
    const vins = await stockUp(dataSource, 'Carnival', 3);
    // when twenty dealers ask for one at the same moment
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      reserve(`race-${i}`, `d${i}`, `RACE-${i}`, { lines: [{ model: 'Carnival', quantity: 1 }] })));
    // then three win, seventeen hear "out of stock", and no car is held twice
    const won = outcomes.filter((o) => o.kind === 'complete');
    expect(won).toHaveLength(3);
    expect(outcomes.filter((o) => o.kind === 'bpmnError' && o.code === 'OUT_OF_STOCK')).toHaveLength(17);
    const reservations = await dataSource.getRepository(Reservation).findBy({ state: 'pending' });
    expect(reservations.map((r) => r.vin).sort()).toEqual(vins);
    expect(new Set(reservations.map((r) => r.dealerId)).size).toBe(3);
    const held = await dataSource.getRepository(StockVehicle).findBy({ model: 'Carnival' });
    expect(held.every((v) => v.status === 'reserved' && reservations.some((r) => r.vin === v.vin && r.caseRef === v.caseRef))).toBe(true);
  });

  it('reserves once per job: a redelivered job gets the same cars back', async () => {
    await stockUp(dataSource, 'Rio', 4, 1_700_000);
    const first = await reserve('job-rio', 'dealer-a', 'CASE-RIO', { lines: [{ model: 'Rio', quantity: 2 }], holdHours: 72 });
    const again = await reserve('job-rio', 'dealer-a', 'CASE-RIO', { lines: [{ model: 'Rio', quantity: 2 }], holdHours: 72 });
    expect(first).toMatchObject({ kind: 'complete', variables: { operation: 'reserve', amount: 3_400_000, shortfall: 0 } });
    expect(again).toEqual(first);
    expect(await dataSource.getRepository(StockVehicle).countBy({ model: 'Rio', status: 'free' })).toBe(2);
  });

  it('reports a shortfall, allocates part, releases the rest, orders, receives', async () => {
    const vins = await stockUp(dataSource, 'Seltos', 2, 2_600_000);
    const held = await reserve('job-sel', 'dealer-b', 'CASE-SEL', { lines: [{ model: 'Seltos', quantity: 3 }] });
    expect(held).toMatchObject({ kind: 'complete', variables: { vins, shortfall: 1, amount: 5_200_000 } });
    const allocated = await op('allocate', 'job-sel-a', 'dealer-b', 'CASE-SEL', { vins: [vins[1]] });
    expect(allocated).toMatchObject({ kind: 'complete', variables: { vins: [vins[1]], released: [vins[0]], amount: 2_600_000 } });
    const ordered = await op('order', 'job-sel-o', 'dealer-b', 'CASE-SEL');
    const orderedAgain = await op('order', 'job-sel-o2', 'dealer-b', 'CASE-SEL');
    expect(ordered).toMatchObject({ kind: 'complete', variables: { orderNumber: expect.stringMatching(/^ORD-\d{6}$/), vins: [vins[1]] } });
    expect(orderedAgain).toEqual(ordered);
    await op('receive', 'job-sel-r', 'dealer-b', 'CASE-SEL');
    expect(await dataSource.getRepository(VehicleOrder).findOneByOrFail({ caseRef: 'CASE-SEL' })).toMatchObject({ status: 'delivered', amount: 2_600_000 });
    const cars = await dataSource.getRepository(StockVehicle).find({ where: { model: 'Seltos' }, order: { vin: 'ASC' } });
    expect(cars.map((c) => [c.status, c.caseRef])).toEqual([['free', null], ['ordered', 'CASE-SEL']]);
  });

  it('reserves named VINs, and releasing frees them once', async () => {
    const vins = await stockUp(dataSource, 'K5', 3, 3_500_000);
    expect(await reserve('job-k5', 'dealer-c', 'CASE-K5', { vins: [vins[2], vins[0]] })).toMatchObject({ kind: 'complete', variables: { vins: [vins[2], vins[0]] } });
    expect(await reserve('job-k5-x', 'dealer-d', 'CASE-K5X', { vins: [vins[0]] })).toMatchObject({ kind: 'bpmnError', code: 'OUT_OF_STOCK' });
    expect(await op('expire', 'job-k5-e', 'dealer-c', 'CASE-K5')).toMatchObject({ kind: 'complete', variables: { vins: [vins[2], vins[0]] } });
    expect(await op('expire', 'job-k5-e', 'dealer-c', 'CASE-K5')).toMatchObject({ kind: 'complete', variables: { vins: [] } });
    expect(await dataSource.getRepository(StockVehicle).countBy({ model: 'K5', status: 'free' })).toBe(3);
    expect(await dataSource.getRepository(Reservation).countBy({ caseRef: 'CASE-K5', state: 'expired' })).toBe(2);
  });

  it('measures exposure as debt + other pending reservations + this amount against limit + overdraft, and grants an overdraft once per job', async () => {
    await dealerWithDebt(dataSource, 'dealer-x', 10_000_000, 6_000_000, 4.1);
    await stockUp(dataSource, 'Sorento', 1, 4_000_000);
    await reserve('job-x-other', 'dealer-x', 'CASE-X-OTHER', { lines: [{ model: 'Sorento', quantity: 1 }] });
    const measure = () => runPlugin(credit(), { dealerId: 'dealer-x', caseRef: 'CASE-X', amount: 2_000_000 }, jobContext('m', { operation: 'measure' }));
    expect(await measure()).toEqual({ kind: 'complete', variables: { exposure: { dealerName: 'Дилер dealer-x', rating: 4.1, creditLimit: 10_000_000, openDebt: 6_000_000, pendingReservations: 4_000_000, amount: 2_000_000, total: 12_000_000, overdraft: 0, utilisation: 1.2, headroom: -2_000_000 } } });
    const grant = () => runPlugin(credit(), { dealerId: 'dealer-x', caseRef: 'CASE-X', amount: 2_000_000, overdraftAmount: 2_500_000, overdraftExpiresAt: '2099-01-31', decidedBy: 'approver.finance', decisionReason: 'Сезонный рост продаж' }, jobContext('grant-x', { operation: 'grant-overdraft' }));
    const granted = await grant();
    expect(granted).toMatchObject({ kind: 'complete', variables: { overdraftAmount: 2_500_000, overdraftExpiresAt: '2099-01-31T23:59:59.999Z' } });
    expect(await grant()).toEqual(granted);
    expect(await dataSource.getRepository(Overdraft).countBy({ dealerId: 'dealer-x' })).toBe(1);
    expect(await measure()).toMatchObject({ variables: { exposure: { overdraft: 2_500_000, headroom: 500_000, utilisation: 0.96 } } });
  });

  it('refuses bad input as a BPMN error and an unknown operation as a failure', async () => {
    expect(await reserve('bad-1', 'dealer-a', 'CASE-BAD', { lines: [{ model: 'Rio', quantity: 0 }] })).toMatchObject({ kind: 'bpmnError', code: 'INVALID_INPUT' });
    expect(await reserve('bad-2', 'dealer-a', 'CASE-BAD', {})).toMatchObject({ kind: 'bpmnError', code: 'EMPTY_REQUEST' });
    expect(await op('steal', 'bad-3', 'dealer-a', 'CASE-BAD')).toMatchObject({ kind: 'fail' });
  });
});
