import { deployReview } from '../support/reviewProcess';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

interface Row { key: string; processInstanceKey: string; assignee: string | null; dealerName: string }

describe.each(testDatabases())('the inbox and the approval queue as each user last read them, on %s', (_kind, database) => {
  let server: TestServer;
  let builds: jest.SpyInstance;
  let queueBuilds: jest.SpyInstance;
  beforeAll(async () => {
    server = await startTestServer(database());
    await deployReview(server);
    builds = jest.spyOn(server.running.services.inbox, 'page');
    queueBuilds = jest.spyOn(server.running.services.approvals, 'page');
  });
  afterAll(() => server.stop());

  const list = async (username: string, query = '?processId=dealer-review&limit=50') => {
    const response = await (await server.as(username)).get(`/api/tasks${query}`).set('Accept-Encoding', 'br');
    expect(response.status).toBe(200);
    return response.body.items as Row[];
  };
  const start = async () => {
    const started = await (await server.as('admin')).post('/api/process-instances').send({ bpmnProcessId: 'dealer-review', variables: {}, dealerId: 'dealer1' });
    expect(started.status).toBe(201);
    return started.body.instanceKey as string;
  };

  it('answers a repeated read, whatever the order of its query, from the page it kept', async () => {
    await start();
    const first = await list('dealer1.staff');
    builds.mockClear();
    const again = await list('dealer1.staff', '?limit=50&processId=dealer-review');
    expect(again).toEqual(first);
    expect(builds).not.toHaveBeenCalled();
    // another user's read is their own page
    await list('dealer1.manager');
    expect(builds).toHaveBeenCalledTimes(1);
  });

  it('shows each change on the very next read: a new task, a claim, a dealer renamed, a completion', async () => {
    // given pages both dealer users have read
    await list('dealer1.staff');
    await list('dealer1.manager');
    // when a case starts, its task is on the next read
    const instanceKey = await start();
    const task = (await list('dealer1.manager')).find((t) => t.processInstanceKey === instanceKey);
    expect(task).toMatchObject({ assignee: null, dealerName: 'Автоцентр Москва' });
    // when the staff member claims it, the manager's next read shows who holds it
    expect((await (await server.as('dealer1.staff')).post(`/api/tasks/${task!.key}/claim`)).status).toBe(200);
    expect((await list('dealer1.manager')).find((t) => t.key === task!.key)).toMatchObject({ assignee: 'dealer1.staff' });
    // when the dealer is renamed, its open tasks show the new name
    const renamed = await (await server.as('admin')).patch('/api/dealers/dealer1').send({ name: 'Автоцентр Москва-Север' });
    expect(renamed.status).toBe(200);
    expect((await list('dealer1.manager')).find((t) => t.key === task!.key)).toMatchObject({ dealerName: 'Автоцентр Москва-Север' });
    // when it is completed, it leaves the list
    expect((await (await server.as('dealer1.staff')).post(`/api/tasks/${task!.key}/complete`).send({ variables: { note: 'готово' } })).status).toBe(204);
    expect((await list('dealer1.manager')).map((t) => t.key)).not.toContain(task!.key);
    expect((await list('dealer1.staff')).map((t) => t.key)).not.toContain(task!.key);
  });

  it('answers the approval queue from the kept page until a decision, whose task is gone on the next read', async () => {
    const queue = async () => (await (await server.as('approver.warranty')).get('/api/approvals')).body.items as Array<{ key: string; timeLeftMs: number | null }>;
    const first = await queue();
    queueBuilds.mockClear();
    expect(await queue()).toEqual(first);
    expect(queueBuilds).not.toHaveBeenCalled();
    const decided = await (await server.as('approver.warranty')).post('/api/approvals/decide').send({ taskIds: [first[0].key], decision: 'approve', reason: 'Гарантийный случай подтверждён' });
    expect(decided.body.results).toEqual([{ taskId: first[0].key, ok: true }]);
    expect((await queue()).map((t) => t.key)).not.toContain(first[0].key);
    expect(queueBuilds).toHaveBeenCalledTimes(1);
  });
});
