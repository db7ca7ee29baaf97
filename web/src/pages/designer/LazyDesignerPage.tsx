import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusPanel } from '../../components/StatusPanel';

// The modeler is most of the bundle; only process admins open it, so it loads on first visit.
const DesignerPage = lazy(() => import('./DesignerPage').then((module) => ({ default: module.DesignerPage })));

/** The designer page, loaded on demand, with a loading panel meanwhile. */
export function LazyDesignerPage() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<StatusPanel kind="loading" title={t('status.loading')} />}>
      <DesignerPage />
    </Suspense>
  );
}
