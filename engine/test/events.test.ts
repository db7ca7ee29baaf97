import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../conformance';
import { EmbeddedEngine, ManualClock, MemoryStore, type EngineEvent, type EngineEventType } from '../src';

const fixture = (name: string) => ({ name, content: readFileSync(join(FIXTURES, name), 'utf8') });

function recordEvents(engine: EmbeddedEngine): EngineEvent[] {
  const seen: EngineEvent[] = [];
  const types: EngineEventType[] = ['userTask.created', 'userTask.assigned', 'userTask.completed', 'userTask.cancelled', 'incident.raised', 'incident.resolved', 'instance.created', 'instance.completed', 'instance.terminated', 'element.activated', 'element.completed'];
  for (const type of types) engine.on(type, (e) => void seen.push(e));
  return seen;
}

describe('engine events', () => {
  it('reach listeners in the async context of the command that caused them, even when queued behind another', async () => {
    // given an engine whose listener reads who is acting from the caller's async context
    const engine = new EmbeddedEngine({ store: new MemoryStore(), pollInterval: 0 });
    await engine.deploy([fixture('c_user_task.bpmn')]);
    const actor = new AsyncLocalStorage<string>();
    const heard: Record<string, string | undefined> = {};
    engine.on('instance.created', (e) => void (heard[String(e.variables.who)] = actor.getStore()));
    // when three callers start instances at the same moment, each in its own context
    await Promise.all(['ann', 'bob', 'eve'].map((who) => actor.run(who, () => engine.createInstance('c_user_task', { who }))));
    // then each step's listener saw its own caller, not the one who happened to drain the queue
    expect(heard).toEqual({ ann: 'ann', bob: 'bob', eve: 'eve' });
    await engine.close();
  });

  it('announce the life of user tasks and instances', async () => {
    // given an engine with a listener on every event
    const engine = new EmbeddedEngine({ store: new MemoryStore(), pollInterval: 0 });
    const seen = recordEvents(engine);
    await engine.deploy([fixture('c_user_task.bpmn'), fixture('c_parallel.bpmn')]);
    // when one instance completes its task and another is cancelled
    const done = await engine.createInstance('c_user_task');
    const [task] = await engine.searchUserTasks({ processInstanceKey: done.processInstanceKey });
    await engine.completeUserTask(task.key, { ok: 1 });
    const cancelled = await engine.createInstance('c_parallel');
    await engine.cancelInstance(cancelled.processInstanceKey);
    // then the events tell it in order
    const types = seen.filter((e) => !e.type.startsWith('element.')).map((e) => e.type);
    expect(types).toEqual(['instance.created', 'userTask.created', 'userTask.assigned', 'userTask.completed', 'instance.completed', 'instance.created', 'userTask.created', 'userTask.created', 'userTask.cancelled', 'userTask.cancelled', 'instance.terminated']);
    expect(seen.filter((e) => e.type === 'element.completed').map((e) => (e as { elementId: string }).elementId).slice(0, 3)).toEqual(['start', 'review', 'end']);
    await engine.close();
  });

  it('key every event by its subject and transition, and each assignment of a task apart', async () => {
    // given an instance whose task is claimed, unclaimed, claimed again and completed
    const engine = new EmbeddedEngine({ store: new MemoryStore(), pollInterval: 0 });
    const seen = recordEvents(engine);
    await engine.deploy([fixture('c_user_task.bpmn')]);
    const ref = await engine.createInstance('c_user_task');
    const [task] = await engine.searchUserTasks({ processInstanceKey: ref.processInstanceKey });
    for (const assignee of ['ann', undefined, 'bob']) await engine.assignUserTask(task.key, assignee);
    await engine.completeUserTask(task.key, {});
    // then each key names its subject and transition, and no two events share one
    const keyOf = (type: EngineEventType) => seen.filter((e) => e.type === type).map((e) => e.eventKey);
    expect(keyOf('instance.created')).toEqual([`instance.created:${ref.processInstanceKey}`]);
    expect(keyOf('userTask.created')).toEqual([`userTask.created:${task.key}`]);
    expect(keyOf('userTask.completed')).toEqual([`userTask.completed:${task.key}`]);
    expect(keyOf('instance.completed')).toEqual([`instance.completed:${ref.processInstanceKey}`]);
    expect(keyOf('userTask.assigned').every((key) => key.startsWith(`userTask.assigned:${task.key}:`))).toBe(true);
    expect(new Set(seen.map((e) => e.eventKey)).size).toBe(seen.length);
    await engine.close();
  });

  it('pair each element activation with its completion by element instance key', async () => {
    // given an instance that passes a start event, a user task and an end event
    const engine = new EmbeddedEngine({ store: new MemoryStore(), pollInterval: 0 });
    const seen = recordEvents(engine);
    await engine.deploy([fixture('c_user_task.bpmn')]);
    const ref = await engine.createInstance('c_user_task');
    const [task] = await engine.searchUserTasks({ processInstanceKey: ref.processInstanceKey });
    await engine.completeUserTask(task.key, {});
    // then every element event names its activation, and completions reuse the key of their activation
    const elementEvents = seen.filter((e) => e.type.startsWith('element.')) as { type: string; elementId: string; elementInstanceKey?: string }[];
    const activated = elementEvents.filter((e) => e.type === 'element.activated');
    const completed = elementEvents.filter((e) => e.type === 'element.completed');
    expect(new Set(activated.map((e) => e.elementInstanceKey)).size).toBe(activated.length);
    for (const done of completed) expect(activated.find((a) => a.elementInstanceKey === done.elementInstanceKey)?.elementId).toBe(done.elementId);
    expect(completed.find((e) => e.elementId === 'c_user_task')?.elementInstanceKey).toBe(`${ref.processInstanceKey}.0`);
    await engine.close();
  });

  it('hand out the XML a definition was deployed from, and NotFound for unknown keys', async () => {
    const engine = new EmbeddedEngine({ store: new MemoryStore(), pollInterval: 0 });
    const resource = fixture('c_user_task.bpmn');
    const { processes: [deployed] } = await engine.deploy([resource]);
    expect(await engine.getProcessDefinitionXml(deployed.processDefinitionKey)).toBe(resource.content);
    await expect(engine.getProcessDefinitionXml('999999')).rejects.toMatchObject({ name: 'NotFoundError' });
    await engine.close();
  });

  it('announce incidents raised and resolved', async () => {
    const engine = new EmbeddedEngine({ store: new MemoryStore(), pollInterval: 0 });
    const seen = recordEvents(engine);
    await engine.deploy([fixture('c_service_task.bpmn')]);
    const ref = await engine.createInstance('c_service_task');
    const [job] = await engine.activateJobs({ type: 'c-credit-check', maxJobsToActivate: 1 });
    await engine.failJob(job.key, { retries: 0, errorMessage: 'no connection' });
    const [incident] = (await engine.getInstance(ref.processInstanceKey)).incidents;
    expect(incident).toMatchObject({ type: 'JOB_NO_RETRIES', message: 'no connection', elementId: 'check', jobKey: job.key });
    await engine.resolveIncident(incident.key);
    expect(seen.filter((e) => e.type.startsWith('incident.')).map((e) => e.type)).toEqual(['incident.raised', 'incident.resolved']);
    expect((await engine.getInstance(ref.processInstanceKey)).incidents).toEqual([]);
    await engine.close();
  });
});

describe('message cardinality', () => {
  it('a message correlates to one waiting instance of a process, like Zeebe', async () => {
    // given two instances waiting for the same message
    const engine = new EmbeddedEngine({ store: new MemoryStore(), pollInterval: 0 });
    await engine.deploy([fixture('c_message_catch.bpmn')]);
    const first = await engine.createInstance('c_message_catch', { orderId: 'same' });
    const second = await engine.createInstance('c_message_catch', { orderId: 'same' });
    // when one message is published, then another
    await engine.publishMessage({ name: 'c-payment', correlationKey: 'same' });
    const states = async () => [(await engine.getInstance(first.processInstanceKey)).state, (await engine.getInstance(second.processInstanceKey)).state];
    // then each message completed one instance
    expect((await states()).sort()).toEqual(['ACTIVE', 'COMPLETED']);
    await engine.publishMessage({ name: 'c-payment', correlationKey: 'same' });
    expect(await states()).toEqual(['COMPLETED', 'COMPLETED']);
    await engine.close();
  });
});

describe('start events', () => {
  it('a timer start event creates instances on its cycle', async () => {
    const clock = new ManualClock();
    const engine = new EmbeddedEngine({ store: new MemoryStore(), clock, pollInterval: 0 });
    const started: string[] = [];
    engine.on('instance.created', (e) => void started.push(e.bpmnProcessId));
    await engine.deploy([fixture('e_timer_start.bpmn')]);
    clock.advance(3_600_000);
    await engine.tick();
    clock.advance(3_600_000);
    await engine.tick();
    clock.advance(3_600_000);
    await engine.tick();
    expect(started).toEqual(['e_timer_start', 'e_timer_start']);
    await engine.close();
  });

  it('a message start event creates an instance with the message variables', async () => {
    const engine = new EmbeddedEngine({ store: new MemoryStore(), pollInterval: 0 });
    const completed: unknown[] = [];
    engine.on('instance.completed', (e) => void completed.push(e.variables));
    await engine.deploy([fixture('e_message_start.bpmn')]);
    await engine.publishMessage({ name: 'e-lead-arrived', correlationKey: '', variables: { lead: 'L1' } });
    expect(completed).toEqual([{ lead: 'L1' }]);
    await engine.close();
  });
});

/** Waits (bounded) for the worker's asynchronous handling; the engine clock is not involved. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 2));
}

describe('workers', () => {
  it('run handlers that complete, fail and throw BPMN errors', async () => {
    // given instances whose job outcomes differ by variable
    const clock = new ManualClock();
    const engine = new EmbeddedEngine({ store: new MemoryStore(), clock, pollInterval: 0 });
    await engine.deploy([fixture('c_boundary_error.bpmn')]);
    const ends: string[] = [];
    engine.on('instance.completed', (e) => void ends.push(String(e.variables.mode)));
    const attempts = new Map<string, number>();
    // when a worker handles them
    const worker = engine.createWorker('c-limit', async (job, act) => {
      const n = (attempts.get(job.processInstanceKey) ?? 0) + 1;
      attempts.set(job.processInstanceKey, n);
      if (job.variables.mode === 'deny') return act.error({ errorCode: 'CREDIT_DENIED' });
      if (job.variables.mode === 'flaky' && n === 1) return act.fail({ retries: job.retries - 1, retryBackOff: 1000, errorMessage: 'try later' });
      if (job.variables.mode === 'crash') throw new Error('handler crashed');
      return act.complete({ checked: true });
    });
    const refs = await Promise.all(['ok', 'deny', 'flaky', 'crash'].map((mode) => engine.createInstance('c_boundary_error', { mode })));
    await until(() => attempts.size === 4 && attempts.get(refs[3].processInstanceKey) === 3);
    clock.advance(1000);
    await engine.tick();
    await until(() => ends.length === 2);
    // then ok and flaky complete, deny took the error path, crash used its three retries up into an incident
    expect(ends.sort()).toEqual(['flaky', 'ok']);
    const deny = await engine.searchUserTasks({ processInstanceKey: refs[1].processInstanceKey });
    expect(deny.map((t) => t.elementId)).toEqual(['manual']);
    await worker.close();
    expect(attempts.get(refs[3].processInstanceKey)).toBe(3);
    expect((await engine.getInstance(refs[3].processInstanceKey)).incidents).toMatchObject([{ type: 'JOB_NO_RETRIES', message: 'handler crashed' }]);
    await engine.close();
  });
});
