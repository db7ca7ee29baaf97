import { EmbeddedEngine, ManualClock, MemoryStore, type Job, type ServableEngine } from '../src';

const taskProcess = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs_s_task" targetNamespace="http://dealerflow.example/test">
  <bpmn:process id="s_task" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="s-external" retries="3" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe('the engine served to external clients', () => {
  it('is a ServableEngine: the port, plus what a wire gateway needs', () => {
    const servable: ServableEngine = new EmbeddedEngine({ store: new MemoryStore(), pollInterval: 0 });
    expect(typeof servable.onJobsActivatable).toBe('function');
    return servable.close();
  });

  let clock: ManualClock;
  let engine: EmbeddedEngine;

  beforeEach(async () => {
    clock = new ManualClock(1_000_000);
    engine = new EmbeddedEngine({ store: new MemoryStore(), clock, pollInterval: 0 });
    await engine.deploy([{ name: 's_task.bpmn', content: taskProcess }]);
  });
  afterEach(() => engine.close());

  async function activateOne(): Promise<Job> {
    const [job] = await engine.activateJobs({ type: 's-external', maxJobsToActivate: 1, timeout: 10_000, worker: 'w' });
    expect(job).toBeDefined();
    return job;
  }

  it('keeps a job of a type no worker serves until a client activates it, with its definition', async () => {
    const ref = await engine.createInstance('s_task', { a: 1 });
    const job = await activateOne();
    expect(job).toMatchObject({ processInstanceKey: ref.processInstanceKey, processDefinitionKey: ref.processDefinitionKey, processDefinitionVersion: 1, variables: { a: 1 } });
    await expect(engine.processDefinition(ref.processDefinitionKey)).resolves.toMatchObject({ bpmnProcessId: 's_task', version: 1 });
  });

  it('tells watchers which job types became activatable, and all types on a sweep', async () => {
    const seen: Array<string[] | undefined> = [];
    const off = engine.onJobsActivatable((types) => seen.push(types && [...types]));
    await engine.createInstance('s_task');
    await engine.tick();
    off();
    await engine.createInstance('s_task');
    expect(seen).toEqual([['s-external'], undefined]);
  });

  it('moves a lock with updateJobTimeout: 0 offers the job again at once', async () => {
    await engine.createInstance('s_task');
    const job = await activateOne();
    await expect(engine.activateJobs({ type: 's-external', maxJobsToActivate: 1 })).resolves.toEqual([]);
    await engine.updateJobTimeout(job.key, 0);
    await expect(engine.activateJobs({ type: 's-external', maxJobsToActivate: 1 })).resolves.toHaveLength(1);
    await expect(engine.updateJobTimeout('404', 10)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses to move the lock of a job that is not activated', async () => {
    await engine.createInstance('s_task');
    const job = await activateOne();
    await engine.failJob(job.key, { retries: 2 });
    await expect(engine.updateJobTimeout(job.key, 10)).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('sets variables locally on a job scope, or propagates them to the process', async () => {
    const ref = await engine.createInstance('s_task', { shared: 0 });
    const job = await activateOne();
    await engine.setVariables(job.key, { shared: 1, onlyHere: true }, { local: true });
    await engine.setVariables(job.key, { global: 'yes' });
    await engine.setVariables(ref.processInstanceKey, { top: 2 });
    expect((await engine.getInstance(ref.processInstanceKey)).variables).toEqual({ shared: 0, global: 'yes', top: 2 });
    await engine.completeJob(job.key, {});
    await expect(engine.setVariables(ref.processInstanceKey, { late: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps the variables of a failure local to the task for its retry', async () => {
    const ref = await engine.createInstance('s_task');
    const job = await activateOne();
    await engine.failJob(job.key, { retries: 1, variables: { attempt: 1 } });
    const again = await activateOne();
    expect(again.variables).toEqual({ attempt: 1 });
    expect((await engine.getInstance(ref.processInstanceKey)).variables).toEqual({});
  });

  it('answers the key of a published message', async () => {
    const key = await engine.publishMessageWithKey({ name: 'm', correlationKey: 'c', timeToLive: 1000 });
    expect(key).toMatch(/^\d+$/);
  });

  it('starts at the elements of start instructions instead of the none start event', async () => {
    const ref = await engine.createInstance('s_task', { a: 1 }, { startElementIds: ['end'] });
    const details = await engine.getInstance(ref.processInstanceKey);
    expect(details.state).toBe('COMPLETED');
    expect(details.history.map((h) => h.elementId)).not.toContain('start');
    expect(details.history.map((h) => h.elementId)).not.toContain('work');
    await expect(engine.createInstance('s_task', {}, { startElementIds: ['nope'] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { elementId: 'nope' } });
  });

  it('evaluates a deployed decision by id or key, and answers a failure instead of rejecting', async () => {
    const dmn = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs_s_rules" name="Rules" namespace="http://dealerflow.example/test">
  <decision id="s_double" name="Double"><literalExpression id="s_double_expr"><text>n * 2</text></literalExpression></decision>
  <decision id="s_unique" name="Unique"><decisionTable id="s_unique_table" hitPolicy="UNIQUE">
    <input id="i1"><inputExpression id="i1e" typeRef="number"><text>n</text></inputExpression></input><output id="o1" name="band" typeRef="string" />
    <rule id="u1"><inputEntry id="u1i"><text>-</text></inputEntry><outputEntry id="u1o"><text>"any"</text></outputEntry></rule>
    <rule id="u2"><inputEntry id="u2i"><text>&gt; 10</text></inputEntry><outputEntry id="u2o"><text>"big"</text></outputEntry></rule>
  </decisionTable></decision>
</definitions>`;
    const deployment = await engine.deploy([{ name: 's_rules.dmn', content: dmn }]);
    const key = deployment.decisions!.find((d) => d.decisionId === 's_double')!.decisionKey;
    await expect(engine.evaluateDecision({ decisionId: 's_double' }, { n: 21 })).resolves.toMatchObject({ decisionKey: key, decisionName: 'Double', version: 1, decisionType: 'LITERAL_EXPRESSION', output: 42 });
    await expect(engine.evaluateDecision({ decisionKey: key }, { n: 1 })).resolves.toMatchObject({ output: 2 });
    await expect(engine.evaluateDecision({ decisionId: 's_unique' }, { n: 1 })).resolves.toMatchObject({ decisionType: 'DECISION_TABLE', output: 'any' });
    await expect(engine.evaluateDecision({ decisionId: 's_unique' }, { n: 50 })).resolves.toMatchObject({ failedDecisionId: 's_unique', failureMessage: expect.stringContaining('s_unique') });
    await expect(engine.evaluateDecision({ decisionId: 'nope' }, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('with requireJobRetries, refuses to resolve a job incident until the job has retries again', async () => {
    const ref = await engine.createInstance('s_task');
    const job = await activateOne();
    await engine.failJob(job.key, { retries: 0, errorMessage: 'down' });
    const [incident] = (await engine.getInstance(ref.processInstanceKey)).incidents;
    await expect(engine.resolveIncident(incident.key, { requireJobRetries: true })).rejects.toMatchObject({ code: 'INVALID_STATE', details: { jobKey: job.key } });
    await engine.updateJobRetries(job.key, 1);
    await engine.resolveIncident(incident.key, { requireJobRetries: true });
    await expect(activateOne()).resolves.toMatchObject({ key: job.key, retries: 1 });
  });
});
