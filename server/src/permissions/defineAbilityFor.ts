import { createMongoAbility } from '@casl/ability';
import type { AppAbility, RoleRule } from './RoleRule';

/** The part of a user that rules may refer to as `${user.<field>}`. */
export interface RuleSubjectUser {
  id: string;
  username: string;
  dealerId: string | null;
  groups: string[];
}

const placeholder = /^\$\{user\.(\w+)\}$/;

/** Replaces `${user.x}` values, keeping their type (a rule must not match `"null"`). */
function fillTemplates(value: unknown, user: RuleSubjectUser): unknown {
  if (typeof value === 'string') {
    const match = placeholder.exec(value);
    return match ? (user as unknown as Record<string, unknown>)[match[1]] ?? null : value;
  }
  if (Array.isArray(value)) return value.map((v) => fillTemplates(v, user));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillTemplates(v, user)]));
  }
  return value;
}

/** The rules of `roleRules` with the user's values filled in. */
export function rulesFor(user: RuleSubjectUser, roleRules: RoleRule[]): RoleRule[] {
  return roleRules.map((rule) => fillTemplates(rule, user) as RoleRule);
}

/** The one place an ability is built: the union of the user's role rules, deny by default. */
export function defineAbilityFor(user: RuleSubjectUser | null, roleRules: RoleRule[]): AppAbility {
  return createMongoAbility<AppAbility>(user ? rulesFor(user, roleRules) : []);
}
