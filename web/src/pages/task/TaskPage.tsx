import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { TaskDetail } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { StatusPanel } from '../../components/StatusPanel';
import { formTitle } from '../../forms/localizeSchema';
import { taskName } from '../../i18n/taskName';
import { CasePanel } from '../case/CasePanel';
import { useSignedInSession } from '../../session/useSignedInSession';
import { HeldByNotice } from './HeldByNotice';
import { TaskDiagramPanel } from './TaskDiagramPanel';
import { TaskForm } from './TaskForm';
import { TaskHeader } from './TaskHeader';

/** One task: its header (claim, release, assign), its form (complete or save a draft), its diagram, and the case beside it. */
export function TaskPage() {
  const { t, i18n } = useTranslation();
  const { taskKey = '' } = useParams();
  const { user } = useSignedInSession();
  const { resource, reload, refresh } = useApiResource<TaskDetail>(`/api/tasks/${encodeURIComponent(taskKey)}`);
  const language = i18n.resolvedLanguage ?? i18n.language;
  if (resource.status === 'loading') return <StatusPanel kind="loading" title={t('status.loading')} />;
  if (resource.status === 'error') return <LoadError error={resource.error} onRetry={reload} />;
  const { task, form } = resource.data;
  const heldByColleague = task.state === 'open' && !!task.assignee && task.assignee !== user.username;
  return (
    <>
      <PageHeader title={taskName(t, task)} description={form ? formTitle(form.title, language) : undefined} />
      <div className="split">
        <div className="split__main">
          <TaskHeader task={task} onChanged={refresh} />
          <TaskDiagramPanel taskKey={task.key} />
          <section className="card" aria-label={t('task.form')}>
            {task.state !== 'open' ? (
              <StatusPanel kind="info" title={t('task.notOpen')} />
            ) : (
              <>
                {heldByColleague && <HeldByNotice task={task} onTaken={refresh} />}
                <TaskForm detail={resource.data} readOnly={heldByColleague} />
              </>
            )}
          </section>
        </div>
        <CasePanel processInstanceKey={task.processInstanceKey} />
      </div>
    </>
  );
}
