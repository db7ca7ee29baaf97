import { Brackets, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { candidateGroupsOf, type CurrentUser } from '../auth/CurrentUser';
import { ValidationError } from '../errors/AppError';
import { accessibleBy } from '../permissions/accessibleBy';
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
  /** Text in the case reference, VIN or customer. */
  q?: string;
  sort?: InboxSort;
  cursor?: string;
  limit?: number;
}

/** Orders the inbox can be sorted in; each pages with a keyset cursor. */
export type InboxSort = 'due' | 'priority' | 'created';

/** One page of tasks and the cursor of the next page, if there is one. */
export interface InboxPage {
  items: Task[];
  nextCursor: string | null;
}

const sortColumns: Record<InboxSort, { column: keyof Task; descending: boolean }> = {
  due: { column: 'dueSort', descending: false },
  priority: { column: 'priority', descending: true },
  created: { column: 'createdAt', descending: true },
};

type CursorValue = string | number;

function encodeCursor(value: CursorValue, key: string): string {
  return Buffer.from(JSON.stringify([value, key])).toString('base64url');
}

function decodeCursor(cursor: string): [CursorValue, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && ['string', 'number'].includes(typeof parsed[0]) && typeof parsed[1] === 'string') {
      return parsed as [CursorValue, string];
    }
  } catch {
    // fall through to the error below
  }
  throw new ValidationError('The cursor is not one this server gave out', [{ field: 'cursor', message: 'is invalid' }]);
}

/**
 * The tasks a user may see, filtered, sorted and paged in SQL. A task is visible when the
 * role rules let the user read it (its dealer) and it is theirs: assigned to them or
 * offered to one of their candidate groups or to them by name. Admins who may manage
 * every task see all of them.
 */
export class InboxQuery {
  constructor(private readonly dataSource: DataSource) {}

  async page(user: CurrentUser, filter: InboxFilter): Promise<InboxPage> {
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
    const sort = sortColumns[filter.sort ?? 'due'];
    const query = this.visibleTo(user);
    query.andWhere('t.state = :state', { state: filter.state ?? 'open' });
    this.applyFilters(query, user, filter);
    const column = `t.${String(sort.column)}`;
    if (filter.cursor) {
      const [value, key] = decodeCursor(filter.cursor);
      const after = sort.column === 'priority' ? Number(value) : new Date(String(value));
      query.andWhere(new Brackets((page) => {
        page.where(`${column} ${sort.descending ? '<' : '>'} :after`, { after }).orWhere(`${column} = :after AND t.key > :afterKey`, { afterKey: key });
      }));
    }
    query.orderBy(column, sort.descending ? 'DESC' : 'ASC').addOrderBy('t.key', 'ASC').take(limit + 1);
    const rows = await query.getMany();
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const lastValue = last?.[sort.column];
    const next = rows.length > limit && last ? encodeCursor(lastValue instanceof Date ? lastValue.toISOString() : Number(lastValue), last.key) : null;
    return { items, nextCursor: next };
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
    // '!' escapes LIKE wildcards the same way in SQLite and MySQL (a backslash does not).
    if (filter.q) query.andWhere("t.searchText LIKE :q ESCAPE '!'", { q: `%${filter.q.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%` });
  }
}
