/** The KPI measures, in the order the page shows them (the server's `kpiMeasures`). */
export const kpiMeasures = ['leadsTaken', 'responseP50', 'responseP90', 'conversion', 'tenderWinRate', 'warrantyCycle'] as const;
export type KpiMeasure = (typeof kpiMeasures)[number];

/** How a measure reads and which way is good. */
export interface KpiMeasureInfo {
  id: KpiMeasure;
  unit: 'count' | 'seconds' | 'ratio';
  better: 'higher' | 'lower';
}

/** One measure of one dealer. */
export interface KpiCell {
  plan: number | null;
  fact: number | null;
}

/** A dealer's month as `GET /api/kpi` answers it. */
export interface DealerKpis {
  dealerId: string;
  dealerName: string;
  editable: boolean;
  measures: Record<KpiMeasure, KpiCell>;
  basis: { responses: number; tendersDecided: number; claimsClosed: number };
}

/** `GET /api/kpi?month=`. */
export interface KpiReport {
  month: string;
  measures: KpiMeasureInfo[];
  dealers: DealerKpis[];
}
