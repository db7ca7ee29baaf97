import { deployReview, openReview, reviewBpmn } from '../support/reviewProcess';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

describe.each(testDatabases())('the diagram of a task on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
    await deployReview(server);
  });
  afterAll(() => server.stop());

  const diagram = async (username: string, key: string) => (await server.as(username)).get(`/api/tasks/${key}/diagram`);

  it('gives the BPMN of the case’s version with the task’s step active and the steps before it completed', async () => {
    const task = await openReview(server, 'dealer1', 'dealer1.staff');
    const response = await diagram('dealer1.staff', task.key);
    expect(response.status).toBe(200);
    expect(response.body.xml).toBe(reviewBpmn);
    expect(response.body.activeElementIds).toEqual(['Review']);
    expect(response.body.completedElementIds).toContain('Start');
    expect(response.body.completedElementIds).not.toContain('Review');
    expect(response.body.completedElementIds).not.toContain('End');
  });

  it('is visible only to who may read the task: others get 404', async () => {
    const task = await openReview(server, 'dealer1', 'dealer1.staff');
    for (const outsider of ['dealer2.staff', 'dealer2.manager', 'approver.sales', 'auditor']) {
      const response = await diagram(outsider, task.key);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ code: 'not_found', message: expect.any(String) });
    }
    expect((await diagram('dealer1.staff', 'no-such-task')).status).toBe(404);
    expect((await server.anonymous().get(`/api/tasks/${task.key}/diagram`)).status).toBe(401);
  });

  it('marks nothing active once the task is done, and the task’s step completed', async () => {
    const task = await openReview(server, 'dealer1', 'dealer1.staff');
    expect((await (await server.as('dealer1.staff')).post(`/api/tasks/${task.key}/complete`).send({ variables: { note: 'готово' } })).status).toBe(204);
    const response = await diagram('dealer1.staff', task.key);
    expect(response.status).toBe(200);
    expect(response.body.activeElementIds).toEqual([]);
    expect(response.body.completedElementIds).toEqual(expect.arrayContaining(['Start', 'Review', 'End']));
  });

  it('keeps showing the version the case runs on after a newer one is deployed', async () => {
    const task = await openReview(server, 'dealer1', 'dealer1.staff');
    const newer = reviewBpmn.replace('name="Review the order"', 'name="Review the order again"');
    const deployed = await (await server.as('admin')).post('/api/deployments').send({ resources: [{ name: 'dealer-review.bpmn', content: newer }] });
    expect(deployed.body.processes[0].version).toBe(2);
    expect((await diagram('dealer1.staff', task.key)).body.xml).toBe(reviewBpmn);
    const later = await openReview(server, 'dealer1', 'dealer1.staff');
    expect((await diagram('dealer1.staff', later.key)).body.xml).toBe(newer);
  });
});
