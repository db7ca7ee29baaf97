/** The unit cycle times read best in, picked from the longest one shown. */
export type CycleUnit = 'seconds' | 'minutes' | 'hours' | 'days';

const UNIT_MS: Record<CycleUnit, number> = { seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

/** Seconds under two minutes, minutes under two hours, days from three days on, hours between. */
export function cycleUnit(longestMs: number): CycleUnit {
  if (longestMs < 2 * UNIT_MS.minutes) return 'seconds';
  if (longestMs < 2 * UNIT_MS.hours) return 'minutes';
  if (longestMs >= 3 * UNIT_MS.days) return 'days';
  return 'hours';
}

/** `ms` in `unit`, to two decimals. */
export function inUnit(ms: number, unit: CycleUnit): number {
  return Math.round((ms / UNIT_MS[unit]) * 100) / 100;
}
