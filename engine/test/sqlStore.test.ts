import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { FIXTURES } from '../conformance';
import { EmbeddedEngine, ManualClock, TypeOrmStore } from '../src';
import { databaseKinds, openDataSource, type TestDatabase } from './support/testDataSources';

const fixture = (name: string) => ({ name, content: readFileSync(join(FIXTURES, name), 'utf8') });
const H = 3_600_000;

describe.each(databaseKinds)('the SQL store on %s', (_kind, create) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = await create();
    dataSource = await openDataSource(db);
    await dataSource.query('CREATE TABLE probe_inbox (task_key VARCHAR(32) PRIMARY KEY, element_id VARCHAR(64))');
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('migrations produce exactly the schema the entities describe', async () => {
    const diff = await dataSource.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('listener writes commit in the same transaction as the engine step', async () => {
    // given a listener projecting user tasks into an inbox table through the step's transaction
    const engine = new EmbeddedEngine({ store: new TypeOrmStore(dataSource), pollInterval: 0 });
    await engine.deploy([fixture('c_user_task.bpmn')]);
    engine.on('userTask.created', async (event, manager) => {
      await manager.query('INSERT INTO probe_inbox (task_key, element_id) VALUES (?, ?)', [event.task.key, event.task.elementId]);
    });
    // when an instance starts
    const ref = await engine.createInstance('c_user_task');
    // then the task and its inbox row both exist
    const [task] = await engine.searchUserTasks({ processInstanceKey: ref.processInstanceKey });
    const rows = await dataSource.query('SELECT * FROM probe_inbox WHERE task_key = ?', [task.key]);
    expect(rows).toHaveLength(1);
    await engine.close();
  });

  it('a failing listener rolls the whole step back', async () => {
    // given a listener that fails after writing
    const engine = new EmbeddedEngine({ store: new TypeOrmStore(dataSource), pollInterval: 0 });
    await engine.deploy([fixture('c_user_task.bpmn')]);
    const before = (await dataSource.query('SELECT COUNT(*) AS n FROM engine_instance'))[0].n;
    engine.on('userTask.created', async (event, manager) => {
      await manager.query('INSERT INTO probe_inbox (task_key, element_id) VALUES (?, ?)', [event.task.key, 'doomed']);
      throw new Error('projection failed');
    });
    // when an instance starts
    await expect(engine.createInstance('c_user_task')).rejects.toThrow('projection failed');
    // then neither the instance nor the listener's row exist
    expect((await dataSource.query('SELECT COUNT(*) AS n FROM engine_instance'))[0].n).toEqual(before);
    expect(await dataSource.query("SELECT * FROM probe_inbox WHERE element_id = 'doomed'")).toEqual([]);
    await engine.close();
  });

  it('steps queued together commit together, and a failing one rolls back alone', async () => {
    // given a listener that fails for one of five instances started at once
    const engine = new EmbeddedEngine({ store: new TypeOrmStore(dataSource), pollInterval: 0 });
    await engine.deploy([fixture('c_user_task.bpmn')]);
    engine.on('instance.created', async (event, manager) => {
      await manager.query('INSERT INTO probe_inbox (task_key, element_id) VALUES (?, ?)', [event.processInstanceKey, `batch-${String(event.variables.n)}`]);
      if (event.variables.n === 2) throw new Error('not this one');
    });
    // when they are started concurrently
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map((n) => engine.createInstance('c_user_task', { n })));
    // then four started with their listener rows, the fifth left nothing behind
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const rows = await dataSource.query("SELECT element_id FROM probe_inbox WHERE element_id LIKE 'batch-%' ORDER BY element_id");
    expect(rows.map((r: { element_id: string }) => r.element_id)).toEqual(['batch-0', 'batch-1', 'batch-3', 'batch-4']);
    for (const r of results) if (r.status === 'fulfilled') expect((await engine.getInstance(r.value.processInstanceKey)).state).toBe('ACTIVE');
    await engine.close();
  });

  it('after a restart late timers fire at once, locked jobs are re-offered and waiting tasks go on', async () => {
    // given instances waiting at a timer, a locked job and a user task, then the engine goes away
    const clock = new ManualClock();
    const first = new EmbeddedEngine({ store: new TypeOrmStore(dataSource), clock, pollInterval: 0 });
    await first.deploy([fixture('c_timer_catch.bpmn'), fixture('c_service_task.bpmn'), fixture('c_user_task.bpmn')]);
    const timer = await first.createInstance('c_timer_catch');
    const job = await first.createInstance('c_service_task');
    const task = await first.createInstance('c_user_task');
    const locked = await first.activateJobs({ type: 'c-credit-check', maxJobsToActivate: 10, timeout: 60_000 });
    expect(locked.map((j) => j.processInstanceKey)).toContain(job.processInstanceKey);
    await first.close();
    // when a new engine starts two hours later
    clock.advance(2 * H);
    const second = new EmbeddedEngine({ store: new TypeOrmStore(dataSource), clock, pollInterval: 0 });
    await second.tick();
    const reoffered = await second.activateJobs({ type: 'c-credit-check', maxJobsToActivate: 10, timeout: 60_000 });
    await second.completeJob(reoffered.find((j) => j.processInstanceKey === job.processInstanceKey)!.key, {});
    const [open] = await second.searchUserTasks({ processInstanceKey: task.processInstanceKey });
    await second.completeUserTask(open.key, {});
    // then every instance completed
    for (const ref of [timer, job, task]) expect((await second.getInstance(ref.processInstanceKey)).state).toBe('COMPLETED');
    await second.close();
  });
});
