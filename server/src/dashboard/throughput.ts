import type { DataSource } from 'typeorm';
import type { ThroughputDay } from './DashboardSummary';
import { sqlDialect } from './sqlDialect';
import { sqlDateTime } from './sqlDateTime';

const DAY_MS = 86_400_000;

/** The UTC days from the one `days - 1` before `now` up to `now`'s, oldest first. */
export function windowDays(now: Date, days: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) => new Date(today - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

/** Instances started and completed per UTC day over the last `days` days, today included; quiet days count zero. */
export async function throughput(dataSource: DataSource, now: Date, days: number): Promise<ThroughputDay[]> {
  const dialect = sqlDialect(dataSource);
  const dayList = windowDays(now, days);
  const from = sqlDateTime(new Date(`${dayList[0]}T00:00:00.000Z`));
  const until = sqlDateTime(now);
  const [started, completed] = (await Promise.all([
    dataSource.query(`SELECT ${dialect.day('startedAt')} AS day, COUNT(*) AS n FROM process_instance WHERE startedAt >= ? AND startedAt <= ? GROUP BY ${dialect.day('startedAt')}`, [from, until]),
    dataSource.query(`SELECT ${dialect.day('endedAt')} AS day, COUNT(*) AS n FROM process_instance WHERE state = 'completed' AND endedAt >= ? AND endedAt <= ? GROUP BY ${dialect.day('endedAt')}`, [from, until]),
  ])) as { day: string; n: number | string }[][];
  const count = (rows: { day: string; n: number | string }[]) => new Map(rows.map((row) => [row.day, Number(row.n)]));
  const startedOn = count(started);
  const completedOn = count(completed);
  return dayList.map((day) => ({ day, started: startedOn.get(day) ?? 0, completed: completedOn.get(day) ?? 0 }));
}
