import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The Audit page filters by actor, action, case and date and reads newest first (issue 16):
 * each filter gets an index that ends in the chain order, so a filtered page is an index range.
 */
export class AuditFilters1734800000000 implements MigrationInterface {
  name = 'AuditFilters1734800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('audit_entry', new TableIndex({ name: 'IDX_audit_entry_actor_seq', columnNames: ['actor', 'seq'] }));
    await q.createIndex('audit_entry', new TableIndex({ name: 'IDX_audit_entry_action_seq', columnNames: ['action', 'seq'] }));
    await q.createIndex('audit_entry', new TableIndex({ name: 'IDX_audit_entry_subject_seq', columnNames: ['subjectType', 'subjectId', 'seq'] }));
    await q.createIndex('audit_entry', new TableIndex({ name: 'IDX_audit_entry_at', columnNames: ['at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of ['IDX_audit_entry_at', 'IDX_audit_entry_subject_seq', 'IDX_audit_entry_action_seq', 'IDX_audit_entry_actor_seq']) await q.dropIndex('audit_entry', name);
  }
}
