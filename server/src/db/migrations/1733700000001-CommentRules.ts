import type { MigrationInterface, QueryRunner } from 'typeorm';

type StoredRule = { action: string; subject: string; conditions?: unknown };

/**
 * The rules this migration gives the stored roles: roles are seeded from the catalog only into an
 * empty table, so existing databases learn the `comment` action here. Written out, not imported,
 * so the migration keeps meaning what it meant when the catalog moves on.
 */
const added: Record<string, StoredRule[]> = {
  'distributor-approver': [
    { action: 'comment', subject: 'ProcessInstance', conditions: { taskGroups: { $in: '${user.groups}' } } },
    { action: 'comment', subject: 'ProcessInstance', conditions: { taskGroups: { $in: '${user.roles}' } } },
  ],
  'dealer-manager': [{ action: 'comment', subject: 'ProcessInstance', conditions: { dealerId: '${user.dealerId}' } }],
  'dealer-staff': [{ action: 'comment', subject: 'ProcessInstance', conditions: { dealerId: '${user.dealerId}' } }],
};

const same = (a: StoredRule, b: StoredRule) => JSON.stringify(a) === JSON.stringify(b);

/** Commenting and attaching become their own permission: readers (auditors, other approvers) no longer write on cases. */
export class CommentRules1733700000001 implements MigrationInterface {
  name = 'CommentRules1733700000001';

  async up(q: QueryRunner): Promise<void> {
    await this.change(q, (rules, extra) => [...rules, ...extra.filter((rule) => !rules.some((r) => same(r, rule)))]);
  }

  async down(q: QueryRunner): Promise<void> {
    await this.change(q, (rules, extra) => rules.filter((rule) => !extra.some((r) => same(r, rule))));
  }

  private async change(q: QueryRunner, edit: (rules: StoredRule[], extra: StoredRule[]) => StoredRule[]): Promise<void> {
    const roles = (await q.query('SELECT name, rules FROM role')) as { name: string; rules: string }[];
    for (const role of roles) {
      const extra = added[role.name];
      if (!extra) continue;
      await q.query('UPDATE role SET rules = ? WHERE name = ?', [JSON.stringify(edit(JSON.parse(role.rules) as StoredRule[], extra)), role.name]);
    }
  }
}
