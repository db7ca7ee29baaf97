import { ProcessDefinition } from '../../src/processes/ProcessDefinition';
import { setRoleRules } from '../support/roleRules';
import { eventually } from '../support/eventually';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';
import { flakyProcess } from '../instances/flakyProcess';

interface Row { key: string; bpmnProcessId: string; version: number; state: string; dealerId: string | null; caseRef: string | null; startedAt: string; endedAt: string | null; openIncidents: number }

const claim = { vin: 'XW8AN2NE3PH000101', mileage: 30000, repairDate: '2026-11-20', defectCode: 'B1001', defectDescription: 'Стеклоподъёмник не работает', parts: [{ partNumber: '6RU837461', name: 'Стеклоподъёмник', quantity: 1, price: 48900 }], labourHours: 1.5 };

describe.each(testDatabases())('the Instances API on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());

  const list = async (query = '', username = 'admin') => (await server.as(username)).get(`/api/process-instances${query}`);
  const rows = async (query = '') => {
    const response = await list(query);
    expect(response.status).toBe(200);
    return response.body.items as Row[];
  };
  const detail = async (key: string, username = 'admin') => (await server.as(username)).get(`/api/process-instances/${key}`);
  const openTask = (caseRef: string, elementId: string) => eventually(async () => {
    const items = (await (await server.as('admin')).get('/api/tasks')).body.items as { key: string; caseRef: string; elementId: string }[];
    const task = items.find((t) => t.caseRef === caseRef && t.elementId === elementId);
    if (!task) throw new Error(`no ${elementId} task for ${caseRef}`);
    return task;
  });

  it('lists the demo cases opened at start, newest first', async () => {
    const items = await rows('?processId=warranty-claim');
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(new Set(items.map((i) => i.dealerId))).toEqual(new Set(['dealer1', 'dealer2', 'dealer3']));
    expect(items.every((i) => i.caseRef && i.version === 1)).toBe(true);
    const started = items.map((i) => i.startedAt);
    expect([...started].sort().reverse()).toEqual(started);
  });

  it('follows a case from start to end: state, active element, end time', async () => {
    const { instanceKey, caseRef } = (await (await server.as('dealer1.staff')).post('/api/process-instances').send({ bpmnProcessId: 'warranty-claim', variables: claim })).body;
    const task = await openTask(caseRef, 'DecideClaim');
    const running = (await detail(instanceKey)).body;
    expect(running).toMatchObject({ state: 'ACTIVE', activeElementIds: ['DecideClaim'], caseRef, dealerId: 'dealer1', endedAt: null });
    expect(running.history.map((h: { elementId: string }) => h.elementId)).toEqual(expect.arrayContaining(['ClaimFiled', 'CheckCoverage', 'DecideClaim']));
    expect((await rows('?state=active')).map((i) => i.key)).toContain(instanceKey);
    const done = await (await server.as('approver.warranty')).post(`/api/tasks/${task.key}/complete`).send({ variables: { decision: 'reject', decisionReason: 'Не гарантийный случай' } });
    expect(done.status).toBe(204);
    const row = await eventually(async () => {
      const found = (await rows('?state=completed')).find((i) => i.key === instanceKey);
      if (!found) throw new Error('not completed yet');
      return found;
    });
    expect(row).toMatchObject({ bpmnProcessId: 'warranty-claim', dealerId: 'dealer1', caseRef, openIncidents: 0, endedAt: expect.any(String) });
    expect((await rows('?state=active')).map((i) => i.key)).not.toContain(instanceKey);
    expect((await detail(instanceKey)).body.activeElementIds).toEqual([]);
  });

  it('filters by dealer and version and pages with a cursor without gaps or repeats', async () => {
    for (const i of [1, 2, 3]) await (await server.as('dealer2.staff')).post('/api/process-instances').send({ bpmnProcessId: 'warranty-claim', variables: { ...claim, mileage: 1000 * i } });
    const dealer2 = await rows('?dealerId=dealer2&version=1&processId=warranty-claim');
    expect(dealer2.length).toBeGreaterThanOrEqual(5);
    expect(dealer2.every((i) => i.dealerId === 'dealer2')).toBe(true);
    expect(await rows('?version=2&processId=warranty-claim')).toEqual([]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await list(`?dealerId=dealer2&version=1&processId=warranty-claim&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...response.body.items.map((i: Row) => i.key));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(dealer2.map((i) => i.key));
  });

  it('counts element visits and their durations for the heatmap, once per visit', async () => {
    const heat = await eventually(async () => {
      const response = await (await server.as('admin')).get('/api/processes/warranty-claim/heatmap');
      expect(response.status).toBe(200);
      const body = response.body as { version: number; versions: number[]; elements: { elementId: string; entered: number; completed: number; avgDurationMs: number | null }[] };
      const filed = body.elements.find((e) => e.elementId === 'ClaimFiled');
      const instances = (await rows('?processId=warranty-claim&version=1&limit=200')).length;
      if (filed?.entered !== instances) throw new Error(`ClaimFiled entered ${filed?.entered} times, ${instances} instances`);
      const coverage = body.elements.find((e) => e.elementId === 'CheckCoverage');
      if (coverage?.completed !== instances) throw new Error(`CheckCoverage completed ${coverage?.completed} times, ${instances} instances`);
      return body;
    });
    expect(heat).toMatchObject({ version: 1, versions: [1] });
    const decide = heat.elements.find((e) => e.elementId === 'DecideClaim')!;
    expect(decide.entered).toBeGreaterThan(decide.completed);
    expect(decide.completed).toBeGreaterThanOrEqual(1);
    expect(decide.avgDurationMs).toEqual(expect.any(Number));
    const coverage = heat.elements.find((e) => e.elementId === 'CheckCoverage')!;
    expect(coverage.completed).toBe(coverage.entered);
    expect(coverage.avgDurationMs).toBeGreaterThanOrEqual(0);
    expect((await (await server.as('admin')).get('/api/processes/warranty-claim/heatmap?version=1')).body).toEqual(heat);
  });

  it('counts concurrent visits of the same element exactly once each', async () => {
    const entered = async (elementId: string) => ((await (await server.as('admin')).get('/api/processes/warranty-claim/heatmap')).body.elements as { elementId: string; entered: number }[]).find((e) => e.elementId === elementId)?.entered ?? 0;
    const before = await entered('ClaimFiled');
    const staff = await server.as('dealer3.staff');
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => staff.post('/api/process-instances').send({ bpmnProcessId: 'warranty-claim', variables: { ...claim, mileage: 100 + i } })));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(await entered('ClaimFiled')).toBe(before + 8);
  });

  it('serves the BPMN of the instance’s version to those who may read the case', async () => {
    const [demo] = await rows('?dealerId=dealer1&processId=warranty-claim');
    const diagram = await (await server.as('dealer1.staff')).get(`/api/process-instances/${demo.key}/diagram`);
    expect(diagram.status).toBe(200);
    expect(diagram.body).toMatchObject({ bpmnProcessId: 'warranty-claim', version: 1, xml: expect.stringContaining('id="DecideClaim"') });
    expect((await (await server.as('dealer2.staff')).get(`/api/process-instances/${demo.key}/diagram`)).status).toBe(404);
    expect((await (await server.as('admin')).get('/api/process-instances/424242424242/diagram')).status).toBe(404);
  });

  it('retries an incident once: concurrent retries give one 204 and one 409, and the case goes on', async () => {
    const engine = server.running.services.engine;
    const deployed = await engine.deploy([flakyProcess]);
    await server.running.dataSource.getRepository(ProcessDefinition).insert({ key: deployed.processes[0].processDefinitionKey, bpmnProcessId: 'instances-flaky', version: 1, name: 'Flaky', startFormId: null, resourceName: flakyProcess.name, deployedAt: new Date(), deployedBy: 'test' });
    let attempts = 0;
    const worker = engine.createWorker('instances-flaky', async (job, act) => (++attempts === 1 ? act.fail({ retries: 0, errorMessage: 'registry unreachable' }) : act.complete({ registered: true })));
    try {
      const { processInstanceKey } = await engine.createInstance('instances-flaky', { dealerId: 'dealer1', caseRef: 'FLAKY-1' });
      const stuck = await eventually(async () => {
        const found = (await rows('?hasIncident=true')).find((i) => i.key === processInstanceKey);
        if (!found) throw new Error('no incident yet');
        return found;
      });
      expect(stuck.openIncidents).toBe(1);
      expect((await rows('?hasIncident=false')).map((i) => i.key)).not.toContain(processInstanceKey);
      const view = (await detail(processInstanceKey)).body;
      expect(view.activeElementIds).toEqual(['CallRegistry']);
      const [incident] = view.incidents;
      expect(incident).toMatchObject({ elementId: 'CallRegistry', type: 'JOB_NO_RETRIES', message: 'registry unreachable', jobKey: expect.any(String) });

      expect((await (await server.as('dealer2.staff')).post(`/api/incidents/${incident.key}/retry`)).status).toBe(404);
      expect((await (await server.as('dealer1.manager')).post(`/api/incidents/${incident.key}/retry`)).status).toBe(403);
      expect((await (await server.as('admin')).post(`/api/incidents/${incident.key}/retry`).send({ retries: 0 })).status).toBe(400);
      expect((await (await server.as('admin')).post('/api/incidents/999999999/retry')).status).toBe(404);

      const admin = await server.as('admin');
      const results = await Promise.all([admin.post(`/api/incidents/${incident.key}/retry`).send({ retries: 2 }), admin.post(`/api/incidents/${incident.key}/retry`).send({ retries: 2 })]);
      expect(results.map((r) => r.status).sort()).toEqual([204, 409]);
      expect(results.find((r) => r.status === 409)!.body).toMatchObject({ code: 'conflict', message: expect.any(String) });
      const ended = await eventually(async () => {
        const found = (await rows('?processId=instances-flaky&state=completed')).find((i) => i.key === processInstanceKey);
        if (!found) throw new Error('not completed yet');
        return found;
      });
      expect(ended.openIncidents).toBe(0);
      expect(attempts).toBe(2);
      expect((await admin.post(`/api/incidents/${incident.key}/retry`)).status).toBe(409);
      const trail = (await admin.get(`/api/audit?instanceKey=${processInstanceKey}`)).body.items as { action: string; actor: string }[];
      expect(trail.filter((e) => e.action === 'incident.resolve')).toEqual([expect.objectContaining({ actor: 'admin' })]);
    } finally {
      await worker.close();
    }
  });

  it('shows a cancelled case as terminated', async () => {
    const { instanceKey } = (await (await server.as('dealer3.staff')).post('/api/process-instances').send({ bpmnProcessId: 'warranty-claim', variables: claim })).body;
    expect((await (await server.as('approver.warranty')).post(`/api/process-instances/${instanceKey}/cancel`)).status).toBe(403);
    expect((await (await server.as('admin')).post(`/api/process-instances/${instanceKey}/cancel`)).status).toBe(204);
    expect((await rows('?state=terminated&dealerId=dealer3')).map((i) => i.key)).toContain(instanceKey);
  });

  it('keeps the list and the heatmap to process admins', async () => {
    for (const username of ['dealer1.staff', 'dealer1.manager', 'approver.warranty', 'auditor']) {
      expect((await list('', username)).status).toBe(403);
      expect((await (await server.as(username)).get('/api/processes/warranty-claim/heatmap')).status).toBe(403);
    }
    expect((await server.anonymous().get('/api/process-instances')).status).toBe(401);
  });

  it('lists only their own dealer’s cases to a role granted monitoring with a dealer condition, and no heatmap', async () => {
    const before = await setRoleRules(server.running, 'dealer-manager', (rules) => [...rules, { action: 'monitor', subject: 'ProcessInstance', conditions: { dealerId: '${user.dealerId}' } }]);
    try {
      const response = await list('?limit=200', 'dealer2.manager');
      expect(response.status).toBe(200);
      const keys = (response.body.items as Row[]).map((i) => i.key);
      expect(keys.length).toBeGreaterThanOrEqual(5);
      expect((response.body.items as Row[]).every((i) => i.dealerId === 'dealer2')).toBe(true);
      expect(keys.sort()).toEqual((await rows('?dealerId=dealer2&limit=200')).map((i) => i.key).sort());
      expect((await list('?dealerId=dealer1', 'dealer2.manager')).body.items).toEqual([]);
      expect((await (await server.as('dealer2.manager')).get('/api/processes/warranty-claim/heatmap')).status).toBe(403);
    } finally {
      await setRoleRules(server.running, 'dealer-manager', () => before);
    }
  });

  it('refuses bad parameters with 400 and names them', async () => {
    for (const query of ['?state=paused', '?version=abc', '?version=0', '?hasIncident=yes', '?limit=0', '?cursor=not-a-cursor', '?colour=red']) {
      const response = await list(query);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'validation_failed', message: expect.any(String), details: expect.any(Array) });
    }
    expect((await (await server.as('admin')).get('/api/processes/warranty-claim/heatmap?version=x')).status).toBe(400);
    expect((await (await server.as('admin')).get('/api/processes/warranty-claim/heatmap?version=7')).status).toBe(404);
    expect((await (await server.as('admin')).get('/api/processes/no-such-process/heatmap')).status).toBe(404);
  });
});
