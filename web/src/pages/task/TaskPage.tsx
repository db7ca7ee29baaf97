import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { apiFetch } from '../../api/apiFetch';
import { describeError } from '../../api/describeError';
import type { TaskDetail } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { StatusPanel } from '../../components/StatusPanel';
import { LazyDynamicForm as DynamicForm } from '../../forms/LazyDynamicForm';
import { formTitle } from '../../forms/localizeSchema';
import { CasePanel } from '../case/CasePanel';
import { TaskHeader } from './TaskHeader';

/** One task: its header with claim/unclaim, its form (submit completes it), and the case beside it. */
export function TaskPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { taskKey = '' } = useParams();
  const { resource, reload, refresh } = useApiResource<TaskDetail>(`/api/tasks/${encodeURIComponent(taskKey)}`);
  const language = i18n.resolvedLanguage ?? i18n.language;
  if (resource.status === 'loading') return <StatusPanel kind="loading" title={t('status.loading')} />;
  if (resource.status === 'error') return <LoadError error={resource.error} onRetry={reload} />;
  const { task, form, data, hidden } = resource.data;
  const complete = async (variables: Record<string, unknown>) => {
    await apiFetch(`/api/tasks/${encodeURIComponent(task.key)}/complete`, { method: 'POST', body: { variables } });
    void navigate('/inbox', { state: { completed: task.name } });
  };
  return (
    <>
      <PageHeader title={task.name} description={form ? formTitle(form.title, language) : undefined} />
      <div className="split">
        <div className="split__main">
          <TaskHeader task={task} onChanged={refresh} />
          <section className="card" aria-label={t('task.form')}>
            {task.state !== 'open' ? (
              <StatusPanel kind="info" title={t('task.notOpen')} />
            ) : form ? (
              <DynamicForm key={task.key} form={form} initialData={data} hidden={hidden} submitLabel={t('task.complete')} onSubmit={complete} describeError={(error) => describeError(t, error)} />
            ) : (
              <DynamicForm key={task.key} form={{ id: 'empty', title: '', schema: { type: 'object', properties: {} } }} submitLabel={t('task.complete')} onSubmit={complete} describeError={(error) => describeError(t, error)} />
            )}
          </section>
        </div>
        <CasePanel processInstanceKey={task.processInstanceKey} />
      </div>
    </>
  );
}
