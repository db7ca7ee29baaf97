import type { UserTask } from '@dealerflow/engine';
import type { DataSource } from 'typeorm';
import type { CurrentUser } from '../../src/auth/CurrentUser';
import { openDatabase } from '../../src/db/createDataSource';
import { InboxQuery } from '../../src/tasks/InboxQuery';
import { Task } from '../../src/tasks/Task';
import { TaskProjection } from '../../src/tasks/TaskProjection';
import { withDemoUsers } from '../support/demoUsers';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

let seq = 0;
function userTask(overrides: Partial<UserTask> & { dealerId?: string | null; vin?: string }): UserTask {
  seq += 1;
  const { dealerId = 'dealer1', vin, ...rest } = overrides;
  return {
    key: `task-${String(seq).padStart(4, '0')}`,
    processInstanceKey: `pi-${seq}`,
    bpmnProcessId: 'warranty-claim',
    elementId: 'ProvideInformation',
    name: 'Provide more information',
    state: 'CREATED',
    candidateGroups: ['dealer-staff', 'dealer-manager'],
    candidateUsers: [],
    priority: 50,
    variables: { dealerId, caseRef: `WC-${seq}`, vin },
    createdAt: Date.parse('2026-11-01T09:00:00Z') + seq * 60_000,
    ...rest,
  };
}

describe.each(testDatabases())('inbox query on %s', (_kind, database) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let as: (username: string) => Promise<CurrentUser>;
  const projection = new TaskProjection();
  const inbox = () => new InboxQuery(dataSource);
  const keys = (tasks: Task[]) => tasks.map((t) => t.key);
  const tasks: Record<string, UserTask> = {};

  beforeAll(async () => {
    db = database();
    dataSource = await openDatabase(await db.create());
    as = await withDemoUsers(dataSource);
    Object.assign(tasks, {
      d1Info: userTask({ dueDate: '2026-11-05T10:00:00.000Z', vin: 'XW8AN2NE3PH000101' }),
      d1Assigned: userTask({ assignee: 'dealer1.staff', dueDate: '2026-11-03T10:00:00.000Z' }),
      d1NoDue: userTask({}),
      d2Info: userTask({ dealerId: 'dealer2', dueDate: '2026-11-02T10:00:00.000Z', vin: 'XW8TC4KF5RH000202' }),
      d1Warranty: userTask({ elementId: 'DecideClaim', name: 'Decide warranty claim', candidateGroups: ['warranty'], priority: 80, dueDate: '2026-11-04T10:00:00.000Z' }),
      d2Warranty: userTask({ dealerId: 'dealer2', elementId: 'DecideClaim', candidateGroups: ['warranty'], priority: 50, dueDate: '2026-11-06T10:00:00.000Z' }),
      d3Sales: userTask({ dealerId: 'dealer3', bpmnProcessId: 'vehicle-allocation', elementId: 'Allocate', candidateGroups: ['sales'] }),
      d1Personal: userTask({ candidateGroups: [], candidateUsers: ['dealer1.manager'] }),
    });
    await dataSource.transaction(async (manager) => {
      for (const task of Object.values(tasks)) await projection.created(manager, task);
    });
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('shows dealer staff their own dealer’s tasks for their group, by due date, undated last', async () => {
    const page = await inbox().page(await as('dealer1.staff'), {});
    expect(keys(page.items)).toEqual([tasks.d1Assigned.key, tasks.d1Info.key, tasks.d1NoDue.key]);
  });

  it('never shows a dealer another dealer’s task, even when filtering for it', async () => {
    const staff = await as('dealer2.staff');
    expect(keys((await inbox().page(staff, {})).items)).toEqual([tasks.d2Info.key]);
    expect((await inbox().page(staff, { dealerId: 'dealer1' })).items).toEqual([]);
  });

  it('shows tasks offered to a user by name only to that user', async () => {
    expect(keys((await inbox().page(await as('dealer1.manager'), {})).items)).toContain(tasks.d1Personal.key);
    expect(keys((await inbox().page(await as('dealer1.staff'), {})).items)).not.toContain(tasks.d1Personal.key);
  });

  it('shows an approver their group’s tasks across dealers, and not other groups’', async () => {
    expect(keys((await inbox().page(await as('approver.warranty'), {})).items)).toEqual([tasks.d1Warranty.key, tasks.d2Warranty.key]);
    expect(keys((await inbox().page(await as('approver.sales'), {})).items)).toEqual([tasks.d3Sales.key]);
  });

  it('shows the process admin everything', async () => {
    expect((await inbox().page(await as('admin'), { limit: 200 })).items).toHaveLength(Object.keys(tasks).length);
  });

  it('filters by assignee, text, process, due date and candidate group', async () => {
    const staff = await as('dealer1.staff');
    expect(keys((await inbox().page(staff, { assignee: 'me' })).items)).toEqual([tasks.d1Assigned.key]);
    expect(keys((await inbox().page(staff, { assignee: 'unassigned' })).items)).toEqual([tasks.d1Info.key, tasks.d1NoDue.key]);
    expect(keys((await inbox().page(staff, { q: 'ph000101' })).items)).toEqual([tasks.d1Info.key]);
    expect(keys((await inbox().page(staff, { q: 'WC-1' })).items)).toContain(tasks.d1Info.key);
    expect((await inbox().page(staff, { q: '%' })).items).toEqual([]);
    expect(keys((await inbox().page(staff, { dueBefore: '2026-11-04T00:00:00.000Z' })).items)).toEqual([tasks.d1Assigned.key]);
    const admin = await as('admin');
    expect(keys((await inbox().page(admin, { processId: 'vehicle-allocation' })).items)).toEqual([tasks.d3Sales.key]);
    expect(keys((await inbox().page(admin, { candidateGroup: 'warranty' })).items)).toEqual([tasks.d1Warranty.key, tasks.d2Warranty.key]);
  });

  it('pages with a cursor through every task exactly once, in each sort order', async () => {
    const admin = await as('admin');
    for (const sort of ['due', 'priority', 'created'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await inbox().page(admin, { sort, limit: 3, cursor });
        seen.push(...keys(page.items));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect({ sort, count: seen.length, unique: new Set(seen).size }).toEqual({ sort, count: 8, unique: 8 });
    }
    const byPriority = await inbox().page(admin, { sort: 'priority', limit: 1 });
    expect(byPriority.items[0].key).toBe(tasks.d1Warranty.key);
  });

  it('refuses a cursor it did not make', async () => {
    await expect(inbox().page(await as('admin'), { cursor: 'not-a-cursor' })).rejects.toMatchObject({ status: 400 });
  });

  it('applies each event once: a replayed create, a second end and a late assignment change nothing', async () => {
    const task = userTask({});
    await dataSource.transaction((manager) => projection.created(manager, task));
    await dataSource.transaction((manager) => projection.created(manager, { ...task, name: 'replayed' }));
    expect(await dataSource.transaction((manager) => projection.ended(manager, task.key, 'completed', new Date(), 'dealer1.staff'))).toBe(true);
    expect(await dataSource.transaction((manager) => projection.ended(manager, task.key, 'cancelled', new Date()))).toBe(false);
    expect(await dataSource.transaction((manager) => projection.assigned(manager, task.key, 'someone'))).toBe(false);
    const row = await dataSource.getRepository(Task).findOneByOrFail({ key: task.key });
    expect(row).toMatchObject({ name: 'Provide more information', state: 'completed', completedBy: 'dealer1.staff', assignee: null, revision: 2 });
    const candidates = await dataSource.query('SELECT COUNT(*) AS n FROM task_candidate WHERE taskKey = ?', [task.key]);
    expect(Number(candidates[0].n)).toBe(2);
  });

  it('lists completed tasks separately', async () => {
    const done = await inbox().page(await as('dealer1.staff'), { state: 'completed' });
    expect(done.items.every((t) => t.state === 'completed')).toBe(true);
    expect(done.items).toHaveLength(1);
  });
});
