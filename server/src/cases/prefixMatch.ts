import type { WhereExpressionBuilder } from 'typeorm';

/** Above every other character: a string starting with `p` sorts below `p + HIGHEST` in SQLite's binary order. */
const HIGHEST = '\u{10FFFF}';

/**
 * Narrows `where` to rows whose `column` starts with `prefix`, in a form both databases answer
 * from an index on the column: a LIKE without a leading wildcard on MariaDB, and a range on
 * SQLite (whose LIKE ignores indexes on columns of the default collation).
 */
export function prefixMatch(where: WhereExpressionBuilder, sqlite: boolean, column: string, name: string, prefix: string): void {
  if (sqlite) where.andWhere(`${column} >= :${name}Low AND ${column} < :${name}High`, { [`${name}Low`]: prefix, [`${name}High`]: prefix + HIGHEST });
  else where.andWhere(`${column} LIKE :${name}Like`, { [`${name}Like`]: `${prefix.replace(/[\\%_]/g, '\\$&')}%` });
}
