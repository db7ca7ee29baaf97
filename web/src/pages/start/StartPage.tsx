import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiFetch } from '../../api/apiFetch';
import { describeError } from '../../api/describeError';
import type { ItemsResponse, StartableProcess, StartedCase } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { StatusPanel } from '../../components/StatusPanel';
import { LazyDynamicForm as DynamicForm } from '../../forms/LazyDynamicForm';
import { formTitle } from '../../forms/localizeSchema';
import { ProcessPicker } from './ProcessPicker';

/** Starts a process: pick one the user may start, fill its start form, get the case reference. */
export function StartPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { resource, reload } = useApiResource<ItemsResponse<StartableProcess>>('/api/processes');
  const [chosen, setChosen] = useState<string | null>(null);
  const [started, setStarted] = useState<StartedCase | null>(null);
  const processes = resource.status === 'ready' ? resource.data.items : [];
  const process = processes.find((item) => item.bpmnProcessId === chosen) ?? (processes.length === 1 ? processes[0] : undefined);
  const start = async (variables: Record<string, unknown>) => {
    if (!process) return;
    setStarted(await apiFetch<StartedCase>('/api/process-instances', { method: 'POST', body: { bpmnProcessId: process.bpmnProcessId, variables } }));
  };
  return (
    <>
      <PageHeader title={t('nav.start')} description={t('start.description')} />
      {resource.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && processes.length === 0 && <StatusPanel kind="empty" title={t('start.empty')} />}
      {started && (
        <div className="notice notice--success" role="status" data-testid="start-result">
          {t('start.started')}{' '}
          <Link to={`/cases/${encodeURIComponent(started.instanceKey)}`} className="mono" data-testid="case-link">
            {started.caseRef}
          </Link>
        </div>
      )}
      {processes.length > 0 && (
        <div className="split split--start">
          <ProcessPicker
            processes={processes}
            chosen={process?.bpmnProcessId ?? null}
            onChoose={(id) => {
              setChosen(id);
              setStarted(null);
            }}
          />
          <section className="card split__main" aria-label={t('start.form')}>
            {!process && <StatusPanel kind="info" title={t('start.choose')} />}
            {process && !process.startForm && (
              <DynamicForm key={process.bpmnProcessId} form={{ id: 'none', title: { ru: '', en: '' }, schema: { type: 'object', properties: {} } }} submitLabel={t('start.submit')} onSubmit={start} describeError={(error) => describeError(t, error)} />
            )}
            {process?.startForm && !started && (
              <>
                <h2 className="card__title">{formTitle(process.startForm.title, language)}</h2>
                <DynamicForm key={process.bpmnProcessId} form={process.startForm} submitLabel={t('start.submit')} onSubmit={start} describeError={(error) => describeError(t, error)} />
              </>
            )}
            {started && (
              <button type="button" className="button button--secondary" onClick={() => setStarted(null)}>
                {t('start.another')}
              </button>
            )}
          </section>
        </div>
      )}
    </>
  );
}
