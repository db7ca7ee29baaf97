import { AuditEntry } from '../../src/entities/AuditEntry';
import { DealerPlan } from '../../src/kpi/DealerPlan';
import { monthOf } from '../../src/kpi/kpiMeasures';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';
import { KpiFixture, writeMarch } from './kpiFixture';

interface Cell { plan: number | null; fact: number | null }
interface DealerRow { dealerId: string; dealerName: string; editable: boolean; measures: Record<string, Cell>; basis: Record<string, number> }

const facts = (row: DealerRow) => Object.fromEntries(Object.entries(row.measures).map(([measure, cell]) => [measure, cell.fact]));

describe.each(testDatabases())('dealer KPIs on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
    await writeMarch(new KpiFixture(server.running.dataSource));
  }, 120_000);
  afterAll(() => server.stop());

  const ds = () => server.running.dataSource;
  const report = async (username: string, query = 'month=2026-03') => (await server.as(username)).get(`/api/kpi?${query}`);
  const plans = () => ds().getRepository(DealerPlan).find({ where: { month: '2026-03' }, order: { dealerId: 'ASC', measure: 'ASC' } });
  const planEntries = () => ds().getRepository(AuditEntry).countBy({ action: 'kpi.plan.save' });

  it('counts March exactly: leads taken, p50/p90 response, conversion, tender win rate and warranty cycle, dealers by name', async () => {
    const answer = await report('approver.sales');
    expect(answer.status).toBe(200);
    const rows = answer.body.dealers as DealerRow[];
    expect(rows.map((r) => r.dealerName)).toEqual(['Автоцентр Казань', 'Автоцентр Москва', 'Автоцентр Новосибирск']);
    const byId = Object.fromEntries(rows.map((r) => [r.dealerId, r]));
    expect(facts(byId.dealer1)).toEqual({ leadsTaken: 5, responseP50: 120, responseP90: 900, conversion: 0.4, tenderWinRate: 0.6667, warrantyCycle: 3 * 86_400 });
    expect(facts(byId.dealer2)).toEqual({ leadsTaken: 2, responseP50: 300, responseP90: 1200, conversion: 0.5, tenderWinRate: 0, warrantyCycle: 129_600 });
    expect(facts(byId.dealer3)).toEqual({ leadsTaken: 0, responseP50: null, responseP90: null, conversion: null, tenderWinRate: null, warrantyCycle: null });
    expect(byId.dealer1.basis).toEqual({ responses: 5, tendersDecided: 3, claimsClosed: 2 });
    expect(byId.dealer1.editable).toBe(true);
    // February holds only the lead of 20 February and the lost tender of 23 February
    const february = Object.fromEntries(((await report('approver.sales', 'month=2026-02')).body.dealers as DealerRow[]).map((r) => [r.dealerId, facts(r)]));
    expect(february.dealer1).toMatchObject({ leadsTaken: 1, responseP50: 5, responseP90: 5, conversion: 1, tenderWinRate: 0 });
  });

  it('dealers see only their own dealer; another dealer answers 404; roles without KPIs get 403', async () => {
    for (const username of ['dealer1.manager', 'dealer1.staff']) {
      const own = await report(username);
      expect(own.status).toBe(200);
      expect((own.body.dealers as DealerRow[]).map((r) => r.dealerId)).toEqual(['dealer1']);
      expect(facts(own.body.dealers[0] as DealerRow)).toMatchObject({ leadsTaken: 5, responseP90: 900 });
      expect((own.body.dealers as DealerRow[])[0].editable).toBe(false);
      const other = await report(username, 'month=2026-03&dealerId=dealer2');
      expect(other.status).toBe(404);
      expect(other.body).toMatchObject({ code: 'not_found' });
    }
    expect((await report('dealer1.manager', 'month=2026-03&dealerId=dealer1')).body.dealers).toHaveLength(1);
    expect((await report('approver.warranty', 'month=2026-03&dealerId=dealer2')).body.dealers[0].dealerName).toBe('Автоцентр Казань');
    expect((await report('auditor')).status).toBe(403);
    expect((await server.anonymous().get('/api/kpi?month=2026-03')).status).toBe(401);
    const bad = await report('approver.sales', 'month=2026-13');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'validation_failed' });
    expect((await report('admin', 'month=2026-03&dealerId=nobody')).status).toBe(404);
  });

  it('a sales approver sets plans with one audit entry; the report shows them; null removes one', async () => {
    const approver = await server.as('approver.sales');
    const before = await planEntries();
    const saved = await approver.put('/api/kpi/plans').send({ month: '2026-03', plans: [{ dealerId: 'dealer1', measure: 'leadsTaken', target: 6 }, { dealerId: 'dealer1', measure: 'conversion', target: 0.3 }, { dealerId: 'dealer2', measure: 'responseP90', target: 900 }] });
    expect(saved.status).toBe(200);
    expect((await plans()).map((p) => [p.dealerId, p.measure, p.target, p.updatedBy])).toEqual([['dealer1', 'conversion', 0.3, 'approver.sales'], ['dealer1', 'leadsTaken', 6, 'approver.sales'], ['dealer2', 'responseP90', 900, 'approver.sales']]);
    expect(await planEntries()).toBe(before + 1);
    const dealer1 = ((await report('dealer1.manager')).body.dealers as DealerRow[])[0];
    expect(dealer1.measures.leadsTaken).toEqual({ plan: 6, fact: 5 });
    expect(dealer1.measures.conversion).toEqual({ plan: 0.3, fact: 0.4 });
    expect(dealer1.measures.responseP90).toEqual({ plan: null, fact: 900 });
    // when the admin changes one and removes another
    expect((await (await server.as('admin')).put('/api/kpi/plans').send({ month: '2026-03', plans: [{ dealerId: 'dealer1', measure: 'leadsTaken', target: 8 }, { dealerId: 'dealer1', measure: 'conversion', target: null }] })).status).toBe(200);
    expect((await plans()).map((p) => [p.dealerId, p.measure, p.target, p.updatedBy])).toEqual([['dealer1', 'leadsTaken', 8, 'admin'], ['dealer2', 'responseP90', 900, 'approver.sales']]);
    expect(await planEntries()).toBe(before + 2);
  });

  it('refuses plans from dealers, other approvers and bad input, and changes nothing', async () => {
    const rows = await plans();
    const entries = await planEntries();
    const put = async (username: string, body: object) => (await server.as(username)).put('/api/kpi/plans').send(body);
    const one = (dealerId: string, measure = 'leadsTaken', target: number | null = 3) => ({ month: '2026-03', plans: [{ dealerId, measure, target }] });
    expect((await put('dealer1.manager', one('dealer1'))).status).toBe(403);
    expect((await put('dealer1.manager', one('dealer2'))).status).toBe(404);
    expect((await put('approver.warranty', one('dealer2'))).status).toBe(403);
    expect((await put('approver.sales', one('nobody'))).status).toBe(404);
    const share = await put('approver.sales', one('dealer1', 'conversion', 1.5));
    expect(share.status).toBe(400);
    expect(share.body.details).toEqual([{ field: 'plans.0.target', message: 'is a share and must be between 0 and 1' }]);
    expect((await put('approver.sales', one('dealer1', 'leadsTaken', 2.5))).status).toBe(400);
    expect((await put('approver.sales', one('dealer1', 'speed'))).status).toBe(400);
    expect((await put('approver.sales', one('dealer1', 'leadsTaken', -1))).status).toBe(400);
    expect((await put('approver.sales', { month: '2026-3', plans: [{ dealerId: 'dealer1', measure: 'leadsTaken', target: 1 }] })).status).toBe(400);
    expect((await put('approver.sales', { month: '2026-03', plans: [{ dealerId: 'dealer1', measure: 'leadsTaken', target: 1 }, { dealerId: 'dealer1', measure: 'leadsTaken', target: 2 }] })).status).toBe(400);
    expect(await plans()).toEqual(rows);
    expect(await planEntries()).toBe(entries);
  });

  it('two approvers setting the same new plan at once leave one row; a loser gets 409', async () => {
    const body = (target: number) => ({ month: '2026-03', plans: [{ dealerId: 'dealer3', measure: 'tenderWinRate', target }] });
    const entries = await planEntries();
    const answers = await Promise.all([(await server.as('approver.sales')).put('/api/kpi/plans').send(body(0.2)), (await server.as('admin')).put('/api/kpi/plans').send(body(0.25))]);
    const statuses = answers.map((a) => a.status);
    for (const status of statuses) expect([200, 409]).toContain(status);
    const stored = (await plans()).filter((p) => p.dealerId === 'dealer3');
    expect(stored).toHaveLength(1);
    expect(await planEntries()).toBe(entries + statuses.filter((s) => s === 200).length);
  });

  it('the demo has plans for every demo dealer this month', async () => {
    const month = monthOf(new Date());
    const rows = (await report('approver.sales', `month=${month}`)).body.dealers as DealerRow[];
    expect(rows).toHaveLength(3);
    for (const row of rows) for (const cell of Object.values(row.measures)) expect(cell.plan).not.toBeNull();
    expect(rows.find((r) => r.dealerId === 'dealer1')!.measures.leadsTaken.plan).toBe(40);
  });
});
