import { SandboxService } from '../../src/sandbox/SandboxService';
import { defineAbilityFor } from '../../src/permissions/defineAbilityFor';
import { roleCatalog } from '../../src/permissions/roleCatalog';
import { eventually } from '../support/eventually';
import { linearProcess } from '../support/linearProcess';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

const HUGE = 'count(for i in 1..10000000 return i)';
const expensive = linearProcess({ id: 'feel-budget', name: 'Expensive', steps: [{ id: 'Calc', name: 'Count', kind: 'scriptTask', extensions: `<zeebe:script expression="=${HUGE}" resultVariable="n" />` }] });

interface Incident { key: string; type: string; elementId: string; message: string }

describe.each(testDatabases())('an expression over the FEEL budget on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());

  it('becomes a clear incident while the server keeps answering, and its retry is accepted', async () => {
    // given a deployed process whose script task counts ten million numbers
    const admin = await server.as('admin');
    expect((await admin.post('/api/deployments').send({ resources: [{ name: 'feel-budget.bpmn', content: expensive }] })).status).toBe(201);

    // when an instance starts, the health check is asked at the same time
    const [started, health] = await Promise.all([
      admin.post('/api/process-instances').send({ bpmnProcessId: 'feel-budget', variables: {} }),
      server.anonymous().get('/api/health'),
    ]);

    // then health answers, and the instance stops at the task with an incident saying why and where
    expect(health.status).toBe(200);
    expect(started.status).toBe(201);
    const key = started.body.instanceKey as string;
    const incidents = async () => (await admin.get(`/api/process-instances/${key}`)).body.incidents as Incident[];
    const [incident] = await eventually(async () => {
      const open = await incidents();
      if (open.length === 0) throw new Error('no incident yet');
      return open;
    });
    expect(incident).toMatchObject({ type: 'EXTRACT_VALUE_ERROR', elementId: 'Calc', message: expect.stringMatching(/^expression too expensive: more than \d+ iterations in element Calc/) });
    expect((await admin.get(`/api/process-instances/${key}`)).body.state).toBe('ACTIVE');

    // and a retry is accepted: it evaluates again and, the model being the same, raises a new incident
    expect((await admin.post(`/api/incidents/${incident.key}/retry`).send({})).status).toBe(204);
    const [again] = await eventually(async () => {
      const open = await incidents();
      if (open.length === 0 || open[0].key === incident.key) throw new Error('not raised again yet');
      return open;
    });
    expect(again).toMatchObject({ elementId: 'Calc', message: incident.message });
  });
});

describe('an expression over the FEEL budget in a test run', () => {
  const sandbox = new SandboxService({ plugins: () => [], lookupForm: async () => null, log: { info() {}, warn() {}, error() {} }, idleMs: 60_000, maxRunsPerUser: 2, now: () => Date.now() });
  afterAll(() => sandbox.shutdown());

  it('shows the incident in the run instead of stalling the server', async () => {
    const rules = roleCatalog.find((r) => r.name === 'process-admin')!.rules;
    const admin = { id: 'admin', username: 'admin', displayName: 'admin', dealerId: null, roles: ['process-admin'], groups: [], locale: 'ru', ability: defineAbilityFor({ id: 'admin', username: 'admin', dealerId: null, groups: [] }, rules) };
    const run = await sandbox.start(admin, { xml: expensive });
    expect(run).toMatchObject({ state: 'ACTIVE', incidents: [expect.objectContaining({ elementId: 'Calc', message: expect.stringContaining('expression too expensive') })] });
  });
});
