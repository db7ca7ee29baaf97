import { rulesToAST } from '@casl/ability/extra';
import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { candidateGroupsOf, type CurrentUser } from '../auth/CurrentUser';
import { accessibleBy } from '../permissions/accessibleBy';
import type { InboxFilter } from './InboxQuery';
import { Task, type TaskState } from './Task';
import { TaskCandidate } from './TaskCandidate';
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

interface AstNode {
  field?: string;
  value: unknown;
}

/** The task fields the user's read rules test. */
function ruleFields(user: CurrentUser): string[] {
  const fields: string[] = [];
  const walk = (node: AstNode | null): void => {
    if (!node) return;
    if (node.field) fields.push(node.field);
    if (Array.isArray(node.value)) node.value.forEach((child) => typeof child === 'object' && child !== null && 'value' in child && walk(child as AstNode));
  };
  walk(rulesToAST(user.ability, 'read', 'Task') as AstNode | null);
  return fields;
}

/**
 * The legs that answer `filter` for `user`, or null when the request needs the general plan:
 * another sort, a user who manages every task, a filter on a column the candidates do not
 * copy (assignee, process, text), or role rules on such a column.
 */
export function candidateLegsFor(user: CurrentUser, filter: InboxFilter): CandidateLegs | null {
  if ((filter.sort ?? 'due') !== 'due' || user.ability.can('manage', 'Task')) return null;
  if (filter.assignee || filter.processId || filter.q || filter.covered !== undefined || filter.minAmount !== undefined) return null;
  if (filter.dueBefore && !(new Date(filter.dueBefore) < NO_DUE_DATE)) return null;
  if (!ruleFields(user).every((field) => COPIED_COLUMNS.has(field))) return null;
  const groups = candidateGroupsOf(user);
  const wanted = [filter.candidateGroup ? [filter.candidateGroup] : null, filter.candidateGroupIn ?? null].filter((list) => list !== null);
  if (wanted.length === 0) return { principals: [...groups.map((g) => `group:${g}`), `user:${user.username}`], assignee: user.username };
  const only = wanted.reduce((both, list) => both.filter((g) => list.includes(g)));
  // A group the user is not in shows only tasks assigned or offered to them by name that are
  // also offered to it: the general plan answers that rare question.
  if (!only.every((g) => groups.includes(g))) return null;
  return { principals: [...new Set(only)].map((g) => `group:${g}`), assignee: null };
}

/** Narrows one leg to the page's bounds and orders it by the due order, keyset-paged. */
function bound<T extends ObjectLiteral>(leg: SelectQueryBuilder<T>, user: CurrentUser, key: string, bounds: LegBounds): string {
  const a = leg.alias;
  // Every leg and the outer query name the rule parameters alike (casl_0, …) with the same values.
  accessibleBy(leg, user.ability, 'read', 'Task');
  leg.andWhere(`${a}.state = :legState`, { legState: bounds.state });
  if (bounds.dealerId) leg.andWhere(`${a}.dealerId = :legDealer`, { legDealer: bounds.dealerId });
  if (bounds.dueBefore) leg.andWhere(`${a}.dueSort <= :legDueBefore`, { legDueBefore: bounds.dueBefore });
  if (bounds.after) {
    const { dueSort, key: afterKey } = bounds.after;
    leg.andWhere(new Brackets((page) => {
      page.where(`${a}.dueSort > :legAfter`, { legAfter: dueSort }).orWhere(`${a}.dueSort = :legAfter AND ${a}.${key} > :legAfterKey`, { legAfterKey: afterKey });
    }));
  }
  return leg.orderBy(`${a}.dueSort`, 'ASC').addOrderBy(`${a}.${key}`, 'ASC').limit(bounds.take).getQuery();
}

/**
 * Joins `query` (over task `t`) to the first `take` task keys of the legs in due order: each
 * leg is an ordered index walk of at most `take` rows, their UNION drops a task reached by
 * several principals, so the page reads `take` task rows whatever the user's backlog.
 */
export function joinCandidateLegs(query: SelectQueryBuilder<Task>, user: CurrentUser, legs: CandidateLegs, bounds: LegBounds): SelectQueryBuilder<Task> {
  const walks = legs.principals.map((principal, i) => bound(query.subQuery().select('c.taskKey', 'k').addSelect('c.dueSort', 'd').from(TaskCandidate, 'c')
    .where(`c.principal = :legPrincipal${i}`, { [`legPrincipal${i}`]: principal }), user, 'taskKey', bounds));
  if (legs.assignee) {
    walks.push(bound(query.subQuery().select('a.key', 'k').addSelect('a.dueSort', 'd').from(Task, 'a').where('a.assignee = :legAssignee', { legAssignee: legs.assignee }), user, 'key', bounds));
  }
  // Each walk is wrapped in a derived table: SQLite allows ORDER BY … LIMIT only on a whole compound SELECT.
  const union = walks.map((walk, i) => `SELECT k, d FROM ${walk} l${i}`).join(' UNION ');
  return query.innerJoin(`(${union} ORDER BY d, k LIMIT ${bounds.take})`, 'p', 'p.k = t.key');
}
