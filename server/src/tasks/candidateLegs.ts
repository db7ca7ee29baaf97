import { candidateGroupsOf, type CurrentUser } from '../auth/CurrentUser';
import { ruleCondition, ruleFields, type SqlCondition } from '../permissions/ruleCondition';
import type { InboxFilter } from './InboxQuery';
import type { TaskState } from './Task';
import { NO_DUE_DATE } from './TaskProjection';

/**
 * The index walks that answer an inbox page in due order: one over task_candidate per
 * principal, and one over task for what is assigned to `assignee`.
 */
export interface CandidateLegs {
  principals: string[];
  assignee: string | null;
}

/** Where a page of candidate legs starts and what every leg keeps. */
export interface LegBounds {
  state: TaskState;
  dealerId?: string;
  /** Due on or before (only dates before NO_DUE_DATE reach here). */
  dueBefore?: Date;
  /** The keyset position after which the page starts. */
  after?: { dueSort: Date; key: string };
  /** Rows per leg and per page (the page size plus one, to know whether there is a next page). */
  take: number;
}

/** Task columns that task_candidate copies: role rules on these can be applied to each leg. */
const COPIED_COLUMNS = new Set(['dealerId', 'state']);

/**
 * The legs that answer `filter` for `user`, or null when the request needs the general plan:
 * another sort, a user who manages every task, a filter on a column the candidates do not
 * copy (assignee, process, text), or role rules on such a column.
 */
export function candidateLegsFor(user: CurrentUser, filter: InboxFilter): CandidateLegs | null {
  if ((filter.sort ?? 'due') !== 'due' || user.ability.can('manage', 'Task')) return null;
  if (filter.assignee || filter.processId || filter.q || filter.covered !== undefined || filter.minAmount !== undefined) return null;
  if (filter.dueBefore && !(new Date(filter.dueBefore) < NO_DUE_DATE)) return null;
  if (!ruleFields(user.ability, 'read', 'Task').every((field) => COPIED_COLUMNS.has(field))) return null;
  const groups = candidateGroupsOf(user);
  const wanted = [filter.candidateGroup ? [filter.candidateGroup] : null, filter.candidateGroupIn ?? null].filter((list) => list !== null);
  if (wanted.length === 0) return { principals: [...groups.map((g) => `group:${g}`), `user:${user.username}`], assignee: user.username };
  const only = wanted.reduce((both, list) => both.filter((g) => list.includes(g)));
  // A group the user is not in shows only tasks assigned or offered to them by name that are
  // also offered to it: the general plan answers that rare question.
  if (!only.every((g) => groups.includes(g))) return null;
  return { principals: [...new Set(only)].map((g) => `group:${g}`), assignee: null };
}

/** The database's quoting of a table or column name. */
export type Quote = (name: string) => string;

/**
 * The SQL (with named parameters) of one leg: the first `take` keys of its index walk in due order
 * after the page's start, narrowed by the role rules on the columns the walk carries.
 */
function legSql(q: Quote, user: CurrentUser, walk: { table: string; alias: string; key: string; where: SqlCondition }, bounds: LegBounds): SqlCondition {
  const column = (name: string) => `${q(walk.alias)}.${q(name)}`;
  // Every leg and the outer query name the rule parameters alike (casl_0, …) with the same values.
  const rules = ruleCondition(user.ability, 'read', 'Task', column);
  const where = [walk.where.sql, rules.sql, `${column('state')} = :legState`];
  const parameters: Record<string, unknown> = { ...walk.where.parameters, ...rules.parameters, legState: bounds.state };
  if (bounds.dealerId) {
    where.push(`${column('dealerId')} = :legDealer`);
    parameters.legDealer = bounds.dealerId;
  }
  if (bounds.dueBefore) {
    where.push(`${column('dueSort')} <= :legDueBefore`);
    parameters.legDueBefore = bounds.dueBefore;
  }
  if (bounds.after) {
    where.push(`(${column('dueSort')} > :legAfter OR (${column('dueSort')} = :legAfter AND ${column(walk.key)} > :legAfterKey))`);
    Object.assign(parameters, { legAfter: bounds.after.dueSort, legAfterKey: bounds.after.key });
  }
  const select = `SELECT ${column(walk.key)} AS k, ${column('dueSort')} AS d FROM ${q(walk.table)} ${q(walk.alias)}`;
  return {
    sql: `${select} WHERE ${where.join(' AND ')} ORDER BY ${column('dueSort')} ASC, ${column(walk.key)} ASC LIMIT ${bounds.take}`,
    parameters,
  };
}

/**
 * The first `take` task keys of the legs in due order, as a derived table `(k, d)`: each leg is an
 * ordered index walk of at most `take` rows, and their UNION drops a task reached by several
 * principals, so the page reads `take` task rows whatever the user's backlog.
 */
export function candidateLegsSql(q: Quote, user: CurrentUser, legs: CandidateLegs, bounds: LegBounds): SqlCondition {
  const walks = legs.principals.map((principal, i) => legSql(q, user, { table: 'task_candidate', alias: 'c', key: 'taskKey', where: { sql: `${q('c')}.${q('principal')} = :legPrincipal${i}`, parameters: { [`legPrincipal${i}`]: principal } } }, bounds));
  if (legs.assignee) {
    walks.push(legSql(q, user, { table: 'task', alias: 'a', key: 'key', where: { sql: `${q('a')}.${q('assignee')} = :legAssignee`, parameters: { legAssignee: legs.assignee } } }, bounds));
  }
  const parameters = Object.assign({}, ...walks.map((walk) => walk.parameters)) as Record<string, unknown>;
  // Each walk is wrapped in a derived table: SQLite allows ORDER BY … LIMIT only on a whole compound SELECT.
  const union = walks.map((walk, i) => `SELECT k, d FROM (${walk.sql}) l${i}`).join(' UNION ');
  return { sql: `(${union} ORDER BY d, k LIMIT ${bounds.take})`, parameters };
}
