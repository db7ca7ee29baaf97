import { Brackets, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { candidateGroupsOf, type CurrentUser } from '../auth/CurrentUser';
import { accessibleBy } from '../permissions/accessibleBy';
import { EntityRows } from '../db/EntityRows';
import { ruleCondition } from '../permissions/ruleCondition';
import { candidateLegsFor, candidateLegsSql, type CandidateLegs, type Quote } from './candidateLegs';
import { cursorValue, decodeCursor, encodeCursor, type SortKind } from './inboxCursor';
import { Task, type TaskState } from './Task';

/** The inbox's filters, all optional; they narrow what the user may see anyway. */
export interface InboxFilter {
  state?: TaskState;
  /** `me`: assigned to me; `unassigned`; or a username. */
  assignee?: string;
  /** Only tasks offered to this one of my groups. */
  candidateGroup?: string;
  /** Only tasks offered to any of these groups (the approval queue). */
  candidateGroupIn?: string[];
  dealerId?: string;
  processId?: string;
  /** ISO date-time: due on or before it. */
  dueBefore?: string;
  /** Only cases the coverage check found covered (true) or not covered (false). */
  covered?: boolean;
  /** Only cases of at least this amount (whole roubles). */
  minAmount?: number;
  /** Text in the case reference, VIN or customer. */
  q?: string;
  sort?: InboxSort;
  cursor?: string;
  limit?: number;
}

/** Orders the inbox can be sorted in; each pages with a keyset cursor. */
export type InboxSort = 'due' | 'priority' | 'created' | 'amount' | 'dealer';

/** One page of tasks and the cursor of the next page, if there is one. */
export interface InboxPage {
  items: Task[];
  nextCursor: string | null;
}

const sortColumns: Record<InboxSort, { column: keyof Task; descending: boolean; kind: SortKind }> = {
  due: { column: 'dueSort', descending: false, kind: 'date' },
  priority: { column: 'priority', descending: true, kind: 'number' },
  created: { column: 'createdAt', descending: true, kind: 'date' },
  amount: { column: 'amount', descending: true, kind: 'number' },
  // A to Z; equal names (one dealer's tasks) page on by key.
  dealer: { column: 'dealerName', descending: false, kind: 'text' },
};

const pageSize = (filter: InboxFilter) => Math.min(Math.max(filter.limit ?? 50, 1), 200);

/** The first `limit` rows and, when there were more, the cursor after the last of them. */
function pageOf(rows: Task[], limit: number, column: keyof Task): InboxPage {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const value = last?.[column];
  const nextCursor = rows.length > limit && last ? encodeCursor(value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : Number(value), last.key) : null;
  return { items, nextCursor };
}

/**
 * The tasks a user may see, filtered, sorted and paged in SQL. A task is visible when the
 * role rules let the user read it (its dealer) and it is theirs: assigned to them or
 * offered to one of their candidate groups or to them by name. Admins who may manage
 * every task see all of them. Due-ordered pages are driven from task_candidate (one index
 * walk per principal, issue 5); other requests take the general plan.
 */
export class InboxQuery {
  private readonly rows: EntityRows<Task>;
  private readonly quote: Quote;

  constructor(private readonly dataSource: DataSource) {
    this.rows = new EntityRows(dataSource, Task, 't');
    this.quote = (name) => dataSource.driver.escape(name);
  }

  /** One page of the user's tasks matching `filter`, in its sort order. */
  async page(user: CurrentUser, filter: InboxFilter): Promise<InboxPage> {
    const legs = candidateLegsFor(user, filter);
    return legs ? this.candidatePage(user, filter, legs) : this.scanPage(user, filter);
  }

  /**
   * The general plan, for every filter and sort: walks the task indexes in the sort order and
   * tests each row (its dealer, then task_candidate by primary key) until the page is full.
   */
  async scanPage(user: CurrentUser, filter: InboxFilter): Promise<InboxPage> {
    const limit = pageSize(filter);
    const sort = sortColumns[filter.sort ?? 'due'];
    const query = this.visibleTo(user);
    query.andWhere('t.state = :state', { state: filter.state ?? 'open' });
    this.applyFilters(query, user, filter);
    const column = `t.${String(sort.column)}`;
    if (filter.cursor) {
      const cursor = decodeCursor(filter.cursor);
      const after = cursorValue(cursor, sort.kind);
      query.andWhere(new Brackets((page) => {
        page.where(`${column} ${sort.descending ? '<' : '>'} :after`, { after }).orWhere(`${column} = :after AND t.key > :afterKey`, { afterKey: cursor[1] });
      }));
    }
    query.orderBy(column, sort.descending ? 'DESC' : 'ASC').addOrderBy('t.key', 'ASC').take(limit + 1);
    return pageOf(await query.getMany(), limit, sort.column);
  }

  /**
   * The due-ordered page driven from task_candidate (see candidateLegs); rows are re-checked
   * against the role rules. Both lists' first pages take this path on every poll, so its SQL is
   * written here rather than built by TypeORM, and its rows read without entity hydration: building
   * the query took most of the page's time (bench/http).
   */
  private async candidatePage(user: CurrentUser, filter: InboxFilter, legs: CandidateLegs): Promise<InboxPage> {
    const limit = pageSize(filter);
    const cursor = filter.cursor ? decodeCursor(filter.cursor) : null;
    const after = cursor ? { dueSort: cursorValue(cursor, 'date') as Date, key: cursor[1] } : undefined;
    if (legs.principals.length === 0 && !legs.assignee) return { items: [], nextCursor: null };
    const state = filter.state ?? 'open';
    const dueBefore = filter.dueBefore ? new Date(filter.dueBefore) : undefined;
    const t = (name: string) => `${this.quote('t')}.${this.quote(name)}`;
    const rules = ruleCondition(user.ability, 'read', 'Task', t);
    const where = [rules.sql, `${t('state')} = :state`];
    if (filter.dealerId) where.push(`${t('dealerId')} = :dealerId`);
    if (dueBefore) where.push(`${t('dueDate')} <= :dueBefore`);
    const page = candidateLegsSql(this.quote, user, legs, { state, dealerId: filter.dealerId, dueBefore, after, take: limit + 1 });
    // The page's keys drive the join (CROSS JOIN keeps SQLite from walking the dealer's tasks
    // first and indexing the keys on the fly; for MySQL it is an inner join): one task read per key.
    const sql = `SELECT ${this.rows.select} FROM ${page.sql} p CROSS JOIN ${this.quote('task')} ${this.quote('t')} ON ${t('key')} = p.k`
      + ` WHERE ${where.join(' AND ')} ORDER BY ${t('dueSort')} ASC, ${t('key')} ASC LIMIT ${limit + 1}`;
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, { ...page.parameters, ...rules.parameters, state, dealerId: filter.dealerId, dueBefore });
    const rows = (await this.dataSource.query(text, values)) as Record<string, unknown>[];
    return pageOf(rows.map(this.rows.read), limit, 'dueSort');
  }

  /** Tasks the user may read and that are theirs to work on (see the class comment). */
  visibleTo(user: CurrentUser): SelectQueryBuilder<Task> {
    const query = accessibleBy(this.dataSource.getRepository(Task).createQueryBuilder('t'), user.ability, 'read', 'Task');
    if (user.ability.can('manage', 'Task')) return query;
    const principals = [...candidateGroupsOf(user).map((g) => `group:${g}`), `user:${user.username}`];
    return query.andWhere(new Brackets((mine) => {
      mine.where('t.assignee = :me', { me: user.username })
        .orWhere('EXISTS (SELECT 1 FROM task_candidate c WHERE c.taskKey = t.key AND c.principal IN (:...principals))', { principals });
    }));
  }

  private applyFilters(query: SelectQueryBuilder<Task>, user: CurrentUser, filter: InboxFilter): void {
    if (filter.assignee === 'me') query.andWhere('t.assignee = :assignee', { assignee: user.username });
    else if (filter.assignee === 'unassigned') query.andWhere('t.assignee IS NULL');
    else if (filter.assignee) query.andWhere('t.assignee = :assignee', { assignee: filter.assignee });
    // A scalar subquery, not EXISTS: MariaDB turns EXISTS into a semi-join that collects every
    // task of the group and sorts them, ignoring ORDER BY … LIMIT (seconds on 1M tasks, bench/inbox).
    if (filter.candidateGroup) {
      query.andWhere('(SELECT COUNT(*) FROM task_candidate g WHERE g.taskKey = t.key AND g.principal = :group) > 0', { group: `group:${filter.candidateGroup}` });
    }
    if (filter.candidateGroupIn) {
      const groups = filter.candidateGroupIn.map((g) => `group:${g}`);
      if (groups.length === 0) query.andWhere('1 = 0');
      else query.andWhere('(SELECT COUNT(*) FROM task_candidate a WHERE a.taskKey = t.key AND a.principal IN (:...approvalGroups)) > 0', { approvalGroups: groups });
    }
    if (filter.dealerId) query.andWhere('t.dealerId = :dealerId', { dealerId: filter.dealerId });
    if (filter.processId) query.andWhere('t.bpmnProcessId = :processId', { processId: filter.processId });
    if (filter.dueBefore) query.andWhere('t.dueDate <= :dueBefore', { dueBefore: new Date(filter.dueBefore) });
    if (filter.covered !== undefined) query.andWhere('t.covered = :covered', { covered: filter.covered });
    if (filter.minAmount !== undefined) query.andWhere('t.amount >= :minAmount', { minAmount: filter.minAmount });
    // '!' escapes LIKE wildcards the same way in SQLite and MySQL (a backslash does not).
    if (filter.q) query.andWhere("t.searchText LIKE :q ESCAPE '!'", { q: `%${filter.q.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%` });
  }
}
