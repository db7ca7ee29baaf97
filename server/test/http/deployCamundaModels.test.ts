import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '../support/eventually';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

const model = (name: string) => ({ name: `${name}.bpmn`, content: readFileSync(join(__dirname, '..', 'fixtures', 'camunda-models', `${name}.bpmn`), 'utf8') });

interface TaskItem { key: string; processInstanceKey: string; candidateGroups: string[] }

describe.each(testDatabases())('models Camunda 8 runs, deployed through /api/deployments on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());
  const deploy = async (...resources: { name: string; content: string }[]) => (await server.as('admin')).post('/api/deployments').send({ resources });
  const start = (bpmnProcessId: string, variables: Record<string, unknown> = {}) => server.running.services.engine.createInstance(bpmnProcessId, { caseRef: 'CM-1', ...variables });
  const openTaskOf = (username: string, instanceKey: string) => eventually(async () => {
    const items = (await (await server.as(username)).get('/api/tasks')).body.items as TaskItem[];
    const task = items.find((t) => t.processInstanceKey === instanceKey);
    if (!task) throw new Error('no task yet');
    return task;
  });

  it.each([
    ['unknown-job-type', ['cm-unknown-job-type']],
    ['unassigned-user-task', ['cm-unassigned-user-task']],
    ['user-task-without-form', ['cm-user-task-without-form']],
    ['no-diagram-interchange', ['cm-no-di']],
    ['no-incoming-outgoing', ['cm-no-incoming-outgoing']],
    ['signals', ['cm-signal-start', 'cm-signal-throw']],
    ['event-subprocesses', ['cm-event-subprocesses']],
  ])('deploys %s as version 1 of %j and lists it', async (name, ids) => {
    const response = await deploy(model(name));
    expect(response.body.details ?? []).toEqual([]);
    expect(response.status).toBe(201);
    expect(response.body.processes.map((p: { bpmnProcessId: string; version: number }) => [p.bpmnProcessId, p.version]).sort()).toEqual(ids.map((id) => [id, 1]));
    const listed = (await (await server.as('admin')).get('/api/processes')).body.items.map((p: { bpmnProcessId: string }) => p.bpmnProcessId);
    expect(listed).toEqual(expect.arrayContaining(ids));
  });

  it('puts a user task the model assigns to no one in the process admins\' inbox, and not in an approver\'s', async () => {
    await deploy(model('unassigned-user-task'));
    const { processInstanceKey } = await start('cm-unassigned-user-task');
    const task = await openTaskOf('admin', processInstanceKey);
    expect(task.candidateGroups).toEqual(['process-admin']);
    const approverItems = (await (await server.as('approver.sales')).get('/api/tasks')).body.items as TaskItem[];
    expect(approverItems.map((t) => t.processInstanceKey)).not.toContain(processInstanceKey);
  });

  it('shows a task without a form with no fields, and completes it with no variables', async () => {
    await deploy(model('user-task-without-form'));
    const { processInstanceKey } = await start('cm-user-task-without-form');
    const task = await openTaskOf('admin', processInstanceKey);
    const admin = await server.as('admin');
    const shown = await admin.get(`/api/tasks/${task.key}`);
    expect(shown.status).toBe(200);
    expect(shown.body.form).toBeNull();
    expect((await admin.post(`/api/tasks/${task.key}/complete`).send({ variables: { note: 'x' } })).status).toBe(400);
    expect((await admin.post(`/api/tasks/${task.key}/complete`).send({ variables: {} })).status).toBe(204);
    await eventually(async () => expect((await server.running.services.engine.getInstance(processInstanceKey)).state).toBe('COMPLETED'));
  });

  it('shows a job of a type no plugin serves as waiting for a worker of that type, not as an incident', async () => {
    await deploy(model('unknown-job-type'));
    const { processInstanceKey } = await start('cm-unknown-job-type');
    const view = await eventually(async () => {
      const body = (await (await server.as('admin')).get(`/api/process-instances/${processInstanceKey}`)).body as { activeElementIds: string[]; waitingForWorker: unknown[]; incidents: unknown[] };
      expect(body.activeElementIds).toEqual(['SyncErp']);
      return body;
    });
    expect(view.waitingForWorker).toEqual([{ elementId: 'SyncErp', jobType: 'customer-erp-sync' }]);
    expect(view.incidents).toEqual([]);
    // The customer's worker takes it, and the wait is over.
    const [job] = await server.running.services.engine.activateJobs({ type: 'customer-erp-sync', worker: 'erp', maxJobsToActivate: 1, timeout: 60_000 });
    await server.running.services.engine.completeJob(job.key);
    await eventually(async () => {
      const body = (await (await server.as('admin')).get(`/api/process-instances/${processInstanceKey}`)).body as { state: string; waitingForWorker: unknown[] };
      expect(body).toMatchObject({ state: 'COMPLETED', waitingForWorker: [] });
    });
  });

  it.each([
    ['invalid-no-job-type', 'Typeless', /no job type/],
    ['invalid-complex-gateway', 'Complex', /no-complex-gateway: .*ComplexGateway/],
  ])('still refuses %s, naming %s and the reason, and deploys nothing', async (name, elementId, reason) => {
    const response = await deploy(model(name));
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(expect.arrayContaining([{ field: elementId, message: expect.stringMatching(reason) }]));
    const listed = (await (await server.as('admin')).get('/api/processes')).body.items.map((p: { bpmnProcessId: string }) => p.bpmnProcessId);
    expect(listed).not.toContain(`cm-${name}`);
  });
});
