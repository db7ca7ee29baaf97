import { parseJsonKeepingKeys, ZeebeEngine } from '../../src/zeebe';
import type { EngineEvent, Job, UserTask } from '../../src';

// Runs against a real cluster only when ZEEBE_REST_ADDRESS is set (npm run zeebe:start, then
// ZEEBE_REST_ADDRESS=http://127.0.0.1:8080 ZEEBE_GRPC_ADDRESS=grpc://127.0.0.1:26500).
const REST = process.env.ZEEBE_REST_ADDRESS;
const GRPC = process.env.ZEEBE_GRPC_ADDRESS ?? 'grpc://127.0.0.1:26500';
const onCluster = REST ? describe : describe.skip;
// a secured cluster (SaaS, Self-Managed with Identity): its client credentials, as the official clients name them
const { ZEEBE_CLIENT_ID: CLIENT_ID, ZEEBE_CLIENT_SECRET: CLIENT_SECRET, CAMUNDA_OAUTH_URL: OAUTH_URL } = process.env;
const OAUTH = CLIENT_ID && CLIENT_SECRET && OAUTH_URL
  ? { url: OAUTH_URL, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, audience: process.env.CAMUNDA_TOKEN_AUDIENCE || process.env.ZEEBE_TOKEN_AUDIENCE || 'zeebe.camunda.io' }
  : undefined;

const BPMN = (id: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
    <bpmn:userTask id="review" name="Review">
      <bpmn:extensionElements><zeebe:userTask/><zeebe:assignmentDefinition candidateGroups="warranty"/></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="work"/>
    <bpmn:serviceTask id="work" name="Work">
      <bpmn:extensionElements><zeebe:taskDefinition type="${id}-work" retries="3"/></bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f3" sourceRef="work" targetRef="end"/>
    <bpmn:endEvent id="end"/>
  </bpmn:process>
</bpmn:definitions>`;

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('Zeebe REST keys', () => {
  it('keep int64 keys exact when a cluster sends them as numbers', () => {
    const parsed = parseJsonKeepingKeys('{"processInstanceKey":9007199254740993,"jobKey":"2251799813685249","retries":3,"items":[{"userTaskKey":4503599627370497}]}');
    expect(parsed).toEqual({ processInstanceKey: '9007199254740993', jobKey: '2251799813685249', retries: 3, items: [{ userTaskKey: '4503599627370497' }] });
  });
});

onCluster('ZeebeEngine on a real cluster', () => {
  jest.setTimeout(90_000);
  let engine: ZeebeEngine;
  beforeAll(() => { engine = new ZeebeEngine({ restAddress: REST!, grpcAddress: GRPC, oauth: OAUTH }); });
  afterAll(async () => { await engine.close(); });

  it('runs start → user task (listener events, REST completion) → service task (streamed job) → end', async () => {
    const id = `df-zeebe-${Date.now()}`;
    const events: EngineEvent[] = [];
    engine.on('userTask.created', (e) => void events.push(e));
    engine.on('userTask.completed', (e) => void events.push(e));
    const jobs: Job[] = [];
    engine.createWorker(`${id}-work`, async (job, act) => { jobs.push(job); return act.complete({ worked: true }); });

    const deployment = await engine.deploy([{ name: `${id}.bpmn`, content: BPMN(id) }]);
    expect(deployment.processes).toEqual([expect.objectContaining({ bpmnProcessId: id, version: 1 })]);
    const ref = await engine.createInstance(id, { claim: 42 });
    expect(typeof ref.processInstanceKey).toBe('string');

    const created = await eventually(async () => events.find((e) => e.type === 'userTask.created' && e.task.processInstanceKey === ref.processInstanceKey));
    const task = (created as { task: UserTask }).task;
    expect(task).toEqual(expect.objectContaining({ elementId: 'review', candidateGroups: ['warranty'] }));
    const [found] = await eventually(async () => { const l = await engine.searchUserTasks({ processInstanceKey: ref.processInstanceKey }); return l.length ? l : undefined; });
    expect(found.key).toBe(task.key);

    await engine.completeUserTask(task.key, { approved: true });
    await eventually(async () => events.find((e) => e.type === 'userTask.completed' && e.task.key === task.key));
    await eventually(async () => jobs.find((j) => j.processInstanceKey === ref.processInstanceKey));
    const done = await eventually(async () => { const d = await engine.getInstance(ref.processInstanceKey); return d.state === 'COMPLETED' ? d : undefined; });
    expect(done.variables).toEqual(expect.objectContaining({ claim: 42, approved: true, worked: true }));
  });

  it('streams service jobs to a gRPC worker, which completes them', async () => {
    const id = `df-zeebe-stream-${Date.now()}`;
    await engine.deploy([{ name: `${id}.bpmn`, content: BPMN(id).replace(/<bpmn:userTask[\s\S]*?<\/bpmn:userTask>/, '<bpmn:task id="review"/>') }]);
    const jobs: Job[] = [];
    const worker = engine.createWorker(`${id}-work`, async (job, act) => { jobs.push(job); return act.complete({ worked: true }); });
    const refs = await Promise.all([1, 2, 3].map((n) => engine.createInstance(id, { n })));
    await eventually(async () => (jobs.length === 3 ? jobs : undefined));
    expect(jobs.map((j) => j.processInstanceKey).sort()).toEqual(refs.map((r) => r.processInstanceKey).sort());
    expect(jobs[0]).toEqual(expect.objectContaining({ bpmnProcessId: id, elementId: 'work', retries: 3 }));
    await worker.close();
  });

  it('correlates a published message and catches a BPMN error thrown by a job', async () => {
    const id = `df-zeebe-msg-${Date.now()}`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:message id="m" name="${id}-docs"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId"/></bpmn:extensionElements></bpmn:message>
  <bpmn:error id="e" errorCode="NOT_COVERED"/>
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
    <bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="check"/>
    <bpmn:serviceTask id="check"><bpmn:extensionElements><zeebe:taskDefinition type="${id}-check"/></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:boundaryEvent id="notCovered" attachedToRef="check"><bpmn:extensionElements><zeebe:ioMapping><zeebe:output source="=reason" target="reason"/></zeebe:ioMapping></bpmn:extensionElements><bpmn:outgoing>f4</bpmn:outgoing><bpmn:errorEventDefinition errorRef="e"/></bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f3" sourceRef="check" targetRef="end"/>
    <bpmn:sequenceFlow id="f4" sourceRef="notCovered" targetRef="reject"/>
    <bpmn:serviceTask id="reject"><bpmn:extensionElements><zeebe:taskDefinition type="${id}-reject"/></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:sequenceFlow id="f5" sourceRef="reject" targetRef="end"/>
    <bpmn:endEvent id="end"/>
  </bpmn:process>
</bpmn:definitions>`;
    await engine.deploy([{ name: `${id}.bpmn`, content: xml }]);
    const ref = await engine.createInstance(id, { orderId: 'o-1' });
    await engine.publishMessage({ name: `${id}-docs`, correlationKey: 'o-1', variables: { docs: 2 }, timeToLive: 60_000, messageId: `${id}-1` });
    const check = await eventually(async () => (await engine.activateJobs({ type: `${id}-check`, maxJobsToActivate: 1 }))[0]);
    expect(check.processInstanceKey).toBe(ref.processInstanceKey);
    expect(check.variables).toEqual(expect.objectContaining({ orderId: 'o-1', docs: 2 }));
    await engine.throwJobError(check.key, { errorCode: 'NOT_COVERED', errorMessage: 'outside warranty', variables: { reason: 'age' } });
    const reject = await eventually(async () => (await engine.activateJobs({ type: `${id}-reject`, maxJobsToActivate: 1 }))[0]);
    // Error variables are local to the catch event; its output mapping lifts them to the instance.
    expect(reject.processInstanceKey).toBe(ref.processInstanceKey);
    expect(reject.variables).toEqual(expect.objectContaining({ reason: 'age' }));
    await engine.completeJob(reject.key);
  });

  it('rejects a bad model with InvalidModelError naming the element', async () => {
    const id = `df-zeebe-bad-${Date.now()}`;
    const bad = BPMN(id).replace('<bpmn:sequenceFlow id="f3" sourceRef="work" targetRef="end"/>', '<bpmn:sequenceFlow id="f3" sourceRef="work" targetRef="end"><bpmn:conditionExpression>= (</bpmn:conditionExpression></bpmn:sequenceFlow>')
      .replace('<zeebe:taskDefinition type="' + id + '-work" retries="3"/>', '<zeebe:taskDefinition type="" retries="3"/>');
    await expect(engine.deploy([{ name: `${id}.bpmn`, content: bad }])).rejects.toMatchObject({ name: 'InvalidModelError', code: 'INVALID_MODEL', message: expect.stringContaining('work') });
  });

  it('fails a job with retries and back-off; cancelling the instance ends the job', async () => {
    const id = `df-zeebe-fail-${Date.now()}`;
    await engine.deploy([{ name: `${id}.bpmn`, content: BPMN(id).replace(/<bpmn:userTask[\s\S]*?<\/bpmn:userTask>/, '<bpmn:task id="review"/>') }]);
    const ref = await engine.createInstance(id, {});
    const first = await eventually(async () => (await engine.activateJobs({ type: `${id}-work`, maxJobsToActivate: 1 }))[0]);
    expect(first.processInstanceKey).toBe(ref.processInstanceKey);
    await engine.failJob(first.key, { retries: 2, retryBackOff: 500, errorMessage: 'try again' });
    const again = await eventually(async () => (await engine.activateJobs({ type: `${id}-work`, maxJobsToActivate: 1 }))[0]);
    expect(again.key).toBe(first.key);
    expect(again.retries).toBe(2);
    await engine.cancelInstance(ref.processInstanceKey);
    await expect(engine.completeJob(again.key)).rejects.toThrow();
  });
});
