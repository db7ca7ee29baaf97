import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskDiagramView } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { StatusPanel } from '../../components/StatusPanel';

// bpmn-js is large; the viewer loads when a task page first shows a diagram.
const DiagramView = lazy(() => import('./DiagramView').then((module) => ({ default: module.DiagramView })));

/** The process diagram of a task, its current step highlighted and the steps done marked. */
export function TaskDiagramPanel({ taskKey }: { taskKey: string }) {
  const { t } = useTranslation();
  const { resource, reload } = useApiResource<TaskDiagramView>(`/api/tasks/${encodeURIComponent(taskKey)}/diagram`);
  return (
    <section className="card task-diagram" aria-labelledby="task-diagram-title">
      <h2 id="task-diagram-title" className="card__title">
        {t('task.diagram')}
      </h2>
      {resource.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <Suspense fallback={<StatusPanel kind="loading" title={t('status.loading')} />}>
          <DiagramView view={resource.data} />
          <p className="task-diagram__legend muted">
            <span className="task-diagram__key task-diagram__key--active" /> {t('task.diagramActive')}
            <span className="task-diagram__key task-diagram__key--completed" /> {t('task.diagramCompleted')}
          </p>
        </Suspense>
      )}
    </section>
  );
}
