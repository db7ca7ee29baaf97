import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The engine's columns that hold a whole model or an instance's state. */
const columns = [['engine_definition', 'xml'], ['engine_instance', 'data'], ['engine_item', 'data']];

/**
 * On MySQL/MariaDB a TEXT column holds 64 KB, so a large model or an instance with many variables
 * was refused; LONGTEXT holds what the server accepts. SQLite has one text type and is left alone.
 */
export class EngineLongText1763900000000 implements MigrationInterface {
  name = 'EngineLongText1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await retype(q, 'LONGTEXT');
  }

  /** Narrows them again; strict mode refuses it while a value is longer than 64 KB. */
  async down(q: QueryRunner): Promise<void> {
    await retype(q, 'TEXT');
  }
}

async function retype(q: QueryRunner, type: 'TEXT' | 'LONGTEXT'): Promise<void> {
  if (q.connection.options.type === 'better-sqlite3') return;
  for (const [table, column] of columns) await q.query(`ALTER TABLE \`${table}\` MODIFY \`${column}\` ${type} NOT NULL`);
}
