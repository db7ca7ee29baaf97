import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

interface QueueItem { key: string; caseRef: string; candidateGroups: string[]; dueDate: string | null; timeLeftMs: number | null; dealerId: string }

describe.each(testDatabases())('approval queue on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());

  const queueOf = async (username: string) => (await (await server.as(username)).get('/api/approvals')).body.items as QueueItem[];

  it('shows the warranty approver the demo claims of every dealer, soonest SLA first', async () => {
    const queue = await queueOf('approver.warranty');
    expect(new Set(queue.map((t) => t.dealerId))).toEqual(new Set(['dealer1', 'dealer2', 'dealer3']));
    expect(queue.every((t) => t.candidateGroups.includes('warranty') && typeof t.timeLeftMs === 'number')).toBe(true);
    const due = queue.map((t) => t.dueDate!);
    expect(due).toEqual([...due].sort());
  });

  it('shows nothing to dealer staff or to another approver group', async () => {
    expect(await queueOf('dealer1.staff')).toEqual([]);
    // the sales approver has only the demo tender to verify, no warranty claim
    expect((await queueOf('approver.sales')).map((t) => [t.caseRef.slice(0, 2), t.candidateGroups])).toEqual([['TR', ['sales']]]);
  });

  it('insists on a reason', async () => {
    const [first] = await queueOf('approver.warranty');
    const response = await (await server.as('approver.warranty')).post('/api/approvals/decide').send({ taskIds: [first.key], decision: 'approve' });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'reason', message: expect.any(String) }]);
    expect((await queueOf('approver.warranty')).map((t) => t.key)).toContain(first.key);
  });

  it('decides many at once and reports each task, failures included', async () => {
    const queue = await queueOf('approver.warranty');
    const chosen = queue.slice(0, 2).map((t) => t.key);
    const response = await (await server.as('approver.warranty')).post('/api/approvals/decide')
      .send({ taskIds: [...chosen, 'no-such-task'], decision: 'reject', reason: 'Дефект вызван эксплуатацией' });
    expect(response.status).toBe(200);
    expect(response.body.results).toEqual([
      { taskId: chosen[0], ok: true },
      { taskId: chosen[1], ok: true },
      { taskId: 'no-such-task', ok: false, status: 404, code: 'not_found', message: expect.any(String), details: { id: 'no-such-task' } },
    ]);
    const after = (await queueOf('approver.warranty')).map((t) => t.key);
    expect(after).not.toContain(chosen[0]);
    expect(after).not.toContain(chosen[1]);
    const again = await (await server.as('approver.warranty')).post('/api/approvals/decide').send({ taskIds: [chosen[0]], decision: 'approve', reason: 'Передумал' });
    expect(again.body.results).toEqual([{ taskId: chosen[0], ok: false, status: 409, code: 'conflict', message: expect.any(String), details: { state: 'completed' } }]);
  });
});
