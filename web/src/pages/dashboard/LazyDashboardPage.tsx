import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusPanel } from '../../components/StatusPanel';

// The chart library is large and only process admins open the dashboard: it loads on first visit.
const DashboardPage = lazy(() => import('./DashboardPage').then((module) => ({ default: module.DashboardPage })));

/** The dashboard, loaded on demand, with a loading panel meanwhile. */
export function LazyDashboardPage() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<StatusPanel kind="loading" title={t('status.loading')} />}>
      <DashboardPage />
    </Suspense>
  );
}
