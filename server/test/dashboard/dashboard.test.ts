import { Dealer } from '../../src/entities/Dealer';
import type { DashboardSummary } from '../../src/dashboard/DashboardSummary';
import { sqlDateTime } from '../../src/dashboard/sqlDateTime';
import { setRoleRules } from '../support/roleRules';
import { eventually } from '../support/eventually';
import { linearProcess } from '../support/linearProcess';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';
import { tinyForm, tinyProcess } from '../support/tinyProcess';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(testDatabases())('the dashboard on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());

  const admin = () => server.as('admin');
  const summary = async () => {
    const response = await (await admin()).get('/api/dashboard');
    expect(response.status).toBe(200);
    return response.body as DashboardSummary;
  };
  const sql = (query: string, params: unknown[]) => server.running.dataSource.query(query, params);
  const deploy = async (xml: string) => {
    const response = await (await admin()).post('/api/deployments').send({ resources: [{ name: 'dash.bpmn', content: xml }, { name: 'tiny-form.form.json', content: JSON.stringify(tinyForm) }] });
    expect(response.status).toBe(201);
  };
  const instancesOf = async (processId: string, state: string, count: number) => eventually(async () => {
    const rows = (await sql(`SELECT \`key\` FROM process_instance WHERE bpmnProcessId = ? AND state = ? ORDER BY \`key\``, [processId, state])) as { key: string }[];
    if (rows.length !== count) throw new Error(`${rows.length} ${state} instances of ${processId}, not ${count}`);
    return rows.map((row) => String(row.key));
  });
  const openTasksOf = async (processId: string, count: number) => eventually(async () => {
    const rows = (await sql(`SELECT \`key\`, caseRef FROM task WHERE bpmnProcessId = ? AND state = 'open'`, [processId])) as { key: string; caseRef: string }[];
    if (rows.length !== count) throw new Error(`${rows.length} open tasks of ${processId}, not ${count}`);
    return new Map(rows.map((row) => [row.caseRef, String(row.key)]));
  });
  const dealerCount = (body: DashboardSummary, dealerId: string) => body.openTasksByDealer.find((d) => d.dealerId === dealerId)?.count ?? 0;
  const day = (body: DashboardSummary, iso: string) => body.throughput.find((d) => d.day === iso.slice(0, 10))!;

  it('counts open tasks, SLA breaches, cycle times and throughput of known cases exactly', async () => {
    // Given two processes: one whose cases wait on a review, one that ends as soon as it starts.
    await deploy(tinyProcess({ id: 'dash-review', name: 'Проверка дашборда' }));
    await deploy(linearProcess({ id: 'dash-quick', name: 'Быстрый процесс', steps: [] }));
    const before = await summary();
    const engine = server.running.services.engine;
    const cases = [['A1', 'dealer1'], ['A2', 'dealer1'], ['A3', 'dealer1'], ['A4', 'dealer1'], ['B1', 'dealer2'], ['B2', 'dealer2']];
    for (const [caseRef, dealerId] of cases) await engine.createInstance('dash-review', { dealerId, caseRef });
    const tasks = await openTasksOf('dash-review', 6);
    await engine.completeUserTask(tasks.get('A4')!, { ok: true });
    await engine.completeUserTask(tasks.get('B2')!, { ok: true });
    const reviewed = await instancesOf('dash-review', 'completed', 2);
    await openTasksOf('dash-review', 4);
    for (let i = 1; i <= 11; i++) await engine.createInstance('dash-quick', { caseRef: `Q${i}` });
    const quick = await instancesOf('dash-quick', 'completed', 11);

    // And known due dates and times: the engine ran them just now, so the test sets when.
    const now = Date.now();
    const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
    const due = (caseRef: string, at: Date | null, endedAt?: Date) => sql(
      `UPDATE task SET dueDate = ?, dueSort = ?${endedAt ? ', endedAt = ?' : ''} WHERE bpmnProcessId = 'dash-review' AND caseRef = ?`,
      [at && sqlDateTime(at), sqlDateTime(at ?? new Date('9999-12-31T00:00:00Z')), ...(endedAt ? [sqlDateTime(endedAt)] : []), caseRef],
    );
    await due('A1', new Date(now - 2 * HOUR)); // open, late: overdue and breached within the window
    await due('A2', new Date(now - 40 * DAY)); // open, late since before the window: overdue only
    await due('A3', new Date(now + DAY)); // open, not due yet
    await due('A4', new Date(now - 5 * DAY), new Date(now - 4 * DAY)); // done a day late: breached
    await due('B2', new Date(now - 3 * DAY), new Date(now - 3 * DAY - HOUR)); // done in time
    const ran = (key: string, startedAt: number, endedAt: number) => sql('UPDATE process_instance SET startedAt = ?, endedAt = ? WHERE `key` = ?', [sqlDateTime(new Date(startedAt)), sqlDateTime(new Date(endedAt)), key]);
    const twoDaysAgoNoon = today - 2 * DAY + 12 * HOUR;
    await ran(reviewed[0], twoDaysAgoNoon - 2 * HOUR, twoDaysAgoNoon);
    await ran(reviewed[1], twoDaysAgoNoon - 4 * HOUR, twoDaysAgoNoon);
    // Ten quick cases ended nine days ago at noon after 1 h 1 ms … 10 h 10 ms; one ended before the window after 100 h.
    const nineDaysAgoNoon = today - 9 * DAY + 12 * HOUR;
    for (let k = 1; k <= 10; k++) await ran(quick[k - 1], nineDaysAgoNoon - (k * HOUR + k), nineDaysAgoNoon);
    await ran(quick[10], now - 31 * DAY - 100 * HOUR, now - 31 * DAY);

    // When the admin opens the dashboard.
    const after = await summary();

    // Then open tasks count per process and per dealer, dealers by name.
    expect(after.openTasksByProcess.find((p) => p.bpmnProcessId === 'dash-review')).toEqual({ bpmnProcessId: 'dash-review', count: 4 });
    expect(after.openTasksByProcess.find((p) => p.bpmnProcessId === 'dash-quick')).toBeUndefined();
    expect(dealerCount(after, 'dealer1') - dealerCount(before, 'dealer1')).toBe(3);
    expect(dealerCount(after, 'dealer2') - dealerCount(before, 'dealer2')).toBe(1);
    const dealer1 = await server.running.dataSource.getRepository(Dealer).findOneByOrFail({ id: 'dealer1' });
    expect(after.openTasksByDealer.find((d) => d.dealerId === 'dealer1')?.dealerName).toBe(dealer1.name);
    // SLA: A1 and A2 are open past due; A1 and A4 were late within the last 30 days.
    expect(after.slaBreaches.find((s) => s.bpmnProcessId === 'dash-review')).toEqual({ bpmnProcessId: 'dash-review', overdueOpen: 2, breachedInWindow: 2 });
    expect(after.slaBreaches.find((s) => s.bpmnProcessId === 'dash-quick')).toBeUndefined();
    // Cycle times by nearest rank: of 10 quick cases the 5th and the 9th; of two reviews the 1st and the 2nd.
    expect(after.cycleTimes.find((c) => c.bpmnProcessId === 'dash-quick')).toEqual({ bpmnProcessId: 'dash-quick', completed: 10, medianMs: 5 * HOUR + 5, p90Ms: 9 * HOUR + 9 });
    expect(after.cycleTimes.find((c) => c.bpmnProcessId === 'dash-review')).toEqual({ bpmnProcessId: 'dash-review', completed: 2, medianMs: 2 * HOUR, p90Ms: 4 * HOUR });
    // Throughput: 30 days, today last; the quick cases on their day, the reviews on theirs.
    expect(after.windowDays).toBe(30);
    expect(after.throughput).toHaveLength(30);
    expect(after.throughput[29].day).toBe(after.generatedAt.slice(0, 10));
    const nineDaysAgo = new Date(nineDaysAgoNoon).toISOString();
    expect(day(after, nineDaysAgo).started - day(before, nineDaysAgo).started).toBe(10);
    expect(day(after, nineDaysAgo).completed - day(before, nineDaysAgo).completed).toBe(10);
    const twoDaysAgo = new Date(twoDaysAgoNoon).toISOString();
    expect(day(after, twoDaysAgo).started - day(before, twoDaysAgo).started).toBe(2);
    expect(day(after, twoDaysAgo).completed - day(before, twoDaysAgo).completed).toBe(2);
    // Every deployed process is listed by name with its latest version and running cases, for its heatmap.
    expect(after.processes.find((p) => p.bpmnProcessId === 'dash-review')).toEqual({ bpmnProcessId: 'dash-review', name: 'Проверка дашборда', latestVersion: 1, activeInstances: 4 });
    expect(after.processes.find((p) => p.bpmnProcessId === 'dash-quick')).toEqual({ bpmnProcessId: 'dash-quick', name: 'Быстрый процесс', latestVersion: 1, activeInstances: 0 });
    expect(after.processes.map((p) => p.bpmnProcessId)).toContain('warranty-claim');
  });

  it('is the process admins’ alone: others get 403, strangers 401', async () => {
    for (const username of ['dealer1.staff', 'dealer1.manager', 'approver.warranty', 'auditor']) {
      const response = await (await server.as(username)).get('/api/dashboard');
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'forbidden', message: expect.any(String) });
    }
    expect((await server.anonymous().get('/api/dashboard')).status).toBe(401);
  });

  it('stays closed to a role granted the dashboard for its own dealer only: the figures add up every dealer', async () => {
    const before = await setRoleRules(server.running, 'dealer-manager', (rules) => [...rules, { action: 'read', subject: 'Dashboard', conditions: { dealerId: '${user.dealerId}' } }]);
    try {
      expect((await (await server.as('dealer2.manager')).get('/api/dashboard')).status).toBe(403);
    } finally {
      await setRoleRules(server.running, 'dealer-manager', () => before);
    }
  });
});
