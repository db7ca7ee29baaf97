import type { TFunction } from 'i18next';
import { formatDecimal } from '../../format';
import type { KpiCell, KpiMeasureInfo } from './kpiTypes';

/** "45 с", "12 мин", "3 ч 10 мин", "2 д 4 ч": the two largest parts of a duration in seconds. */
export function formatSeconds(seconds: number, t: TFunction): string {
  const s = Math.round(seconds);
  if (s < 60) return t('kpi.duration.seconds', { seconds: s });
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return t('kpi.duration.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('kpi.duration.hours', { hours, minutes: minutes % 60 });
  return t('kpi.duration.days', { days: Math.floor(hours / 24), hours: hours % 24 });
}

/** A measure's value as people read it: a count, a duration or a percentage; a dash when there is none. */
export function formatMeasure(value: number | null, info: KpiMeasureInfo, t: TFunction, language: string): string {
  if (value === null) return '—';
  if (info.unit === 'seconds') return formatSeconds(value, t);
  if (info.unit === 'ratio') return `${formatDecimal(value * 100, language, 1)} %`;
  return new Intl.NumberFormat(language).format(value);
}

/** Whether the fact meets the plan (higher or lower is better by measure); null without both. */
export function planMet(cell: KpiCell, info: KpiMeasureInfo): boolean | null {
  if (cell.plan === null || cell.fact === null) return null;
  return info.better === 'higher' ? cell.fact >= cell.plan : cell.fact <= cell.plan;
}

/** The unit a plan is typed in: response times in minutes, the warranty cycle in days, shares in per cent. */
export function planInputUnit(info: KpiMeasureInfo): 'count' | 'minutes' | 'days' | 'percent' {
  if (info.unit === 'ratio') return 'percent';
  if (info.unit === 'count') return 'count';
  return info.id === 'warrantyCycle' ? 'days' : 'minutes';
}

const factor = { count: 1, minutes: 60, days: 86_400, percent: 0.01 } as const;

/** A stored target as typed in the plan editor's unit. */
export function toInput(target: number | null, info: KpiMeasureInfo): string {
  if (target === null) return '';
  return String(Math.round((target / factor[planInputUnit(info)]) * 100) / 100);
}

/** What was typed as the stored target: whole counts and seconds, shares to four places; null for empty, NaN for nonsense. */
export function fromInput(text: string, info: KpiMeasureInfo): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < 0) return Number.NaN;
  const unit = planInputUnit(info);
  if (unit === 'percent') return value > 100 ? Number.NaN : Math.round(value * 100) / 10_000;
  return Math.round(value * factor[unit]);
}
