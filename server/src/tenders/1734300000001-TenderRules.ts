import type { MigrationInterface, QueryRunner } from 'typeorm';
import { editRoleRules, type RoleRuleEdit } from '../db/migrations/roleRuleEdits';

const ownDealerRecords = { dealerId: '${user.dealerId}' };

/** Existing databases learn the tender rules here (see `editRoleRules`). */
const edits: Record<string, RoleRuleEdit> = {
  'distributor-approver': {
    add: [
      { action: 'read', subject: 'Tender' },
      { action: 'update', subject: 'Tender', conditions: { approverGroup: { $in: '${user.groups}' } } },
    ],
  },
  'dealer-manager': { add: [{ action: 'read', subject: 'Tender', conditions: ownDealerRecords }] },
  'dealer-staff': { add: [{ action: 'read', subject: 'Tender', conditions: ownDealerRecords }] },
  auditor: { add: [{ action: 'read', subject: 'Tender' }] },
};

/** Tenders: approvers and auditors read all, the sales group extends locks, dealers read their own. */
export class TenderRules1734300000001 implements MigrationInterface {
  name = 'TenderRules1734300000001';

  async up(q: QueryRunner): Promise<void> {
    await editRoleRules(q, edits, 'up');
  }

  async down(q: QueryRunner): Promise<void> {
    await editRoleRules(q, edits, 'down');
  }
}
