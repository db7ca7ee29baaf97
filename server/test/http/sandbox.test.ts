import { resourcesOf } from '@dealerflow/processes';
import { AuditEntry } from '../../src/entities/AuditEntry';
import { CreditNote } from '../../src/outbox/CreditNote';
import { NotificationRecord } from '../../src/outbox/NotificationRecord';
import { Task } from '../../src/tasks/Task';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

const warrantyXml = resourcesOf('warranty').find((r) => r.name === 'warranty-claim.bpmn')!.content;
const claim = {
  vin: 'XW8AN2NE3PH000101',
  mileage: 30000,
  repairDate: '2026-11-20',
  defectCode: 'B1001',
  defectDescription: 'Стеклоподъёмник водительской двери не работает',
  parts: [{ partNumber: '6RU837461', name: 'Стеклоподъёмник', quantity: 1, price: 48900 }],
  labourHours: 1.5,
};

interface RunView {
  id: string;
  state: string;
  path: string[];
  active: string[];
  tasks: { key: string; elementId: string; formId: string; form: { id: string; schema: { properties: Record<string, unknown> } } | null }[];
  incidents: unknown[];
  effects: { taskType: string; details: Record<string, unknown> }[];
  variables: Record<string, unknown>;
}

describe.each(testDatabases())('test runs of draft diagrams on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());

  const realCounts = async () => {
    const ds = server.running.dataSource;
    return { tasks: await ds.getRepository(Task).count(), audit: await ds.getRepository(AuditEntry).count(), creditNotes: await ds.getRepository(CreditNote).count(), notifications: await ds.getRepository(NotificationRecord).count() };
  };
  const startRun = async (body: object, username = 'admin') => (await server.as(username)).post('/api/sandbox/runs').send(body);
  const complete = async (run: RunView, elementId: string, variables: object) => {
    const task = run.tasks.find((t) => t.elementId === elementId);
    if (!task) throw new Error(`no open ${elementId} in ${JSON.stringify(run.tasks)}`);
    return (await server.as('admin')).post(`/api/sandbox/runs/${run.id}/tasks/${task.key}/complete`).send({ variables });
  };

  it('runs the warranty draft through its user tasks to the end, recording effects and leaving real tables untouched', async () => {
    await server.as('admin'); // signing in is audited; do it before counting
    const before = await realCounts();
    const started = await startRun({ xml: warrantyXml, variables: claim, dealerId: 'dealer1' });
    expect(started.status).toBe(201);
    let run = started.body as RunView;
    expect(run).toMatchObject({ state: 'ACTIVE', active: ['DecideClaim'], incidents: [] });
    expect(run.path.slice(0, 2)).toEqual(['ClaimFiled', 'CheckCoverage']);
    expect(run.tasks).toEqual([expect.objectContaining({ elementId: 'DecideClaim', formId: 'warranty-decision', form: expect.objectContaining({ id: 'warranty-decision' }) })]);
    expect(run.variables).toMatchObject({ dealerId: 'dealer1', startedBy: 'admin', coverage: expect.objectContaining({ covered: true }) });

    // Data the task's form refuses is a 400 with field errors, and the task stays open.
    const invalid = await complete(run, 'DecideClaim', { decision: 'maybe' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['decision', 'decisionReason']));

    // Two completions at once: one wins, the other is told the task was done meanwhile (or is gone).
    const twice = await Promise.all([1, 2].map(() => complete(run, 'DecideClaim', { decision: 'requestInfo', decisionReason: 'Нужна фотография детали' })));
    expect(twice.map((r) => r.status).sort()).toEqual([200, expect.any(Number)]);
    expect([404, 409]).toContain(twice.map((r) => r.status).sort()[1]);
    run = twice.find((r) => r.status === 200)!.body;
    expect(run.active).toEqual(['ProvideInformation']);
    run = (await complete(run, 'ProvideInformation', { dealerResponse: 'Фото приложено к делу' })).body;
    expect(run.active).toEqual(['DecideClaim']);
    const done = await complete(run, 'DecideClaim', { decision: 'approve', decisionReason: 'Гарантийный случай', approvedAmount: 50000 });
    expect(done.status).toBe(200);
    run = done.body;
    expect(run.state).toBe('COMPLETED');
    expect(run.tasks).toEqual([]);
    expect(run.path).toEqual(expect.arrayContaining(['ProvideInformation', 'IssueCreditNote']));
    expect(run.effects.map((e) => e.taskType)).toEqual(['credit-note', 'notify']);
    expect(run.effects[0].details).toMatchObject({ dealerId: 'dealer1', amount: 50000 });
    expect((await (await server.as('admin')).get(`/api/sandbox/runs/${run.id}`)).body.state).toBe('COMPLETED');

    expect(await realCounts()).toEqual(before);
  });

  it('uses forms sent with the run before the saved ones, and validates the start form', async () => {
    const startForm = resourcesOf('warranty').find((r) => r.name === 'warranty-claim-start.form.json')!;
    const strict = JSON.parse(startForm.content) as { schema: { properties: Record<string, { maximum?: number }> } };
    strict.schema.properties.mileage.maximum = 1000;
    const refused = await startRun({ xml: warrantyXml, forms: [strict], variables: claim });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'validation_failed', details: [{ field: 'mileage', message: expect.any(String) }] });
    const broken = await startRun({ xml: warrantyXml, forms: [{ id: 'x', title: { ru: 'x', en: 'x' }, schema: { type: 'nonsense' } }], variables: claim });
    expect(broken.status).toBe(400);
    expect(broken.body.details[0].field).toBe('forms.0.schema');
  });

  it('refuses a diagram with lint errors, listing each, and one that is not BPMN', async () => {
    const noAssignment = warrantyXml.replace(/<zeebe:assignmentDefinition[^>]*\/>/, '');
    const response = await startRun({ xml: noAssignment, variables: claim });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(expect.arrayContaining([{ field: 'DecideClaim', message: expect.stringContaining('assignment') }]));
    expect((await startRun({ xml: '<bpmn:definitions', variables: {} })).status).toBe(400);
    expect((await startRun({ variables: {} })).status).toBe(400);
  });

  it('lets only process admins test-run, and only their own runs', async () => {
    for (const username of ['approver.warranty', 'dealer1.manager', 'auditor']) {
      const response = await startRun({ xml: warrantyXml, variables: claim, dealerId: 'dealer1' }, username);
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('forbidden');
    }
    const run = (await startRun({ xml: warrantyXml, variables: claim, dealerId: 'dealer1' })).body as RunView;
    expect((await (await server.as('dealer1.staff')).get(`/api/sandbox/runs/${run.id}`)).status).toBe(403);
    expect((await server.anonymous().get(`/api/sandbox/runs/${run.id}`)).status).toBe(401);
    expect((await (await server.as('admin')).get('/api/sandbox/runs/no-such-run')).status).toBe(404);
    expect((await (await server.as('admin')).delete(`/api/sandbox/runs/${run.id}`)).status).toBe(204);
    expect((await (await server.as('admin')).get(`/api/sandbox/runs/${run.id}`)).status).toBe(404);
  });
});
