import { kpiMeasures, type KpiMeasure, type KpiMeasureInfo } from '@dealerflow/contract';

// The measures, in the order the page shows them, and how each reads: the API contract defines them.
export { kpiMeasures, type KpiMeasure, type KpiMeasureInfo };

/** Units and directions of every measure. */
export const kpiMeasureInfo: Record<KpiMeasure, KpiMeasureInfo> = {
  leadsTaken: { id: 'leadsTaken', unit: 'count', better: 'higher' },
  responseP50: { id: 'responseP50', unit: 'seconds', better: 'lower' },
  responseP90: { id: 'responseP90', unit: 'seconds', better: 'lower' },
  conversion: { id: 'conversion', unit: 'ratio', better: 'higher' },
  tenderWinRate: { id: 'tenderWinRate', unit: 'ratio', better: 'higher' },
  warrantyCycle: { id: 'warrantyCycle', unit: 'seconds', better: 'lower' },
};

/** `YYYY-MM`, January to December. */
export const monthPattern = '^[0-9]{4}-(0[1-9]|1[0-2])$';

/** The first moment of `month` (UTC) and of the month after it. */
export function monthRange(month: string): { from: Date; to: Date } {
  const [year, index] = month.split('-').map(Number);
  return { from: new Date(Date.UTC(year, index - 1, 1)), to: new Date(Date.UTC(year, index, 1)) };
}

/** The month (UTC) `at` falls in, as `YYYY-MM`; `shift` moves it by whole months. */
export function monthOf(at: Date, shift = 0): string {
  const date = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + shift, 1));
  return date.toISOString().slice(0, 7);
}
