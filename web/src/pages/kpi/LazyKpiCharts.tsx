import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusPanel } from '../../components/StatusPanel';
import type { DealerKpis, KpiMeasureInfo } from './kpiTypes';

// The charting library is large and only this page draws charts: it loads on first visit.
const KpiCharts = lazy(() => import('./KpiCharts'));

/** The KPI charts, loaded on demand. */
export function LazyKpiCharts(props: { measures: KpiMeasureInfo[]; dealers: DealerKpis[] }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<StatusPanel kind="loading" title={t('status.loading')} />}>
      <KpiCharts {...props} />
    </Suspense>
  );
}
