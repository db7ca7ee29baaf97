import { eventually } from '../support/eventually';
import { deployReview, openReview, reviewBpmn, reviewForm } from '../support/reviewProcess';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

const largeClaim = {
  vin: 'XW8AN2NE3PH000101', mileage: 30000, repairDate: '2026-11-20', defectCode: 'B1001', defectDescription: 'Не работает стеклоподъёмник',
  parts: [{ partNumber: '6RU837461', name: 'Стеклоподъёмник', quantity: 1, price: 48900 }], labourHours: 1.5,
};

describe.each(testDatabases())('assigning tasks on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
    await deployReview(server);
  });
  afterAll(() => server.stop());

  const assign = async (username: string, key: string, body: unknown) => (await server.as(username)).post(`/api/tasks/${key}/assign`).send(body as object);
  const assignees = async (username: string, key: string) => (await server.as(username)).get(`/api/tasks/${key}/assignees`);
  const assigneeOf = async (key: string) => (await (await server.as('admin')).get(`/api/tasks/${key}`)).body.task.assignee as string | null;
  const auditOf = async (instanceKey: string) => (await (await server.as('auditor')).get(`/api/audit?instanceKey=${instanceKey}`)).body.items as { action: string; actor: string; payload: unknown }[];

  it('lists the dealer’s candidates as assignees and lets the manager assign one, with an audit entry', async () => {
    const task = await openReview(server, 'dealer1', 'dealer1.manager');
    const list = await assignees('dealer1.manager', task.key);
    expect(list.status).toBe(200);
    expect(list.body.items.map((u: { username: string }) => u.username).sort()).toEqual(['dealer1.manager', 'dealer1.staff']);
    const response = await assign('dealer1.manager', task.key, { assignee: 'dealer1.staff' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ key: task.key, assignee: 'dealer1.staff', state: 'open' });
    expect(await assigneeOf(task.key)).toBe('dealer1.staff');
    const items = (await (await server.as('dealer1.staff')).get('/api/tasks?assignee=me&processId=dealer-review')).body.items as { key: string }[];
    expect(items.map((t) => t.key)).toContain(task.key);
    expect(await auditOf(task.processInstanceKey)).toContainEqual(expect.objectContaining({ action: 'task.assign', actor: 'dealer1.manager', payload: { taskKey: task.key, elementId: 'Review', from: null, to: 'dealer1.staff' } }));
    // A manager may also take it back from the colleague.
    expect((await assign('dealer1.manager', task.key, { assignee: 'dealer1.manager' })).status).toBe(200);
    expect(await assigneeOf(task.key)).toBe('dealer1.manager');
  });

  it('refuses an unknown or ineligible assignee with 400 and changes nothing', async () => {
    const task = await openReview(server, 'dealer1', 'dealer1.manager');
    for (const assignee of ['nobody', 'dealer2.staff', 'approver.sales', 'auditor']) {
      const response = await assign('dealer1.manager', task.key, { assignee });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'validation_failed', message: expect.stringContaining(assignee), details: [{ field: 'assignee', message: expect.any(String) }] });
    }
    for (const body of [{}, { assignee: '' }, { assignee: 42 }, { assignee: 'dealer1.staff', extra: 1 }]) {
      expect((await assign('dealer1.manager', task.key, body)).status).toBe(400);
    }
    expect(await assigneeOf(task.key)).toBeNull();
    expect((await auditOf(task.processInstanceKey)).filter((e) => e.action === 'task.assign')).toEqual([]);
  });

  it('hides other dealers’ tasks (404) and refuses staff without the assign rule (403)', async () => {
    const task = await openReview(server, 'dealer1', 'dealer1.manager');
    for (const outsider of ['dealer2.manager', 'dealer2.staff', 'approver.warranty']) {
      expect((await assign(outsider, task.key, { assignee: 'dealer1.staff' })).status).toBe(404);
      expect((await assignees(outsider, task.key)).status).toBe(404);
    }
    const staff = await assign('dealer1.staff', task.key, { assignee: 'dealer1.manager' });
    expect(staff.status).toBe(403);
    expect(staff.body.code).toBe('forbidden');
    expect((await assignees('dealer1.staff', task.key)).status).toBe(403);
    expect(await assigneeOf(task.key)).toBeNull();
  });

  it('answers 409 once the task has ended', async () => {
    const task = await openReview(server, 'dealer1', 'dealer1.manager');
    expect((await (await server.as('dealer1.manager')).post(`/api/tasks/${task.key}/complete`).send({ variables: { note: 'готово' } })).status).toBe(204);
    const response = await assign('dealer1.manager', task.key, { assignee: 'dealer1.staff' });
    expect(response.status).toBe(409);
    expect(response.body.details).toEqual({ state: 'completed' });
    expect((await assignees('dealer1.manager', task.key)).status).toBe(409);
  });

  it('refuses an assignment made on a stale view of the task (409 with the current holder)', async () => {
    const task = await openReview(server, 'dealer1', 'dealer1.manager');
    const seen = (await (await server.as('dealer1.manager')).get(`/api/tasks/${task.key}`)).body.task.revision as number;
    expect((await (await server.as('dealer1.staff')).post(`/api/tasks/${task.key}/claim`)).status).toBe(200);
    const stale = await assign('dealer1.manager', task.key, { assignee: 'dealer1.manager', revision: seen });
    expect(stale.status).toBe(409);
    expect(stale.body.details).toMatchObject({ assignee: 'dealer1.staff' });
    expect(await assigneeOf(task.key)).toBe('dealer1.staff');
  });

  it('lets exactly one of a concurrent claim and assignment win; the loser gets 409', async () => {
    for (let round = 0; round < 3; round++) {
      const task = await openReview(server, 'dealer1', 'dealer1.manager');
      const seen = (await (await server.as('dealer1.manager')).get(`/api/tasks/${task.key}`)).body.task.revision as number;
      const [claimed, assigned] = await Promise.all([
        (await server.as('dealer1.staff')).post(`/api/tasks/${task.key}/claim`),
        assign('dealer1.manager', task.key, { assignee: 'dealer1.manager', revision: seen }),
      ]);
      expect([claimed.status, assigned.status].sort()).toEqual([200, 409]);
      const winner = claimed.status === 200 ? 'dealer1.staff' : 'dealer1.manager';
      expect(await assigneeOf(task.key)).toBe(winner);
      const assignments = (await auditOf(task.processInstanceKey)).filter((e) => e.action === 'task.assign');
      expect(assignments).toHaveLength(winner === 'dealer1.manager' ? 1 : 0);
    }
  });

  it('lets a distributor approver assign within their queue only, to colleagues of that queue', async () => {
    const started = await (await server.as('dealer1.staff')).post('/api/process-instances').send({ bpmnProcessId: 'warranty-claim', variables: largeClaim });
    const task = await eventually(async () => {
      const items = (await (await server.as('approver.warranty')).get('/api/tasks')).body.items as { key: string; caseRef: string }[];
      const found = items.find((t) => t.caseRef === started.body.caseRef);
      if (!found) throw new Error('no decision task yet');
      return found;
    });
    expect((await assignees('approver.warranty', task.key)).body.items.map((u: { username: string }) => u.username)).toEqual(['approver.warranty']);
    expect((await assign('approver.warranty', task.key, { assignee: 'dealer1.staff' })).status).toBe(400);
    expect((await assign('approver.warranty', task.key, { assignee: 'approver.sales' })).status).toBe(400);
    expect((await assign('approver.sales', task.key, { assignee: 'approver.warranty' })).status).toBe(404);
    expect((await assign('approver.warranty', task.key, { assignee: 'approver.warranty' })).status).toBe(200);
    expect(await assigneeOf(task.key)).toBe('approver.warranty');
  });

  it('lets an approver hand a task of the whole approver role to a colleague of that role', async () => {
    const bpmn = reviewBpmn.replaceAll('dealer-review', 'distributor-review').replace('candidateGroups="dealer-staff, dealer-manager"', 'candidateGroups="distributor-approver"');
    const form = JSON.stringify({ ...reviewForm, id: 'distributor-review-form' });
    const admin = await server.as('admin');
    expect((await admin.post('/api/deployments').send({ resources: [{ name: 'distributor-review.bpmn', content: bpmn }, { name: 'distributor-review.form.json', content: form }] })).status).toBe(201);
    const started = await admin.post('/api/process-instances').send({ bpmnProcessId: 'distributor-review', variables: {}, dealerId: 'dealer1' });
    const task = await eventually(async () => {
      const items = (await (await server.as('approver.sales')).get('/api/tasks?processId=distributor-review')).body.items as { key: string; processInstanceKey: string }[];
      const found = items.find((t) => t.processInstanceKey === started.body.instanceKey);
      if (!found) throw new Error('no review task yet');
      return found;
    });
    expect((await assignees('approver.sales', task.key)).body.items.map((u: { username: string }) => u.username).sort()).toEqual(['approver.finance', 'approver.sales', 'approver.warranty']);
    expect((await assign('dealer1.manager', task.key, { assignee: 'approver.warranty' })).status).toBe(404);
    expect((await assign('approver.sales', task.key, { assignee: 'dealer1.manager' })).status).toBe(400);
    expect((await assign('approver.sales', task.key, { assignee: 'approver.warranty' })).status).toBe(200);
    expect(await assigneeOf(task.key)).toBe('approver.warranty');
  });
});
