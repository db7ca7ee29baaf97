const DURATION = /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Adds an ISO 8601 duration (PnYnMnWnDTnHnMnS) to an epoch time; undefined when it does not parse. */
export function addDuration(from: number, iso: string): number | undefined {
  const m = DURATION.exec(iso.trim());
  if (!m || iso.trim() === 'P' || iso.trim().endsWith('T')) return undefined;
  const sign = m[1] ? -1 : 1;
  const n = (i: number) => (m[i] ? Number(m[i]) : 0);
  const date = new Date(from);
  if (m[2] || m[3]) date.setUTCMonth(date.getUTCMonth() + sign * (n(2) * 12 + n(3)));
  const ms = (((n(4) * 7 + n(5)) * 24 + n(6)) * 60 + n(7)) * 60_000 + n(8) * 1000;
  return date.getTime() + sign * ms;
}

/** A parsed timer: when it first fires and, for cycles, how it repeats. */
export interface TimerSchedule {
  dueAt: number;
  /** Repetitions left after this one (-1 = forever), for cycles. */
  repetitions?: number;
  interval?: string;
}

/** Computes a timer's first due time from its definition kind and evaluated value. */
export function scheduleTimer(kind: 'duration' | 'date' | 'cycle', value: string, now: number): TimerSchedule | undefined {
  if (kind === 'duration') {
    const dueAt = addDuration(now, value);
    return dueAt === undefined ? undefined : { dueAt };
  }
  if (kind === 'date') {
    const dueAt = Date.parse(value);
    return Number.isNaN(dueAt) ? undefined : { dueAt };
  }
  const parts = value.trim().split('/');
  const rep = /^R(\d*)$/.exec(parts[0]);
  if (!rep || parts.length < 2) return undefined;
  const repetitions = rep[1] === '' ? -1 : Number(rep[1]);
  const interval = parts[parts.length - 1];
  const start = parts.length === 3 ? Date.parse(parts[1]) : now;
  if (Number.isNaN(start)) return undefined;
  const dueAt = parts.length === 3 ? start : addDuration(start, interval);
  if (dueAt === undefined || addDuration(0, interval) === undefined) return undefined;
  return { dueAt, repetitions: repetitions === -1 ? -1 : repetitions - 1, interval };
}
