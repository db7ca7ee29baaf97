import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { EmbeddedEngine, MemoryStore, TypeOrmStore, type EngineStore, type GlobalTaskListener, type Job } from '../../src';
import { databaseKinds, openDataSource, type TestDatabase } from '../support/testDataSources';

const bpmn = { name: 'taskListeners.bpmn', content: readFileSync(join(__dirname, 'taskListeners.bpmn'), 'utf8') };

const stores: Array<[string, () => Promise<{ store: EngineStore; drop(): Promise<void> }>]> = [
  ['memory', async () => ({ store: new MemoryStore(), drop: async () => undefined })],
  ...databaseKinds.map(([kind, create]): [string, () => Promise<{ store: EngineStore; drop(): Promise<void> }>] => [kind, async () => {
    const db: TestDatabase = await create();
    const dataSource: DataSource = await openDataSource(db);
    return { store: new TypeOrmStore(dataSource), drop: () => db.drop() };
  }]),
];

describe.each(stores)('user task listeners on the %s store', (_name, open) => {
  let engine: EmbeddedEngine;
  let drop: () => Promise<void>;

  async function start(globals: GlobalTaskListener[] = []) {
    const opened = await open();
    drop = opened.drop;
    engine = new EmbeddedEngine({ store: opened.store, pollInterval: 0, taskListeners: globals });
    await engine.deploy([bpmn]);
  }

  afterEach(async () => {
    await engine.close();
    await drop();
  });

  async function one(type: string): Promise<Job> {
    const jobs = await engine.activateJobs({ type, maxJobsToActivate: 5, timeout: 60_000 });
    expect(jobs).toHaveLength(1);
    return jobs[0];
  }
  const tasks = (processInstanceKey: string) => engine.searchUserTasks({ processInstanceKey });

  /** Starts an instance and lets its creating listener through; the task then waits for assignment listeners, if any. */
  async function created(variables: Record<string, unknown> = {}) {
    const { processInstanceKey } = await engine.createInstance('listened_approval', { claimId: 'WC-7', ...variables });
    await engine.completeJob((await one('on-creating')).key);
    const [task] = await tasks(processInstanceKey);
    return { processInstanceKey, task };
  }

  it('holds a new task until its creating listener completes, with the task and the variables on the job', async () => {
    await start();
    const { processInstanceKey } = await engine.createInstance('listened_approval', { claimId: 'WC-7' });
    expect(await tasks(processInstanceKey)).toEqual([]);
    const job = await one('on-creating');
    expect(job).toMatchObject({ kind: 'TASK_LISTENER', listenerEventType: 'creating', retries: 2, variables: { claimId: 'WC-7' } });
    expect(job.userTask).toMatchObject({ action: 'create', candidateGroups: ['warranty'], formKey: 'claim-form', priority: 50 });
    expect(job.customHeaders['io.camunda.zeebe:userTaskKey']).toBe(job.userTask!.userTaskKey);
    await expect(engine.assignUserTask(job.userTask!.userTaskKey, 'dealer1.staff')).rejects.toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining("'CREATING'") });
    await engine.completeJob(job.key, {}, { corrections: { priority: 80, candidateGroups: ['warranty', 'sales'] } });
    const [task] = await tasks(processInstanceKey);
    expect(task).toMatchObject({ key: job.userTask!.userTaskKey, priority: 80, candidateGroups: ['warranty', 'sales'] });
    expect(task.assignee).toBeUndefined();
  });

  it('rejects a denial of creating and variables on a listener job, and leaves the job open', async () => {
    await start();
    const { processInstanceKey } = await engine.createInstance('listened_approval', {});
    const job = await one('on-creating');
    await expect(engine.completeJob(job.key, {}, { denied: true, deniedReason: 'no' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(engine.completeJob(job.key, { x: 1 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await tasks(processInstanceKey)).toEqual([]);
    await engine.completeJob(job.key);
    expect(await tasks(processInstanceKey)).toHaveLength(1);
  });

  it('keeps the old assignee when an assigning listener denies, and applies the new one when it completes', async () => {
    await start();
    const { task } = await created();
    const assigning = engine.assignUserTask(task.key, 'dealer1.staff');
    const job = await one('on-assigning');
    expect(job.userTask).toMatchObject({ action: 'assign', assignee: 'dealer1.staff', changedAttributes: ['assignee'] });
    await engine.completeJob(job.key, {}, { denied: true, deniedReason: 'not a warranty clerk' });
    await expect(assigning).rejects.toMatchObject({ code: 'INVALID_STATE', message: expect.stringContaining('not a warranty clerk') });
    expect((await tasks(task.processInstanceKey))[0].assignee).toBeUndefined();

    const second = engine.assignUserTask(task.key, 'approver.warranty');
    await engine.completeJob((await one('on-assigning')).key);
    await second;
    expect((await tasks(task.processInstanceKey))[0].assignee).toBe('approver.warranty');
  });

  it('runs the assigning listener for the assignee the model gives, after the creating one', async () => {
    await start();
    const { processInstanceKey, task } = await created({ initialAssignee: 'dealer1.manager' });
    expect(task.assignee).toBeUndefined();
    const job = await one('on-assigning');
    await engine.completeJob(job.key, {}, { corrections: { assignee: 'dealer1.staff' } });
    expect((await tasks(processInstanceKey))[0].assignee).toBe('dealer1.staff');
  });

  it('completes the task only after the completing listener, with its corrections', async () => {
    await start();
    const { processInstanceKey, task } = await created();
    const completed: string[] = [];
    engine.on('userTask.completed', (e) => void completed.push(`${e.task.key}:${e.task.dueDate ?? ''}`));
    const completing = engine.completeUserTask(task.key, { approved: true });
    const job = await one('on-completing');
    expect((await engine.getInstance(processInstanceKey)).state).toBe('ACTIVE');
    expect(completed).toEqual([]);
    await engine.completeJob(job.key, {}, { corrections: { dueDate: '2026-12-31T10:00:00Z' } });
    await completing;
    const instance = await engine.getInstance(processInstanceKey);
    expect(instance).toMatchObject({ state: 'COMPLETED', variables: { approved: true } });
    expect(completed).toEqual([`${task.key}:2026-12-31T10:00:00.000Z`]);
  });

  it('runs the canceling listener when the instance is cancelled, with the variables the task saw', async () => {
    await start();
    const { processInstanceKey, task } = await created();
    const cancelled: string[] = [];
    engine.on('userTask.cancelled', (e) => void cancelled.push(e.task.key));
    await engine.cancelInstance(processInstanceKey);
    const job = await one('on-canceling');
    expect(job).toMatchObject({ listenerEventType: 'canceling', variables: { claimId: 'WC-7' }, userTask: { action: 'cancel' } });
    expect(cancelled).toEqual([]);
    await expect(engine.completeJob(job.key, {}, { corrections: { priority: 1 } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await engine.completeJob(job.key);
    expect(cancelled).toEqual([task.key]);
    expect(await engine.activateJobs({ type: 'on-canceling', maxJobsToActivate: 5 })).toEqual([]);
  });

  it('ends the cancellation when a canceling listener runs out of retries: its element is gone, so no incident holds it', async () => {
    await start();
    const { processInstanceKey, task } = await created();
    const cancelled: string[] = [];
    engine.on('userTask.cancelled', (e) => void cancelled.push(e.task.key));
    await engine.cancelInstance(processInstanceKey);
    await engine.failJob((await one('on-canceling')).key, { retries: 0, errorMessage: 'down' });
    expect(cancelled).toEqual([task.key]);
    expect((await engine.getInstance(processInstanceKey)).incidents).toEqual([]);
  });

  it('rejects a completion still held by its listener when the instance is cancelled, and runs the canceling listener', async () => {
    await start();
    const { processInstanceKey, task } = await created();
    const completing = engine.completeUserTask(task.key, { approved: true });
    const held = await one('on-completing');
    await engine.cancelInstance(processInstanceKey);
    await expect(completing).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(engine.completeJob(held.key)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await one('on-canceling')).userTask).toMatchObject({ userTaskKey: task.key, action: 'cancel' });
  });

  it('refuses at deploy a listener with an unknown event type or no type, naming the element', async () => {
    await start();
    const model = (listener: string) => ({ name: 'bad.bpmn', content: bpmn.content.replace(/<zeebe:taskListeners>[\s\S]*<\/zeebe:taskListeners>/, `<zeebe:taskListeners>${listener}</zeebe:taskListeners>`) });
    await expect(engine.deploy([model('<zeebe:taskListener eventType="claiming" type="x" />')])).rejects.toMatchObject({ code: 'INVALID_MODEL', message: expect.stringMatching(/approve: task listener event type 'claiming'/) });
    await expect(engine.deploy([model('<zeebe:taskListener eventType="completing" />')])).rejects.toMatchObject({ code: 'INVALID_MODEL', message: expect.stringMatching(/approve: a completing task listener needs a type/) });
  });

  it('runs global listeners before the task\'s own, and after them when so configured', async () => {
    await start([{ eventType: 'completing', type: 'audit-after', afterNonGlobal: true }, { eventTypes: ['all'], type: 'audit-before', retries: 5 }]);
    const { processInstanceKey } = await engine.createInstance('plain_approval', {});
    const before = await one('audit-before');
    expect(before).toMatchObject({ listenerEventType: 'creating', retries: 5 });
    await engine.completeJob(before.key);
    const [task] = await tasks(processInstanceKey);
    const completing = engine.completeUserTask(task.key, {});
    const order: string[] = [];
    for (const type of ['audit-before', 'audit-after']) {
      const job = await one(type);
      order.push(`${type}:${job.listenerEventType}`);
      await engine.completeJob(job.key);
    }
    await completing;
    expect(order).toEqual(['audit-before:completing', 'audit-after:completing']);
    expect((await engine.getInstance(processInstanceKey)).state).toBe('COMPLETED');
  });

  it('raises an incident when a listener fails with no retries, and offers the job again once it is resolved', async () => {
    await start();
    const { processInstanceKey } = await engine.createInstance('listened_approval', {});
    const job = await one('on-creating');
    await expect(engine.throwJobError(job.key, { errorCode: 'NOPE' })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await engine.failJob(job.key, { retries: 0, errorMessage: 'directory down' });
    const [incident] = (await engine.getInstance(processInstanceKey)).incidents;
    expect(incident).toMatchObject({ type: 'TASK_LISTENER_NO_RETRIES', elementId: 'approve', jobKey: job.key, message: 'directory down' });
    expect(await engine.activateJobs({ type: 'on-creating', maxJobsToActivate: 5 })).toEqual([]);
    await engine.resolveIncident(incident.key);
    const again = await one('on-creating');
    expect(again.key).toBe(job.key);
    await engine.completeJob(again.key);
    expect(await tasks(processInstanceKey)).toHaveLength(1);
  });
});
