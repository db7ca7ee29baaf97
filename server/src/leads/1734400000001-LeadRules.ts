import type { MigrationInterface, QueryRunner } from 'typeorm';
import { editRoleRules, type RoleRuleEdit } from '../db/migrations/roleRuleEdits';

const ownDealerRecords = { dealerId: '${user.dealerId}' };

/** Existing databases learn who reads leads and lead ratings, and who sends leads (see `editRoleRules`). */
const edits: Record<string, RoleRuleEdit> = {
  'distributor-approver': { add: [{ action: 'read', subject: 'Lead' }, { action: 'read', subject: 'DealerRating' }] },
  'dealer-manager': {
    add: [
      { action: 'read', subject: 'Lead', conditions: ownDealerRecords },
      { action: 'read', subject: 'DealerRating', conditions: ownDealerRecords },
    ],
  },
  'dealer-staff': { add: [{ action: 'read', subject: 'Lead', conditions: ownDealerRecords }] },
  auditor: { add: [{ action: 'read', subject: 'Lead' }] },
  integration: { add: [{ action: 'create', subject: 'Lead' }] },
};

/** Leads become readable by the distributor (all) and by dealers (their own), and outside systems send them. */
export class LeadRules1734400000001 implements MigrationInterface {
  name = 'LeadRules1734400000001';

  async up(q: QueryRunner): Promise<void> {
    await editRoleRules(q, edits, 'up');
  }

  async down(q: QueryRunner): Promise<void> {
    await editRoleRules(q, edits, 'down');
  }
}
