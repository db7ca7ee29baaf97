import { textType } from '@dealerflow/engine';
import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Deployed decision versions with their DMN (issue 16): a DMN deploy's review shows what changes
 * against the version deployed. Decisions deployed before keep no document: their next deploy
 * is reviewed as a first version.
 */
export class DecisionDefinitions1735200000001 implements MigrationInterface {
  name = 'DecisionDefinitions1735200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'decision_definition',
      columns: [
        { name: 'key', type: 'varchar', length: '64', isPrimary: true },
        { name: 'decisionId', type: 'varchar', length: '128' },
        { name: 'version', type: 'integer' },
        { name: 'resourceName', type: 'varchar', length: '255' },
        { name: 'deployedAt', type: 'datetime', precision: 3 },
        { name: 'deployedBy', type: 'varchar', length: '64' },
        { name: 'resourceXml', type: textType(q) },
      ],
      indices: [{ name: 'IDX_decision_definition_version', columnNames: ['decisionId', 'version'], isUnique: true }],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('decision_definition');
  }
}
