import { SelectQueryBuilder, type DataSource } from 'typeorm';
import type { CurrentUser } from '../../src/auth/CurrentUser';
import { openDatabase } from '../../src/db/createDataSource';
import { InboxQuery } from '../../src/tasks/InboxQuery';
import { Task } from '../../src/tasks/Task';
import { TaskCandidate } from '../../src/tasks/TaskCandidate';
import { taskRow } from '../../src/tasks/TaskProjection';
import { withDemoUsers } from '../support/demoUsers';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

/** Enough rows that MariaDB's optimizer prefers an index to reading and sorting the table. */
const ROWS = 20_000;
const dealers = [['dealer1', 'Автоцентр Москва'], ['dealer2', 'Автоцентр Казань'], ['dealer3', 'Автоцентр Новосибирск']];

/** The SQL and parameters of the next query `run` makes through a query builder's getMany. */
async function sqlOf(run: () => Promise<unknown>): Promise<[string, unknown[]]> {
  const getMany = SelectQueryBuilder.prototype.getMany;
  let captured: [string, unknown[]] | null = null;
  const spy = jest.spyOn(SelectQueryBuilder.prototype, 'getMany').mockImplementation(function (this: SelectQueryBuilder<Task>) {
    captured ??= this.getQueryAndParameters();
    return getMany.call(this) as Promise<Task[]>;
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return captured!;
}

describe.each(testDatabases())('the approval queue’s dealer-name order on %s', (_kind, database) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let as: (username: string) => Promise<CurrentUser>;

  beforeAll(async () => {
    db = database();
    dataSource = await openDatabase(await db.create());
    as = await withDemoUsers(dataSource);
    const rows = Array.from({ length: ROWS }, (_, i) => {
      const [dealerId, dealerName] = dealers[i % 3];
      const row = taskRow({
        key: String(50_000_000 + i), processInstanceKey: String(60_000_000 + i), bpmnProcessId: 'warranty-claim', elementId: 'DecideClaim', name: 'Decide',
        state: 'CREATED', candidateGroups: ['warranty'], candidateUsers: [], priority: 50, variables: { dealerId, claimAmount: i }, createdAt: Date.UTC(2026, 8, 1) + i * 60_000,
      });
      return Object.assign(row, { dealerName, state: i % 10 === 0 ? 'completed' : 'open' });
    });
    for (let i = 0; i < rows.length; i += 500) {
      const slice = rows.slice(i, i + 500);
      await dataSource.getRepository(Task).insert(slice);
      await dataSource.getRepository(TaskCandidate).insert(slice.map((r) => ({ taskKey: r.key, principal: 'group:warranty', state: r.state, dealerId: r.dealerId, dueSort: r.dueSort })));
    }
    if (dataSource.options.type !== 'better-sqlite3') await dataSource.query('ANALYZE TABLE task, task_candidate');
  }, 120_000);
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('walks the dealer-name index in order instead of sorting every open task', async () => {
    const approver = await as('approver.warranty');
    const inbox = new InboxQuery(dataSource);
    const filter = { state: 'open' as const, sort: 'dealer' as const, candidateGroupIn: ['warranty'], limit: 50 };
    const [sql, parameters] = await sqlOf(() => inbox.page(approver, filter));
    if (dataSource.options.type === 'better-sqlite3') {
      const steps = ((await dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters)) as { detail: string }[]).map((s) => s.detail).join(' | ');
      expect(steps).toMatch(/IDX_task_state_dealer_name/);
      expect(steps).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    } else {
      const steps = (await dataSource.query(`EXPLAIN ${sql}`, parameters)) as { table: string; key: string | null; Extra: string | null }[];
      const task = steps.find((s) => s.table === 't');
      expect(task?.key).toBe('IDX_task_state_dealer_name');
      expect(task?.Extra ?? '').not.toMatch(/filesort/);
    }
    // and the page is the first fifty open tasks by name, then key
    const page = await inbox.page(approver, filter);
    expect(page.items.map((t) => t.dealerName)).toEqual(Array(50).fill('Автоцентр Казань'));
    expect(page.items.map((t) => t.key)).toEqual([...page.items.map((t) => t.key)].sort());
  }, 60_000);
});
