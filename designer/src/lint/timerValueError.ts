/** Which of the three timer definitions a value belongs to. */
export type TimerKind = 'timeDuration' | 'timeDate' | 'timeCycle';

const number = String.raw`\d+(?:[.,]\d+)?`;
const duration = String.raw`P(?!$)(?:${number}Y)?(?:${number}M)?(?:${number}W)?(?:${number}D)?(?:T(?=\d)(?:${number}H)?(?:${number}M)?(?:${number}S)?)?`;
const dateTime = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?(?:\[[A-Za-z_]+(?:/[A-Za-z_+-]+)*\])?`;
const durationPattern = new RegExp(`^${duration}$`);
const dateTimePattern = new RegExp(`^${dateTime}$`);
const cyclePattern = new RegExp(`^R\\d*/(?:${dateTime}/)?${duration}$`);
// Zeebe also takes Spring-style cron expressions (six fields) as a cycle.
const cronPattern = /^([\d*?/,LW#A-Z-]+\s+){5}[\d*?/,LW#A-Z-]+$/i;

/** Why `value` is not a valid static (non-FEEL) timer value of `kind`, or null when it is. */
export function timerValueError(kind: TimerKind, value: string): string | null {
  const text = value.trim();
  if (kind === 'timeDuration') return durationPattern.test(text) && /\d/.test(text) ? null : `"${text}" is not an ISO 8601 duration such as PT48H or P5D`;
  if (kind === 'timeDate') return dateTimePattern.test(text) && !Number.isNaN(Date.parse(text.replace(/\[.*\]$/, ''))) ? null : `"${text}" is not an ISO 8601 date-time such as 2026-12-31T09:00:00Z`;
  return cyclePattern.test(text) || cronPattern.test(text) ? null : `"${text}" is not an ISO 8601 cycle such as R3/PT10M (or a cron expression)`;
}
