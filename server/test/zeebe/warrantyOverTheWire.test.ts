import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exited, freePort, startEngineProcess, type EngineProcess } from '../../../gateway/test/support/engineProcess';
import { AuditEntry } from '../../src/entities/AuditEntry';
import { ElementVisit } from '../../src/instances/ElementVisit';
import { IncidentRecord } from '../../src/instances/IncidentRecord';
import { ProcessInstanceRecord } from '../../src/instances/ProcessInstanceRecord';
import { DecisionDefinition } from '../../src/processes/DecisionDefinition';
import { ProcessDefinition } from '../../src/processes/ProcessDefinition';
import { Task } from '../../src/tasks/Task';
import { flakyProcess } from '../instances/flakyProcess';
import { eventually } from '../support/eventually';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

interface ElementHeat { elementId: string; entered: number; completed: number; avgDurationMs: number | null }
interface InboxRow { key: string; processInstanceKey: string; elementId: string; name: string; dealerId: string; dealerName: string; state: string }

/** A claim too large to approve itself: it waits for a warranty approver. */
const claim = {
  vin: 'XW8AN2NE3PH000101', mileage: 41200, repairDate: '2026-11-20', defectCode: 'B1001', defectDescription: 'Стеклоподъёмник водительской двери не работает',
  parts: [{ partNumber: 'P-B1001', name: 'Стеклоподъёмник', quantity: 1, price: 48900 }], labourHours: 1.5,
};

/** The decision tables the shipped processes call, by the file they come from. */
const EXPECTED_DECISIONS = ['credit-limit-policy.dmn#credit-limit-policy', 'lead-routing-policy.dmn#lead-routing-policy'];

describe.each(testDatabases())('the warranty claim over the wire: ENGINE=zeebe against the standalone engine, on %s', (_kind, database) => {
  let dir: string;
  let engine: EngineProcess;
  let server: TestServer;
  let wire: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dealerflow-wire-'));
    const [grpcPort, restPort] = [await freePort(), await freePort()];
    engine = await startEngineProcess({
      ZEEBE_GRPC_PORT: String(grpcPort), ZEEBE_REST_PORT: String(restPort), ENGINE_DATABASE_URL: `sqlite:${join(dir, 'engine.sqlite')}`,
      // the inbox's feed: one global listener for every user task transition the server projects
      CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_TYPE: 'dealerflow-user-task-events',
      CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_EVENTTYPES: 'creating,assigning,completing,canceling',
    });
    wire = { ENGINE: 'zeebe', ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${grpcPort}`, ZEEBE_REST_ADDRESS: `http://127.0.0.1:${restPort}` };
    server = await startTestServer(database(), wire);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    if (engine) {
      engine.child.kill('SIGTERM');
      await exited(engine.child);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const inbox = async (username: string) => (await (await server.as(username)).get('/api/tasks?state=open')).body.items as InboxRow[];
  const taskOf = (username: string, instanceKey: string, elementId: string) => eventually(async () => {
    const found = (await inbox(username)).find((t) => t.processInstanceKey === instanceKey && t.elementId === elementId);
    if (!found) throw new Error(`${elementId} of ${instanceKey} is not in ${username}'s inbox yet`);
    return found;
  }, 30_000);

  it('deployed the shipped processes and decisions to the engine, and says it is up', async () => {
    const health = await server.anonymous().get('/api/health');
    expect(health.body).toMatchObject({ status: 'ok', engine: { type: 'zeebe', status: 'up' } });
    const { dataSource } = server.running;
    const processes = await dataSource.getRepository(ProcessDefinition).find({ select: { bpmnProcessId: true } });
    expect(new Set(processes.map((p) => p.bpmnProcessId))).toEqual(new Set(['warranty-claim', 'tender-reservation', 'vehicle-allocation', 'credit-limit-check', 'lead-distribution']));
    const decisions = await dataSource.getRepository(DecisionDefinition).find({ select: { decisionId: true, resourceName: true } });
    expect(decisions.map((d) => `${d.resourceName}#${d.decisionId}`).sort()).toEqual(EXPECTED_DECISIONS);
  });

  it('files a claim, lets the approver ask for information and hands the case back to the dealer', async () => {
    const { dataSource } = server.running;
    const dealer = await server.as('dealer1.staff');
    const started = await dealer.post('/api/process-instances').send({ bpmnProcessId: 'warranty-claim', variables: claim });
    expect(started.status).toBe(201);
    const instanceKey = started.body.instanceKey as string;

    // the case row and its one start entry exist once the start answered
    expect(await dataSource.getRepository(ProcessInstanceRecord).findOneBy({ key: instanceKey })).toMatchObject({ bpmnProcessId: 'warranty-claim', state: 'active', dealerId: 'dealer1', caseRef: started.body.caseRef });
    const starts = await dataSource.getRepository(AuditEntry).findBy({ subjectId: instanceKey, action: 'instance.start' });
    expect(starts.map((e) => e.actor)).toEqual(['dealer1.staff']);

    // the coverage plugin ran in the server's worker; the claim is too large to approve itself
    const decide = await taskOf('approver.warranty', instanceKey, 'DecideClaim');
    expect(decide).toMatchObject({ name: 'Decide warranty claim', dealerId: 'dealer1', dealerName: 'Автоцентр Москва', state: 'open' });

    const approver = await server.as('approver.warranty');
    const claimed = await approver.post(`/api/tasks/${decide.key}/claim`);
    expect(claimed.body).toMatchObject({ key: decide.key, assignee: 'approver.warranty' });
    // the engine holds the assignment too: its assigning listener reached the inbox before the claim answered
    const [held] = await server.running.services.engine.searchUserTasks({ processInstanceKey: instanceKey, elementId: 'DecideClaim' });
    expect(held.assignee).toBe('approver.warranty');
    expect(await dataSource.getRepository(Task).findOneBy({ key: decide.key })).toMatchObject({ assignee: 'approver.warranty', revision: 3 });
    const done = await approver.post(`/api/tasks/${decide.key}/complete`).send({ variables: { decision: 'requestInfo', decisionReason: 'Приложите видео и акт диагностики' } });
    expect(done.status).toBe(204);
    // the completing listener ran before the command answered: the row has already ended
    expect(await dataSource.getRepository(Task).findOneBy({ key: decide.key })).toMatchObject({ state: 'completed', completedBy: 'approver.warranty' });

    const provide = await taskOf('dealer1.staff', instanceKey, 'ProvideInformation');
    expect(provide).toMatchObject({ name: 'Provide more information', dealerName: 'Автоцентр Москва', state: 'open' });
    expect(await dataSource.getRepository(AuditEntry).countBy({ subjectId: instanceKey, action: 'instance.start' })).toBe(1);
    const completions = await dataSource.getRepository(AuditEntry).findBy({ subjectId: instanceKey, action: 'task.complete' });
    expect(completions.map((e) => e.actor)).toEqual(['approver.warranty']);

    // an admin cancels the case: the case list shows it ended at once, the dealer's task leaves the inbox
    const cancelled = await (await server.as('admin')).post(`/api/process-instances/${instanceKey}/cancel`);
    expect(cancelled.status).toBe(204);
    expect(await dataSource.getRepository(ProcessInstanceRecord).findOneBy({ key: instanceKey })).toMatchObject({ state: 'terminated' });
    // a cancellation waits for no listener: the canceling job reaches the inbox a moment later
    await eventually(async () => expect(await dataSource.getRepository(Task).findOneBy({ key: provide.key })).toMatchObject({ state: 'cancelled' }), 30_000);
    const terminations = await dataSource.getRepository(AuditEntry).findBy({ subjectId: instanceKey, action: 'instance.terminate' });
    expect(terminations.map((e) => e.actor)).toEqual(['admin']);
    expect((await inbox('dealer1.staff')).some((t) => t.processInstanceKey === instanceKey)).toBe(false);
  });

  it('lists a case another client started once its first task reaches the inbox', async () => {
    const { dataSource } = server.running;
    const { ZEEBE_REST_ADDRESS: rest } = wire;
    const response = await fetch(`${rest}/v2/process-instances`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ processDefinitionId: 'warranty-claim', variables: { ...claim, dealerId: 'dealer2', caseRef: 'WC-OUTSIDE-1', startedBy: 'dealer2.staff' } }),
    });
    expect(response.status).toBe(200);
    // the gateway answers keys as strings
    const { processInstanceKey: instanceKey } = await response.json() as { processInstanceKey: string };

    const decide = await taskOf('approver.warranty', instanceKey, 'DecideClaim');
    expect(decide).toMatchObject({ dealerId: 'dealer2', dealerName: 'Автоцентр Казань' });
    expect(await dataSource.getRepository(ProcessInstanceRecord).findOneBy({ key: instanceKey })).toMatchObject({ bpmnProcessId: 'warranty-claim', state: 'active', dealerId: 'dealer2', caseRef: 'WC-OUTSIDE-1' });
    const starts = await dataSource.getRepository(AuditEntry).findBy({ subjectId: instanceKey, action: 'instance.start' });
    expect(starts.map((e) => e.actor)).toEqual(['dealer2.staff']);
    const read = await (await server.as('dealer2.staff')).get(`/api/process-instances/${instanceKey}`);
    expect(read.body).toMatchObject({ state: 'ACTIVE', variables: { caseRef: 'WC-OUTSIDE-1' } });
  });

  it('lists an incident the engine raised, and a retry by the admin resolves it and lets the case complete', async () => {
    // given a job whose worker throws a BPMN error the model does not catch, once
    const { dataSource, services } = server.running;
    const deployed = await services.engine.deploy([flakyProcess]);
    await dataSource.getRepository(ProcessDefinition).insert({ key: deployed.processes[0].processDefinitionKey, bpmnProcessId: 'instances-flaky', version: deployed.processes[0].version, name: 'Flaky', startFormId: null, resourceName: flakyProcess.name, deployedAt: new Date(), deployedBy: 'test' });
    let attempts = 0;
    const worker = services.engine.createWorker('instances-flaky', async (_job, act) => (++attempts === 1 ? act.error({ errorCode: 'REFUSED', errorMessage: 'the registry refused' }) : act.complete({ registered: true })));
    try {
      const { processInstanceKey } = await services.engine.createInstance('instances-flaky', { dealerId: 'dealer1', caseRef: 'WIRE-FLAKY-1' });
      const open = await eventually(async () => {
        const found = await dataSource.getRepository(IncidentRecord).findOneByOrFail({ processInstanceKey });
        expect(await dataSource.getRepository(ProcessInstanceRecord).findOneBy({ key: processInstanceKey })).toMatchObject({ openIncidents: 1 });
        return found;
      }, 30_000);
      expect(open).toMatchObject({ type: 'UNHANDLED_ERROR_EVENT', elementId: 'CallRegistry', resolvedAt: null });
      expect(await dataSource.getRepository(AuditEntry).countBy({ subjectId: processInstanceKey, action: 'incident.raise' })).toBe(1);

      // when the admin retries it
      const retried = await (await server.as('admin')).post(`/api/incidents/${open.key}/retry`).send({ retries: 1 });
      expect(retried.status).toBe(204);

      // then the job runs again and the case completes with its incident resolved
      await eventually(async () => expect(await dataSource.getRepository(ProcessInstanceRecord).findOneBy({ key: processInstanceKey })).toMatchObject({ state: 'completed', openIncidents: 0 }), 30_000);
      expect(await dataSource.getRepository(IncidentRecord).findOneBy({ key: open.key })).toMatchObject({ resolvedAt: expect.any(Date) });
      expect(attempts).toBe(2);
    } finally {
      await worker.close();
    }
  });

  it('lists a case another client started that waits in no user task, and its end', async () => {
    // given an instance of the flaky process (deployed above) whose job no worker takes, started on the engine directly
    const { dataSource } = server.running;
    const response = await fetch(`${wire.ZEEBE_REST_ADDRESS}/v2/process-instances`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ processDefinitionId: 'instances-flaky', variables: { dealerId: 'dealer3', caseRef: 'WIRE-OUTSIDE-2', startedBy: 'dealer3.manager' } }),
    });
    expect(response.status).toBe(200);
    const { processInstanceKey } = await response.json() as { processInstanceKey: string };

    // then the next instance sync lists it, named for its starter, once
    await eventually(async () => expect(await dataSource.getRepository(ProcessInstanceRecord).findOneBy({ key: processInstanceKey })).toMatchObject({ state: 'active', dealerId: 'dealer3', caseRef: 'WIRE-OUTSIDE-2' }), 30_000);
    const starts = await dataSource.getRepository(AuditEntry).findBy({ subjectId: processInstanceKey, action: 'instance.start' });
    expect(starts.map((e) => e.actor)).toEqual(['dealer3.manager']);

    // and when that client cancels it, the list shows it ended
    expect((await fetch(`${wire.ZEEBE_REST_ADDRESS}/v2/process-instances/${processInstanceKey}/cancellation`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(204);
    await eventually(async () => expect(await dataSource.getRepository(ProcessInstanceRecord).findOneBy({ key: processInstanceKey })).toMatchObject({ state: 'terminated' }), 30_000);
    expect(await dataSource.getRepository(AuditEntry).countBy({ subjectId: processInstanceKey, action: 'instance.start' })).toBe(1);
  });

  it('approves a small covered claim by itself: the plugins issue the credit note and the case list shows it completed', async () => {
    const { dataSource } = server.running;
    const heatOf = async (elementId: string) => ((await (await server.as('admin')).get('/api/processes/warranty-claim/heatmap')).body.elements as ElementHeat[]).find((e) => e.elementId === elementId);
    // only this case ends approved: the end event's counts move by it alone
    const approvedBefore = (await heatOf('ClaimApproved'))?.completed ?? 0;
    const creditNotesBefore = (await heatOf('IssueCreditNote'))?.completed ?? 0;
    const small = { ...claim, vin: 'XW8TC4KF5RH000201', mileage: 18000, defectCode: 'E2210', defectDescription: 'Предохранитель цепи фар перегорает повторно', parts: [{ partNumber: 'P-E2210', name: 'Предохранитель', quantity: 1, price: 350 }], labourHours: 0.5 };
    const started = await (await server.as('dealer1.staff')).post('/api/process-instances').send({ bpmnProcessId: 'warranty-claim', variables: small });
    expect(started.status).toBe(201);
    const instanceKey = started.body.instanceKey as string;

    await eventually(async () => expect(await dataSource.getRepository(ProcessInstanceRecord).findOneBy({ key: instanceKey })).toMatchObject({ state: 'completed' }), 30_000);
    const read = await (await server.as('dealer1.staff')).get(`/api/process-instances/${instanceKey}`);
    expect(read.body).toMatchObject({ state: 'COMPLETED', variables: { coverage: { covered: true }, creditNoteNumber: expect.stringMatching(/\S/) } });
    const ends = await dataSource.getRepository(AuditEntry).findBy({ subjectId: instanceKey, action: 'instance.complete' });
    expect(ends.map((e) => e.actor)).toEqual(['system']);
    expect(await dataSource.getRepository(Task).countBy({ processInstanceKey: instanceKey })).toBe(0);

    // the heatmap counted the path the tokens took, each visit once, with how long it lasted
    await eventually(async () => expect(await heatOf('ClaimApproved')).toMatchObject({ completed: approvedBefore + 1 }), 30_000);
    const creditNote = await heatOf('IssueCreditNote');
    expect(creditNote).toMatchObject({ completed: creditNotesBefore + 1, avgDurationMs: expect.any(Number) });
    const visits = await dataSource.getRepository(ElementVisit).findBy({ processInstanceKey: instanceKey });
    expect(visits.map((v) => v.elementId)).toEqual(expect.arrayContaining(['ClaimFiled', 'CheckCoverage', 'AutoApprove', 'IssueCreditNote', 'ClaimApproved']));
    expect(visits.every((v) => v.completedAt !== null)).toBe(true);
    expect(new Set(visits.map((v) => v.elementInstanceKey)).size).toBe(visits.length);
  });
});
