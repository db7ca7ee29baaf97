import { Brackets, In, type DataSource, type Logger } from 'typeorm';
import type { CurrentUser } from '@dealerflow/server/dist/auth/CurrentUser';
import { UserDirectory } from '@dealerflow/server/dist/auth/UserDirectory';
import { User } from '@dealerflow/server/dist/entities/User';
import { ApprovalQueue } from '@dealerflow/server/dist/tasks/ApprovalQueue';
import { InboxQuery, type InboxPage } from '@dealerflow/server/dist/tasks/InboxQuery';
import { Task } from '@dealerflow/server/dist/tasks/Task';
import { APPROVAL_GROUPS, type TaskService } from '@dealerflow/server/dist/tasks/TaskService';
import { approverName, dealerUser, SIZE } from './seed';
import { random, time, type Stats } from './stats';

const LIMIT = 50;

/** Keeps the SQL of the last query run while `on`, so the bench can EXPLAIN and replay exactly what InboxQuery sent. */
class CapturingLogger implements Logger {
  on = false;
  last: { sql: string; parameters: unknown[] } | null = null;
  logQuery(query: string, parameters?: unknown[]): void {
    if (this.on) this.last = { sql: query, parameters: parameters ?? [] };
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** One way of answering "first / next inbox page" and "first / next approval page". */
interface Contender {
  name: string;
  inbox(user: CurrentUser, cursor?: string): Promise<unknown>;
  approvals(user: CurrentUser, cursor?: string): Promise<unknown>;
}

/** A measured row of the result table. */
export interface Row {
  query: string;
  contender: string;
  stats: Stats;
  /** InnoDB pages read from disk per call (the server's counter: other clients count too). */
  reads: number;
}

/** InnoDB's count of pages it had to read from disk (buffer pool misses), server-wide. */
async function poolReads(ds: DataSource): Promise<number> {
  const [row] = await ds.query("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_reads'");
  return Number(row.Value);
}

const approvalGroupsOf = (user: CurrentUser) => [...new Set([...user.roles, ...user.groups])].filter((g) => APPROVAL_GROUPS.includes(g));

/**
 * The naive peer: the same question in the same query builder (so the same entity mapping
 * cost), but "offered to one of my groups" is `LIKE '%"group"%'` on the JSON text columns
 * instead of the indexed task_candidate rows. The dealer scope is written out as the CASL
 * rule produces it (dealerId = the user's dealer, or no scope for approvers).
 */
function jsonLikePeer(ds: DataSource): Contender {
  const page = (user: CurrentUser, onlyGroups: string[] | null, cursor?: string) => {
    const q = ds.getRepository(Task).createQueryBuilder('t').where('t.state = :state', { state: 'open' });
    if (user.dealerId) q.andWhere('t.dealerId = :dealerId', { dealerId: user.dealerId });
    const groups = [...new Set([...user.roles, ...user.groups])];
    q.andWhere(new Brackets((mine) => {
      mine.where('t.assignee = :me', { me: user.username });
      groups.forEach((g, i) => mine.orWhere(`t.candidateGroups LIKE :g${i}`, { [`g${i}`]: `%"${g}"%` }));
      mine.orWhere('t.candidateUsers LIKE :u', { u: `%"${user.username}"%` });
    }));
    if (onlyGroups) {
      q.andWhere(new Brackets((only) => onlyGroups.forEach((g, i) => only.orWhere(`t.candidateGroups LIKE :a${i}`, { [`a${i}`]: `%"${g}"%` }))));
    }
    if (cursor) {
      const [value, key] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
      q.andWhere(new Brackets((b) => b.where('t.dueSort > :after', { after: new Date(value) }).orWhere('t.dueSort = :after AND t.key > :afterKey', { afterKey: key })));
    }
    return q.orderBy('t.dueSort', 'ASC').addOrderBy('t.key', 'ASC').take(LIMIT + 1).getMany();
  };
  return {
    name: 'peer: JSON LIKE',
    inbox: (user, cursor) => page(user, null, cursor),
    approvals: (user, cursor) => page(user, approvalGroupsOf(user), cursor),
  };
}

/** Turns SQL of InboxQuery's general plan into the same SQL with the composite (…, state, dueSort) indexes switched off. */
const withoutCompositeIndexes = (sql: string) => sql.replace(/FROM `task` `t`/, 'FROM `task` `t` IGNORE INDEX (`IDX_task_dealer_inbox`, `IDX_task_state_due`)');

/** The measured numbers, and the EXPLAIN of our two main queries. */
export interface Results {
  rows: Row[];
  explains: { title: string; sql: string; plan: Record<string, unknown>[] }[];
  sample: { dealerUsers: number; approvers: number; firstPageItems: number; approvalItems: number };
}

/**
 * Measures our InboxQuery / ApprovalQueue against the peers on the same users: after a
 * warm-up pass (which also records each user's SQL and next-page cursor), `iterations`
 * calls of each, users picked at random (the same sequence for every contender).
 */
export async function measure(ds: DataSource, iterations: number, log: (line: string) => void): Promise<Results> {
  const logger = new CapturingLogger();
  ds.setOptions({ logger });
  const directory = new UserDirectory(ds);
  const rnd = random(42);
  const names = Array.from({ length: 200 }, () => dealerUser(Math.floor(rnd() * SIZE.dealers), Math.floor(rnd() * 49)));
  const rows = await ds.getRepository(User).findBy({ username: In([...names, ...Array.from({ length: SIZE.approvers }, (_, k) => approverName(k))]) });
  const users = await Promise.all(rows.map((row) => directory.withAbility(row)));
  const dealerUsers = users.filter((u) => u.dealerId);
  const approvers = users.filter((u) => !u.dealerId);

  const inbox = new InboxQuery(ds);
  // ApprovalQueue needs a TaskService only to decide; paging does not touch it.
  const queue = new ApprovalQueue(inbox, null as unknown as TaskService);
  const ours: Contender = {
    name: 'ours (InboxQuery)',
    inbox: (user, cursor) => inbox.page(user, { limit: LIMIT, cursor }),
    approvals: (user, cursor) => queue.page(user, { cursor, limit: LIMIT }),
  };
  // The plan every page took before issue 5, still ours for other sorts and filters: the
  // composite task indexes walked in due order, each row probed in task_candidate.
  const before: Contender = {
    name: 'before: general plan',
    inbox: (user, cursor) => inbox.scanPage(user, { limit: LIMIT, cursor }),
    approvals: (user, cursor) => inbox.scanPage(user, { state: 'open', sort: 'due', candidateGroupIn: approvalGroupsOf(user), cursor, limit: LIMIT }),
  };

  // Warm-up: every sampled user once, recording the SQL our code sends and the next-page cursor.
  const sqlOf = new Map<string, { sql: string; parameters: unknown[] }>();
  const cursorOf = new Map<string, string>();
  let firstPageItems = 0;
  let approvalItems = 0;
  for (const [kind, list] of [['inbox', dealerUsers], ['approvals', approvers]] as const) {
    for (const user of list) {
      for (const [contender, tag] of [[ours, ''], [before, 'before:']] as const) {
        logger.on = true;
        const page = (await contender[kind](user)) as InboxPage;
        logger.on = false;
        sqlOf.set(`${tag}${kind}:1:${user.username}`, logger.last!);
        if (!page.nextCursor) throw new Error(`${user.username} has fewer than ${LIMIT} tasks in ${kind}: the bench data is not what it should be`);
        if (contender === ours) cursorOf.set(`${kind}:${user.username}`, page.nextCursor);
        else if (page.nextCursor !== cursorOf.get(`${kind}:${user.username}`)) throw new Error(`the general plan pages ${user.username}'s ${kind} differently`);
        logger.on = true;
        await contender[kind](user, page.nextCursor);
        logger.on = false;
        sqlOf.set(`${tag}${kind}:2:${user.username}`, logger.last!);
        if (contender !== ours) continue;
        if (kind === 'inbox') firstPageItems += page.items.length;
        else approvalItems += page.items.length;
      }
    }
  }
  for (const peer of [jsonLikePeer(ds)]) {
    for (const user of dealerUsers.slice(0, 20)) await peer.inbox(user, cursorOf.get(`inbox:${user.username}`));
    for (const user of approvers) await peer.approvals(user, cursorOf.get(`approvals:${user.username}`));
  }

  const noIndex: Contender = {
    name: 'peer: no composite index',
    inbox: async (user, cursor) => {
      const { sql, parameters } = sqlOf.get(`before:inbox:${cursor ? 2 : 1}:${user.username}`)!;
      return ds.query(withoutCompositeIndexes(sql), parameters);
    },
    approvals: async (user, cursor) => {
      const { sql, parameters } = sqlOf.get(`before:approvals:${cursor ? 2 : 1}:${user.username}`)!;
      return ds.query(withoutCompositeIndexes(sql), parameters);
    },
  };

  const result: Row[] = [];
  const queries = [
    { query: 'dealer inbox, page 1', kind: 'inbox', list: dealerUsers, page2: false },
    { query: 'dealer inbox, page 2 (cursor)', kind: 'inbox', list: dealerUsers, page2: true },
    { query: 'approval queue, page 1', kind: 'approvals', list: approvers, page2: false },
    { query: 'approval queue, page 2 (cursor)', kind: 'approvals', list: approvers, page2: true },
  ] as const;
  for (const q of queries) {
    // Without the composite index every page is a scan and sort of the open tasks (seconds
    // each), so that peer runs a few first pages only: page 2 costs it the same.
    const contenders = [
      [ours, iterations, 45_000, 20] as const,
      [before, iterations, 45_000, 20] as const,
      [jsonLikePeer(ds), iterations, 30_000, 20] as const,
      ...(q.page2 ? [] : [[noIndex, 20, 15_000, 5] as const]),
    ];
    for (const [contender, n, budgetMs, minSamples] of contenders) {
      const pick = random(7);
      const readsBefore = await poolReads(ds);
      const stats = await time(n, budgetMs, () => {
        const user = q.list[Math.floor(pick() * q.list.length)];
        return contender[q.kind](user, q.page2 ? cursorOf.get(`${q.kind}:${user.username}`) : undefined);
      }, minSamples);
      const reads = ((await poolReads(ds)) - readsBefore) / stats.n;
      result.push({ query: q.query, contender: contender.name, stats, reads });
      log(`  ${q.query.padEnd(32)} ${contender.name.padEnd(26)} n=${String(stats.n).padStart(4)} p50 ${stats.p50.toFixed(2)} ms  p95 ${stats.p95.toFixed(2)} ms  ${reads.toFixed(1)} page reads from disk per call`);
    }
  }

  const explains: Results['explains'] = [];
  // A finance-only approver: the rarest approval group, where the semi-join plan hurts most.
  const approver = approvers.find((u) => u.username === approverName(20)) ?? approvers[0];
  for (const [title, key] of [
    ['dealer inbox page 1 (ours)', `inbox:1:${dealerUsers[0].username}`],
    ['dealer inbox page 1 (before)', `before:inbox:1:${dealerUsers[0].username}`],
    ['approval queue page 1 (ours)', `approvals:1:${approver.username}`],
    ['approval queue page 2 (ours)', `approvals:2:${approver.username}`],
  ] as const) {
    const { sql, parameters } = sqlOf.get(key)!;
    // ANALYZE runs the statement and adds the rows each step really read (r_rows) to the plan.
    explains.push({ title: `${title}, ${key.split(':').at(-1)}`, sql, plan: await ds.query(`ANALYZE ${sql}`, parameters) });
  }
  ds.setOptions({ logger: 'advanced-console' });
  return { rows: result, explains, sample: { dealerUsers: dealerUsers.length, approvers: approvers.length, firstPageItems, approvalItems } };
}
