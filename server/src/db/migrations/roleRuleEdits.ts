import type { QueryRunner } from 'typeorm';

/** A permission rule as the role table stores it. */
export type StoredRule = { action: string; subject: string; fields?: string[]; conditions?: unknown };

/** What a migration changes in one stored role: rules it grants and rules it takes back. */
export interface RoleRuleEdit {
  add?: StoredRule[];
  remove?: StoredRule[];
}

const same = (a: StoredRule, b: StoredRule) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Roles are seeded from the catalog only into an empty table, so a release that changes shipped
 * rules brings them to existing databases with a migration. Its rules are written out in the
 * migration, not imported, so it keeps meaning what it meant when the catalog moves on.
 * `up` grants `add` and takes back `remove`; `down` does the reverse. Both may run twice.
 */
export async function editRoleRules(q: QueryRunner, edits: Record<string, RoleRuleEdit>, direction: 'up' | 'down'): Promise<void> {
  const roles = (await q.query('SELECT name, rules FROM role')) as { name: string; rules: string }[];
  for (const role of roles) {
    const edit = edits[role.name];
    if (!edit) continue;
    const [grant, revoke] = direction === 'up' ? [edit.add ?? [], edit.remove ?? []] : [edit.remove ?? [], edit.add ?? []];
    const kept = (JSON.parse(role.rules) as StoredRule[]).filter((rule) => !revoke.some((r) => same(r, rule)));
    const rules = [...kept, ...grant.filter((rule) => !kept.some((r) => same(r, rule)))];
    await q.query('UPDATE role SET rules = ? WHERE name = ?', [JSON.stringify(rules), role.name]);
  }
}
