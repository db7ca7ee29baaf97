import type { MigrationInterface, QueryRunner } from 'typeorm';

interface TextColumn { table: string; column: string; nullable: boolean }

/** The server's TEXT columns on MySQL/MariaDB (the engine's tables widen in the engine's own migration). */
async function textColumns(q: QueryRunner, type: 'text' | 'longtext'): Promise<TextColumn[]> {
  const rows: { t: string; c: string; n: string }[] = await q.query(
    `SELECT TABLE_NAME AS t, COLUMN_NAME AS c, IS_NULLABLE AS n FROM information_schema.COLUMNS
     WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE = ? AND TABLE_NAME NOT LIKE 'engine\\_%' ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    [type],
  );
  return rows.map((row) => ({ table: row.t, column: row.c, nullable: row.n === 'YES' }));
}

async function retype(q: QueryRunner, columns: TextColumn[], type: 'TEXT' | 'LONGTEXT'): Promise<void> {
  for (const { table, column, nullable } of columns) {
    await q.query(`ALTER TABLE \`${table}\` MODIFY \`${column}\` ${type} ${nullable ? 'NULL' : 'NOT NULL'}`);
  }
}

/**
 * On MySQL/MariaDB every text column becomes LONGTEXT: TEXT's 64 KB refused large drafts, forms,
 * instance summaries and outbox payloads. SQLite has one text type and is left alone. Going down
 * narrows them again, which strict mode refuses while a value is longer than 64 KB. Later
 * migrations give new text columns `type: textType(q)` (from the engine, whose tables share the rule).
 */
export class LongText1734700000000 implements MigrationInterface {
  name = 'LongText1734700000000';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'better-sqlite3') return;
    await retype(q, await textColumns(q, 'text'), 'LONGTEXT');
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'better-sqlite3') return;
    await retype(q, await textColumns(q, 'longtext'), 'TEXT');
  }
}
