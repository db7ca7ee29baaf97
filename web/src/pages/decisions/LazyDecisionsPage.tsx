import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusPanel } from '../../components/StatusPanel';

// dmn-js is large and only process admins edit rules, so it loads on first visit.
const DecisionsPage = lazy(() => import('./DecisionsPage').then((module) => ({ default: module.DecisionsPage })));

/** The decision table editor, loaded on demand. */
export function LazyDecisionsPage() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<StatusPanel kind="loading" title={t('status.loading')} />}>
      <DecisionsPage />
    </Suspense>
  );
}
