import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** API tokens: service accounts of machine clients. */
export class ApiTokens1734200000000 implements MigrationInterface {
  name = 'ApiTokens1734200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'api_token',
      columns: [
        { name: 'id', type: 'varchar', length: '24', isPrimary: true },
        { name: 'name', type: 'varchar', length: '60' },
        { name: 'roles', type: 'text' },
        { name: 'dealerId', type: 'varchar', length: '32', isNullable: true, default: null },
        { name: 'secretHash', type: 'varchar', length: '64' },
        { name: 'createdBy', type: 'varchar', length: '64' },
        { name: 'createdAt', type: 'datetime', precision: 3 },
        { name: 'expiresAt', type: 'datetime', precision: 3 },
        { name: 'lastUsedAt', type: 'datetime', precision: 3, isNullable: true, default: null },
        { name: 'revokedAt', type: 'datetime', precision: 3, isNullable: true, default: null },
        { name: 'revokedBy', type: 'varchar', length: '64', isNullable: true, default: null },
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('api_token');
  }
}
