import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

const varchar = (name: string, length: number, extra: object = {}) => ({ name, type: 'varchar', length: String(length), ...extra });
const text = (name: string) => ({ name, type: 'text' });
const datetime = (name: string) => ({ name, type: 'datetime', precision: 3 });

/** Users, roles, dealers, sessions and the audit chain. Written with the Table API so it runs on SQLite and MySQL alike. */
export class Skeleton1732300000000 implements MigrationInterface {
  name = 'Skeleton1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'dealer',
      columns: [
        varchar('id', 32, { isPrimary: true }),
        varchar('name', 200),
        varchar('region', 100),
        text('territoryCodes'),
        { name: 'rating', type: 'decimal', precision: 3, scale: 2, default: 0 },
        { name: 'creditLimit', type: 'decimal', precision: 14, scale: 2, default: 0 },
      ],
    }));
    await q.createTable(new Table({
      name: 'role',
      columns: [varchar('name', 64, { isPrimary: true }), varchar('description', 300, { default: "''" }), text('rules')],
    }));
    await q.createTable(new Table({
      name: 'app_user',
      columns: [
        varchar('id', 36, { isPrimary: true }),
        varchar('username', 64),
        varchar('displayName', 200),
        varchar('passwordHash', 200),
        varchar('dealerId', 32, { isNullable: true }),
        text('roles'),
        text('groups'),
        varchar('locale', 5, { default: "'ru'" }),
        datetime('createdAt'),
      ],
      indices: [{ columnNames: ['username'], isUnique: true }],
      foreignKeys: [{ columnNames: ['dealerId'], referencedTableName: 'dealer', referencedColumnNames: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' }],
    }));
    await q.createTable(new Table({
      name: 'session',
      columns: [{ name: 'id', type: 'varchar', length: '64', isPrimary: true }, varchar('userId', 36), datetime('expiresAt')],
      indices: [{ columnNames: ['expiresAt'] }],
      foreignKeys: [{ columnNames: ['userId'], referencedTableName: 'app_user', referencedColumnNames: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' }],
    }));
    await q.createTable(new Table({
      name: 'audit_entry',
      columns: [
        { name: 'seq', type: 'bigint', isPrimary: true },
        datetime('at'),
        varchar('actor', 64),
        varchar('action', 64),
        varchar('subjectType', 64),
        varchar('subjectId', 64),
        text('payload'),
        { name: 'prevHash', type: 'varchar', length: '64' },
        { name: 'hash', type: 'varchar', length: '64' },
      ],
      indices: [{ columnNames: ['subjectType', 'subjectId'] }, { columnNames: ['hash'], isUnique: true }],
    }));
    await q.createTable(new Table({
      name: 'audit_head',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true },
        { name: 'lastSeq', type: 'bigint' },
        { name: 'lastHash', type: 'varchar', length: '64' },
      ],
    }));
    // The chain's head exists from the start, so the first append locks a row like every other.
    await q.query(`INSERT INTO audit_head (id, lastSeq, lastHash) VALUES (1, 0, '${'0'.repeat(64)}')`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['audit_head', 'audit_entry', 'session', 'app_user', 'role', 'dealer']) await q.dropTable(table);
  }
}
