import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessInstance } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { StatusPanel } from '../../components/StatusPanel';
import { CaseAttachments } from './CaseAttachments';
import { CaseComments } from './CaseComments';
import { CaseVariables } from './CaseVariables';

/** The case beside a task or on its own page: state, variables, comments and files. */
export function CasePanel({ processInstanceKey, onLoad }: { processInstanceKey: string; onLoad?: (instance: ProcessInstance) => void }) {
  const { t } = useTranslation();
  const { resource, reload } = useApiResource<ProcessInstance>(`/api/process-instances/${encodeURIComponent(processInstanceKey)}`);
  const people = resource.status === 'ready' ? resource.data.people : {};
  useEffect(() => {
    if (resource.status === 'ready') onLoad?.(resource.data);
  }, [resource, onLoad]);
  return (
    <aside className="card case-panel" aria-label={t('case.title')}>
      {resource.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <section className="case-section" aria-labelledby="case-variables">
          <h2 id="case-variables" className="case-section__title">
            {t('case.title')}{' '}
            <span className={`badge badge--${resource.data.state.toLowerCase()}`} data-testid="case-state" data-state={resource.data.state}>
              {t(`case.state.${resource.data.state}`)}
            </span>
          </h2>
          <CaseVariables variables={resource.data.variables} people={people} />
        </section>
      )}
      <CaseComments processInstanceKey={processInstanceKey} people={people} />
      <CaseAttachments processInstanceKey={processInstanceKey} people={people} />
    </aside>
  );
}
