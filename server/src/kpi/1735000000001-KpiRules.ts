import type { MigrationInterface, QueryRunner } from 'typeorm';
import { editRoleRules, type RoleRuleEdit } from '../db/migrations/roleRuleEdits';

const ownDealer = { id: '${user.dealerId}' };

/** Existing databases learn who reads dealer KPIs and who sets their plans (see `editRoleRules`). */
const edits: Record<string, RoleRuleEdit> = {
  'distributor-approver': {
    add: [
      { action: 'read', subject: 'DealerKpi' },
      { action: 'update', subject: 'DealerPlan', conditions: { approverGroup: { $in: '${user.groups}' } } },
    ],
  },
  'dealer-manager': { add: [{ action: 'read', subject: 'DealerKpi', conditions: ownDealer }] },
  'dealer-staff': { add: [{ action: 'read', subject: 'DealerKpi', conditions: ownDealer }] },
};

/** Dealer KPIs become readable by the distributor (all dealers) and by dealers (their own); sales approvers set plans. */
export class KpiRules1735000000001 implements MigrationInterface {
  name = 'KpiRules1735000000001';

  async up(q: QueryRunner): Promise<void> {
    await editRoleRules(q, edits, 'up');
  }

  async down(q: QueryRunner): Promise<void> {
    await editRoleRules(q, edits, 'down');
  }
}
