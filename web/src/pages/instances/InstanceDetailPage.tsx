import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { StatusPanel } from '../../components/StatusPanel';
import { formatDateTime } from '../../format';
import { useSignedInSession } from '../../session/useSignedInSession';
import { useDealerNames } from '../useDealerNames';
import { CancelInstanceButton } from './CancelInstanceButton';
import { DiagramPanel } from './DiagramPanel';
import { diagramNames, elementNamer } from './elementName';
import { IncidentList } from './IncidentList';
import { WorkerWaitList } from './WorkerWaitList';
import { InstanceHistory } from './InstanceHistory';
import { VariablesTable } from './VariablesTable';
import type { InstanceDetail, InstanceDiagramSource } from '@dealerflow/contract';
import { useWhileActive } from './useWhileActive';
import './instances.css';

/** One instance for the admin: diagram with path, tokens and incidents (or the heatmap), incidents to retry, variables, history. */
export function InstanceDetailPage() {
  const { t, i18n } = useTranslation();
  const { instanceKey = '' } = useParams();
  const { ability } = useSignedInSession();
  const dealers = useDealerNames();
  const { resource, reload, refresh } = useApiResource<InstanceDetail>(`/api/process-instances/${encodeURIComponent(instanceKey)}`);
  const detail = resource.status === 'ready' ? resource.data : null;
  const diagram = useApiResource<InstanceDiagramSource>(`/api/process-instances/${encodeURIComponent(instanceKey)}/diagram`);
  const xml = diagram.resource.status === 'ready' ? diagram.resource.data.xml : null;
  const names = useMemo(() => (xml ? diagramNames(xml) : undefined), [xml]);
  const name = elementNamer(t, detail?.bpmnProcessId ?? '', names);
  useWhileActive(detail?.state === 'ACTIVE', refresh);
  const mayManage = ability.can('manage', 'ProcessInstance');
  const state = detail?.state.toLowerCase();
  return (
    <>
      <PageHeader
        title={t('instances.detailTitle', { ref: detail?.caseRef ?? instanceKey })}
        description={detail ? t('instances.detailDescription', { process: t(`cases.processes.${detail.bpmnProcessId}`, { defaultValue: names?.get(detail.bpmnProcessId) ?? detail.bpmnProcessId }), version: detail.version, key: detail.processInstanceKey }) : undefined}
        actions={
          <>
            <Link className="button button--ghost" to="/instances">{t('instances.backToList')}</Link>
            {detail?.state === 'ACTIVE' && mayManage && <CancelInstanceButton instanceKey={instanceKey} onCancelled={refresh} />}
          </>
        }
      />
      {resource.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {detail && (
        <div className="instance-layout">
          <dl className="facts instance-facts" data-testid="instance-facts">
            <div><dt>{t('instances.columns.state')}</dt><dd><span className={`badge badge--${state}`} data-testid="instance-state" data-state={detail.state}>{t(`instances.state.${state}`)}</span></dd></div>
            <div><dt>{t('instances.columns.dealer')}</dt><dd>{detail.dealerId ? (dealers.get(detail.dealerId) ?? detail.dealerId) : '—'}</dd></div>
            <div><dt>{t('instances.columns.started')}</dt><dd>{detail.startedAt ? formatDateTime(detail.startedAt, i18n.language) : '—'}</dd></div>
            <div><dt>{t('instances.columns.ended')}</dt><dd>{detail.endedAt ? formatDateTime(detail.endedAt, i18n.language) : '—'}</dd></div>
            <div><dt>{t('instances.columns.incidents')}</dt><dd>{detail.incidents.length}</dd></div>
          </dl>
          <DiagramPanel detail={detail} diagram={diagram.resource} onReload={diagram.reload} name={name} />
          {(detail.waitingForWorker ?? []).length > 0 && <WorkerWaitList waits={detail.waitingForWorker} name={name} />}
          {(detail.incidents.length > 0 || detail.state === 'ACTIVE') && <IncidentList incidents={detail.incidents} name={name} mayRetry={mayManage} onRetried={refresh} />}
          <section className="card instance-section" aria-labelledby="instance-variables">
            <h2 id="instance-variables" className="card__title">{t('instances.variables')}</h2>
            <VariablesTable variables={detail.variables} />
          </section>
          <InstanceHistory history={detail.history} name={name} />
        </div>
      )}
    </>
  );
}
