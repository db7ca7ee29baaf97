import type { QueryRunner } from 'typeorm';
import { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';

/**
 * MySQL's and MariaDB's TEXT holds 64 KB: too little for a process model, an instance's variables
 * or a designer draft, which strict mode would then refuse. There every text column is LONGTEXT.
 * Entities keep saying `text` (and `simple-json`), the one text type SQLite knows; this teaches
 * TypeORM's MySQL schema comparison to read them as LONGTEXT, so a migration that creates a plain
 * TEXT column shows up as a schema difference. It holds for every DataSource of the process, the
 * application's tables as much as the engine's.
 */
const normalizeType = MysqlDriver.prototype.normalizeType;
MysqlDriver.prototype.normalizeType = function longText(this: MysqlDriver, column) {
  const type = normalizeType.call(this, column);
  return type === 'text' ? 'longtext' : type;
};

/** The column type a migration gives a text column: LONGTEXT on MySQL/MariaDB, TEXT on SQLite. */
export function textType(q: QueryRunner): 'text' | 'longtext' {
  return q.connection.options.type === 'better-sqlite3' ? 'text' : 'longtext';
}
