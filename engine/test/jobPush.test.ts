import { EmbeddedEngine, ManualClock, MemoryStore, type Job, type JobPushTarget } from '../src';

const definitions = (id: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs_${id}" targetNamespace="http://dealerflow.example/test">
  <bpmn:error id="err_boom" errorCode="boom" />
  <bpmn:process id="${id}" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;

const task = (type: string) => `<bpmn:extensionElements><zeebe:taskDefinition type="${type}" /></bpmn:extensionElements>`;

const oneTask = definitions('p_push', `
  <bpmn:startEvent id="start" />
  <bpmn:serviceTask id="work">${task('push-work')}</bpmn:serviceTask>
  <bpmn:endEvent id="end" />
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
  <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />`);

// in one step the split creates the job and the error end event ends the subprocess that holds it
const taskEndedAtOnce = definitions('p_push_ended', `
  <bpmn:startEvent id="start" />
  <bpmn:subProcess id="sub">
    <bpmn:startEvent id="sub_start" />
    <bpmn:parallelGateway id="split" />
    <bpmn:serviceTask id="work">${task('push-work')}</bpmn:serviceTask>
    <bpmn:endEvent id="boom"><bpmn:errorEventDefinition errorRef="err_boom" /></bpmn:endEvent>
    <bpmn:sequenceFlow id="s1" sourceRef="sub_start" targetRef="split" />
    <bpmn:sequenceFlow id="s2" sourceRef="split" targetRef="work" />
    <bpmn:sequenceFlow id="s3" sourceRef="split" targetRef="boom" />
  </bpmn:subProcess>
  <bpmn:boundaryEvent id="caught" attachedToRef="sub"><bpmn:errorEventDefinition errorRef="err_boom" /></bpmn:boundaryEvent>
  <bpmn:endEvent id="end" />
  <bpmn:endEvent id="end_caught" />
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sub" />
  <bpmn:sequenceFlow id="f2" sourceRef="sub" targetRef="end" />
  <bpmn:sequenceFlow id="f3" sourceRef="caught" targetRef="end_caught" />`);

/** A job stream's receiving end that keeps what it is pushed. */
function stream(worker: string, opts: { ready?: () => boolean; accepts?: boolean; fetchVariables?: string[] } = {}) {
  const got: Job[] = [];
  const target: JobPushTarget = {
    request: { type: 'push-work', worker, timeout: 5_000, ...(opts.fetchVariables ? { fetchVariables: opts.fetchVariables } : {}) },
    ready: opts.ready ?? (() => true),
    push: (jobs) => {
      if (opts.accepts === false) return false;
      got.push(...jobs);
      return true;
    },
  };
  return { target, got };
}

describe('jobs pushed to open job streams as they are created', () => {
  let clock: ManualClock;
  let engine: EmbeddedEngine;
  let activatable: string[];

  beforeEach(async () => {
    clock = new ManualClock(1_000_000);
    engine = new EmbeddedEngine({ store: new MemoryStore(), clock, pollInterval: 0 });
    await engine.deploy([{ name: 'push.bpmn', content: oneTask }, { name: 'push_ended.bpmn', content: taskEndedAtOnce }]);
    activatable = [];
    engine.onJobsActivatable((types) => activatable.push(...(types ?? ['*'])));
  });
  afterEach(() => engine.close());

  const activate = () => engine.activateJobs({ type: 'push-work', maxJobsToActivate: 10, worker: 'poller' });

  it('locks a new job for a ready stream in the step that creates it and hands it over with the variables it asks for', async () => {
    const s = stream('streamer', { fetchVariables: ['a'] });
    engine.pushJobs(s.target);
    const ref = await engine.createInstance('p_push', { a: 1, b: 2 });
    expect(s.got).toHaveLength(1);
    expect(s.got[0]).toMatchObject({ processInstanceKey: ref.processInstanceKey, processDefinitionKey: ref.processDefinitionKey, elementId: 'work', worker: 'streamer', deadline: 1_005_000, variables: { a: 1 } });
    expect(s.got[0].variables).not.toHaveProperty('b');
    // it is locked for the stream: no poll gets it, and no waiter was woken for it
    await expect(activate()).resolves.toEqual([]);
    expect(activatable).toEqual([]);
    await engine.completeJob(s.got[0].key, { done: true });
    await expect(engine.searchInstances({ processInstanceKey: ref.processInstanceKey })).resolves.toMatchObject([{ state: 'COMPLETED' }]);
  });

  it('gives each new job to the next ready stream of its type, in turn', async () => {
    const [one, two] = [stream('one'), stream('two')];
    engine.pushJobs(one.target);
    engine.pushJobs(two.target);
    for (let i = 0; i < 4; i++) await engine.createInstance('p_push');
    expect([one.got.length, two.got.length]).toEqual([2, 2]);
    expect(new Set([...one.got, ...two.got].map((j) => j.key)).size).toBe(4);
  });

  it('leaves a job for activation while no stream of its type is ready, and pushes again once one is', async () => {
    let ready = false;
    const s = stream('slow', { ready: () => ready });
    engine.pushJobs(s.target);
    await engine.createInstance('p_push');
    expect(s.got).toEqual([]);
    expect(activatable).toEqual(['push-work']);
    await expect(activate()).resolves.toHaveLength(1);
    ready = true;
    await engine.createInstance('p_push');
    expect(s.got).toHaveLength(1);
  });

  it('offers a job again at once when its stream has gone by the time the step commits', async () => {
    const gone = stream('gone', { accepts: false });
    engine.pushJobs(gone.target);
    await engine.createInstance('p_push');
    const [job] = await activate();
    expect(job).toMatchObject({ elementId: 'work', worker: 'poller' });
  });

  it('stops pushing to a stream once it is unregistered', async () => {
    const s = stream('leaving');
    const off = engine.pushJobs(s.target);
    off();
    await engine.createInstance('p_push');
    expect(s.got).toEqual([]);
    await expect(activate()).resolves.toHaveLength(1);
  });

  it('pushes no job whose element the same step ended', async () => {
    const s = stream('streamer');
    engine.pushJobs(s.target);
    const ref = await engine.createInstance('p_push_ended');
    expect(s.got).toEqual([]);
    await expect(activate()).resolves.toEqual([]);
    await expect(engine.searchInstances({ processInstanceKey: ref.processInstanceKey })).resolves.toMatchObject([{ state: 'COMPLETED' }]);
  });
});
