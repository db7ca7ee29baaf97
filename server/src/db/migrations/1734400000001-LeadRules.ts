import type { MigrationInterface, QueryRunner } from 'typeorm';

type StoredRule = { action: string; subject: string; conditions?: unknown };

/**
 * Who reads leads and lead ratings, for roles already stored and who sends them (`integration`). Written out, not
 * imported, so the migration keeps meaning what it meant when the catalog moves on.
 */
const added: Record<string, StoredRule[]> = {
  'distributor-approver': [{ action: 'read', subject: 'Lead' }, { action: 'read', subject: 'DealerRating' }],
  'dealer-manager': [
    { action: 'read', subject: 'Lead', conditions: { dealerId: '${user.dealerId}' } },
    { action: 'read', subject: 'DealerRating', conditions: { dealerId: '${user.dealerId}' } },
  ],
  'dealer-staff': [{ action: 'read', subject: 'Lead', conditions: { dealerId: '${user.dealerId}' } }],
  auditor: [{ action: 'read', subject: 'Lead' }],
  integration: [{ action: 'create', subject: 'Lead' }],
};

const same = (a: StoredRule, b: StoredRule) => JSON.stringify(a) === JSON.stringify(b);

/** Leads become readable by the distributor (all) and by dealers (their own). */
export class LeadRules1734400000001 implements MigrationInterface {
  name = 'LeadRules1734400000001';

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
