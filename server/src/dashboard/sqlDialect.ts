import type { DataSource } from 'typeorm';

/** The few expressions the dashboard's aggregates write differently on SQLite and MariaDB. */
export interface SqlDialect {
  /** Milliseconds from `from` to `to` (two datetime columns), as an integer. */
  durationMs(from: string, to: string): string;
  /** The UTC day of a datetime column, as `YYYY-MM-DD` text. */
  day(column: string): string;
}

const sqlite: SqlDialect = {
  durationMs: (from, to) => `CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400000) AS INTEGER)`,
  // SQLite keeps datetimes as `YYYY-MM-DD HH:MM:SS.SSS` text in UTC.
  day: (column) => `substr(${column}, 1, 10)`,
};

const mariadb: SqlDialect = {
  durationMs: (from, to) => `(TIMESTAMPDIFF(MICROSECOND, ${from}, ${to}) DIV 1000)`,
  // The connection's time zone is UTC, so the stored value is the UTC time.
  day: (column) => `DATE_FORMAT(${column}, '%Y-%m-%d')`,
};

/** The dialect of `dataSource`. */
export function sqlDialect(dataSource: DataSource): SqlDialect {
  return dataSource.options.type === 'better-sqlite3' ? sqlite : mariadb;
}
