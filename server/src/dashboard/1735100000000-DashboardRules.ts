import type { MigrationInterface, QueryRunner } from 'typeorm';
import { editRoleRules, type RoleRuleEdit } from '../db/migrations/roleRuleEdits';

/** Process admins read the dashboard (see `editRoleRules`). */
const edits: Record<string, RoleRuleEdit> = {
  'process-admin': { add: [{ action: 'read', subject: 'Dashboard' }] },
};

/** The dashboard becomes the process admins' own, named in their role rather than implied by `manage all`. */
export class DashboardRules1735100000000 implements MigrationInterface {
  name = 'DashboardRules1735100000000';

  async up(q: QueryRunner): Promise<void> {
    await editRoleRules(q, edits, 'up');
  }

  async down(q: QueryRunner): Promise<void> {
    await editRoleRules(q, edits, 'down');
  }
}
