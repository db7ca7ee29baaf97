import type { MigrationInterface, QueryRunner } from 'typeorm';
import { editRoleRules, type RoleRuleEdit } from '../db/migrations/roleRuleEdits';

/** Existing databases learn the `comment` action here (see `editRoleRules`). */
const edits: Record<string, RoleRuleEdit> = {
  'distributor-approver': {
    add: [
      { action: 'comment', subject: 'ProcessInstance', conditions: { taskGroups: { $in: '${user.groups}' } } },
      { action: 'comment', subject: 'ProcessInstance', conditions: { taskGroups: { $in: '${user.roles}' } } },
    ],
  },
  'dealer-manager': { add: [{ action: 'comment', subject: 'ProcessInstance', conditions: { dealerId: '${user.dealerId}' } }] },
  'dealer-staff': { add: [{ action: 'comment', subject: 'ProcessInstance', conditions: { dealerId: '${user.dealerId}' } }] },
};

/** Commenting and attaching become their own permission: readers (auditors, other approvers) no longer write on cases. */
export class CommentRules1733700000001 implements MigrationInterface {
  name = 'CommentRules1733700000001';

  async up(q: QueryRunner): Promise<void> {
    await editRoleRules(q, edits, 'up');
  }

  async down(q: QueryRunner): Promise<void> {
    await editRoleRules(q, edits, 'down');
  }
}
