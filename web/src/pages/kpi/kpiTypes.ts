import type { KpiMeasure } from '@dealerflow/contract';

export type { DealerKpis, KpiCell, KpiMeasure, KpiMeasureInfo, KpiReport } from '@dealerflow/contract';

/** The KPI measures, in the order the page shows them (the contract's `kpiMeasures`, kept here so the page loads no schema code). */
export const kpiMeasures = ['leadsTaken', 'responseP50', 'responseP90', 'conversion', 'tenderWinRate', 'warrantyCycle'] as const satisfies readonly KpiMeasure[];
