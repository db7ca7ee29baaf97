import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusPanel } from '../../components/StatusPanel';
import type { InstanceDetail, ProcessHeatmap } from '@dealerflow/contract';

// The BPMN viewer is large and only admins watching an instance need it: it loads on first use.
const InstanceDiagram = lazy(() => import('./InstanceDiagram').then((module) => ({ default: module.InstanceDiagram })));

/** The instance diagram, loaded on demand, with a loading panel meanwhile. */
export function LazyInstanceDiagram(props: { xml: string; detail: InstanceDetail; heatmap: ProcessHeatmap | null }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<StatusPanel kind="loading" title={t('status.loading')} />}>
      <InstanceDiagram {...props} />
    </Suspense>
  );
}
