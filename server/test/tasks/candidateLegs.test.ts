import type { UserTask } from '@dealerflow/engine';
import type { DataSource, EntityManager } from 'typeorm';
import type { CurrentUser } from '../../src/auth/CurrentUser';
import { openDatabase } from '../../src/db/createDataSource';
import { candidateLegsFor } from '../../src/tasks/candidateLegs';
import { InboxQuery, type InboxFilter, type InboxPage } from '../../src/tasks/InboxQuery';
import { TaskCandidate } from '../../src/tasks/TaskCandidate';
import { TaskProjection } from '../../src/tasks/TaskProjection';
import { withDemoUsers } from '../support/demoUsers';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

let seq = 0;
/** A user task; `due` is a day of November 2026 (several tasks share one, so keys break ties). */
function userTask(overrides: Partial<UserTask> & { dealerId?: string | null; due?: number | null }): UserTask {
  seq += 1;
  const { dealerId = 'dealer1', due = 5, ...rest } = overrides;
  return {
    key: `leg-${String(seq).padStart(3, '0')}`,
    processInstanceKey: `pi-leg-${seq}`,
    bpmnProcessId: 'warranty-claim',
    elementId: 'ProvideInformation',
    name: 'Provide more information',
    state: 'CREATED',
    candidateGroups: ['dealer-staff'],
    candidateUsers: [],
    priority: 50,
    variables: { dealerId, caseRef: `LEG-${seq}` },
    createdAt: Date.parse('2026-11-01T09:00:00Z') + seq * 60_000,
    dueDate: due === null ? undefined : `2026-11-${String(due).padStart(2, '0')}T10:00:00.000Z`,
    ...rest,
  };
}

describe.each(testDatabases())('inbox pages driven from task candidates on %s', (_kind, database) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let as: (username: string) => Promise<CurrentUser>;
  const projection = new TaskProjection();
  const inbox = () => new InboxQuery(dataSource);
  const keysOf = (page: InboxPage) => page.items.map((t) => t.key);
  const tx = <T>(work: (manager: EntityManager) => Promise<T>) => dataSource.transaction(work);
  const tasks: Record<string, UserTask> = {};

  /** Every key `pageOf` returns page by page, following the cursors. */
  async function walk(pageOf: (cursor?: string) => Promise<InboxPage>): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await pageOf(cursor);
      seen.push(...keysOf(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && seen.length < 500);
    return seen;
  }

  beforeAll(async () => {
    db = database();
    dataSource = await openDatabase(await db.create());
    as = await withDemoUsers(dataSource);
    Object.assign(tasks, {
      staffA: userTask({ due: 4 }),
      staffB: userTask({ due: 4 }),
      staffC: userTask({ due: 6 }),
      managerOnly: userTask({ candidateGroups: ['dealer-manager'], due: 4 }),
      both: userTask({ candidateGroups: ['dealer-staff', 'dealer-manager'], due: 4 }),
      groupAndName: userTask({ candidateUsers: ['dealer1.staff'], due: 5 }),
      assignedAndGroup: userTask({ assignee: 'dealer1.staff', due: 5 }),
      assignedOnly: userTask({ candidateGroups: ['dealer-manager'], assignee: 'dealer1.staff', due: 4 }),
      namedOnly: userTask({ candidateGroups: [], candidateUsers: ['dealer1.staff'], due: 6 }),
      undated: userTask({ due: null }),
      otherDealer: userTask({ dealerId: 'dealer2', due: 4 }),
      otherDealerAssigned: userTask({ dealerId: 'dealer2', assignee: 'dealer1.staff', due: 4 }),
      warranty1: userTask({ candidateGroups: ['warranty'], due: 7 }),
      warranty2: userTask({ dealerId: 'dealer2', candidateGroups: ['warranty', 'sales'], due: 7 }),
      sales: userTask({ dealerId: 'dealer3', candidateGroups: ['sales'], due: 3 }),
      anyApprover: userTask({ candidateGroups: ['distributor-approver'], due: 7 }),
      approverUndated: userTask({ candidateGroups: ['warranty'], due: null }),
      doneStaff: userTask({ due: 2 }),
    });
    await tx(async (manager) => {
      for (const task of Object.values(tasks)) await projection.created(manager, task);
    });
    await tx((manager) => projection.ended(manager, tasks.doneStaff.key, 'completed', new Date(), 'dealer1.staff'));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('pages across the legs of every principal in due order, exactly as the general plan does', async () => {
    const users = ['dealer1.staff', 'dealer1.manager', 'dealer2.staff', 'approver.warranty', 'approver.sales', 'approver.finance'];
    const filters: InboxFilter[] = [{}, { state: 'completed' }, { dealerId: 'dealer1' }, { dueBefore: '2026-11-05T10:00:00.000Z' }, { candidateGroup: 'warranty' }, { candidateGroupIn: ['warranty', 'sales'] }];
    let driven = 0;
    for (const username of users) {
      const user = await as(username);
      for (const filter of filters) {
        const general = await walk((cursor) => inbox().scanPage(user, { ...filter, limit: 200, cursor }));
        if (candidateLegsFor(user, filter)) driven += 1;
        for (const limit of [1, 2, 50]) {
          const paged = await walk((cursor) => inbox().page(user, { ...filter, limit, cursor }));
          expect({ username, filter, limit, keys: paged }).toEqual({ username, filter, limit, keys: general });
        }
      }
    }
    expect(driven).toBeGreaterThan(20);
  });

  it('shows a task reached through several principals once, and only the user’s own dealer', async () => {
    const keys = await walk(async (cursor) => inbox().page(await as('dealer1.staff'), { limit: 2, cursor }));
    // Due the 4th, 5th, 6th (each by key), then undated; the completed one and dealer2's are not there.
    expect(keys).toEqual([
      tasks.staffA.key, tasks.staffB.key, tasks.both.key, tasks.assignedOnly.key,
      tasks.groupAndName.key, tasks.assignedAndGroup.key, tasks.staffC.key, tasks.namedOnly.key, tasks.undated.key,
    ]);
  });

  it('answers the approval queue from the approval groups’ legs', async () => {
    const warranty = await as('approver.warranty');
    const filter = { state: 'open' as const, candidateGroupIn: ['distributor-approver', 'warranty'] };
    expect(candidateLegsFor(warranty, filter)).toEqual({ principals: ['group:distributor-approver', 'group:warranty'], assignee: null });
    expect(keysOf(await inbox().page(warranty, filter))).toEqual([tasks.warranty1.key, tasks.warranty2.key, tasks.anyApprover.key, tasks.approverUndated.key]);
    expect(await inbox().page(warranty, { candidateGroupIn: [] })).toEqual({ items: [], nextCursor: null });
  });

  it('takes the general plan where the candidates cannot answer alone', async () => {
    const staff = await as('dealer1.staff');
    for (const filter of [{ sort: 'priority' }, { assignee: 'unassigned' }, { q: 'leg' }, { processId: 'warranty-claim' }, { candidateGroup: 'warranty' }, { dueBefore: '9999-12-31T00:00:00.000Z' }] as InboxFilter[]) {
      expect({ filter, legs: candidateLegsFor(staff, filter) }).toEqual({ filter, legs: null });
    }
    expect(candidateLegsFor(await as('admin'), {})).toBeNull();
    expect(candidateLegsFor(staff, {})).toEqual({ principals: ['group:dealer-staff', 'user:dealer1.staff'], assignee: 'dealer1.staff' });
  });

  it('keeps the candidates’ copies in step with the task, in the same transaction', async () => {
    const task = userTask({ candidateGroups: ['dealer-staff'], candidateUsers: ['dealer1.manager'], due: 9 });
    const copies = () => dataSource.getRepository(TaskCandidate).find({ where: { taskKey: task.key }, order: { principal: 'ASC' } });
    const listed = async (username: string, state: 'open' | 'completed' | 'cancelled') => keysOf(await inbox().page(await as(username), { state, limit: 200 })).includes(task.key);
    await tx((manager) => projection.created(manager, task));
    expect((await copies()).map(({ principal, state, dealerId, dueSort }) => ({ principal, state, dealerId, due: new Date(dueSort).toISOString() }))).toEqual([
      { principal: 'group:dealer-staff', state: 'open', dealerId: 'dealer1', due: '2026-11-09T10:00:00.000Z' },
      { principal: 'user:dealer1.manager', state: 'open', dealerId: 'dealer1', due: '2026-11-09T10:00:00.000Z' },
    ]);

    // Claimed and given back: still open, still listed for its candidates.
    await tx((manager) => projection.assigned(manager, task.key, 'dealer1.staff'));
    expect(await listed('dealer1.manager', 'open')).toBe(true);
    await tx((manager) => projection.assigned(manager, task.key, null));
    expect((await copies()).map((c) => c.state)).toEqual(['open', 'open']);

    // A completion that rolls back leaves both the task and its copies open.
    await expect(tx(async (manager) => {
      await projection.ended(manager, task.key, 'completed', new Date(), 'dealer1.staff');
      throw new Error('the engine step failed');
    })).rejects.toThrow('the engine step failed');
    expect((await copies()).map((c) => c.state)).toEqual(['open', 'open']);
    expect(await listed('dealer1.staff', 'open')).toBe(true);

    // Completed: the copies move with it; a late cancel changes nothing.
    await tx((manager) => projection.ended(manager, task.key, 'completed', new Date(), 'dealer1.staff'));
    await tx((manager) => projection.ended(manager, task.key, 'cancelled', new Date()));
    expect((await copies()).map((c) => c.state)).toEqual(['completed', 'completed']);
    expect([await listed('dealer1.staff', 'open'), await listed('dealer1.staff', 'completed'), await listed('dealer1.manager', 'cancelled')]).toEqual([false, true, false]);
  });

  it('refuses a cursor whose position is not a date', async () => {
    const cursor = Buffer.from(JSON.stringify(['not a date', 'leg-001'])).toString('base64url');
    await expect(inbox().page(await as('dealer1.staff'), { cursor })).rejects.toMatchObject({ status: 400 });
  });
});
