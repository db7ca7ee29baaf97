import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Action, AppAbility, SubjectName } from './RoleRule';
import { ruleCondition } from './ruleCondition';

/**
 * Narrows `query` to the rows `ability` lets the user `action`, in SQL: the CASL rules
 * become a WHERE clause, so lists are filtered by the database, never in memory.
 * Fields in rule conditions must be column property names of `alias`.
 */
export function accessibleBy<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, ability: AppAbility, action: Action, type: SubjectName, alias = query.alias): SelectQueryBuilder<T> {
  const { sql, parameters } = ruleCondition(ability, action, type, (field) => `${alias}.${field}`);
  return query.andWhere(sql, parameters);
}
