import type { MigrationInterface, QueryRunner } from 'typeorm';

type StoredRule = { action: string; subject: string; conditions?: unknown };

/**
 * The rules this migration gives the stored roles: roles are seeded from the catalog only into an
 * empty table, so existing databases learn the tender rules here. Written out, not imported,
 * so the migration keeps meaning what it meant when the catalog moves on.
 */
const added: Record<string, StoredRule[]> = {
  'distributor-approver': [
    { action: 'read', subject: 'Tender' },
    { action: 'update', subject: 'Tender', conditions: { approverGroup: { $in: '${user.groups}' } } },
  ],
  'dealer-manager': [{ action: 'read', subject: 'Tender', conditions: { dealerId: '${user.dealerId}' } }],
  'dealer-staff': [{ action: 'read', subject: 'Tender', conditions: { dealerId: '${user.dealerId}' } }],
  auditor: [{ action: 'read', subject: 'Tender' }],
};

const same = (a: StoredRule, b: StoredRule) => JSON.stringify(a) === JSON.stringify(b);

/** Tenders: approvers and auditors read all, the sales group extends locks, dealers read their own. */
export class TenderRules1734300000001 implements MigrationInterface {
  name = 'TenderRules1734300000001';

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
