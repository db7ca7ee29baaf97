/**
 * The nearest-rank percentile of `values`: the smallest value with at least `p` per cent of the
 * values at or below it. Always one of the values (no interpolation), so SQLite and MariaDB,
 * which have no common percentile function, give the same answer; null when there are none.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}
