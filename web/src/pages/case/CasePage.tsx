import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ItemsResponse, ProcessInstance } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { StatusPanel } from '../../components/StatusPanel';
import { formatDateTime } from '../../format';
import type { InstanceDetail, InstanceDiagramSource } from '@dealerflow/contract';
import { useDealerNames } from '../useDealerNames';
import { AuditEvidenceButton } from '../AuditEvidenceButton';
import { useSignedInSession } from '../../session/useSignedInSession';
import { CaseDiagram } from './CaseDiagram';
import { CasePanel } from './CasePanel';
import { CaseTimeline } from './CaseTimeline';
import '../instances/instances.css';

/** A case on its own page: where it is now and how it got there, its diagram, and beside them its data, comments and files. */
export function CasePage() {
  const { t, i18n } = useTranslation();
  const { instanceKey = '' } = useParams();
  const [caseRef, setCaseRef] = useState('');
  const dealers = useDealerNames();
  const { ability } = useSignedInSession();
  const readsAudit = ability.can('read', 'AuditEntry');
  const path = `/api/process-instances/${encodeURIComponent(instanceKey)}`;
  const detail = useApiResource<InstanceDetail>(path).resource;
  const diagram = useApiResource<InstanceDiagramSource>(`${path}/diagram`);
  const processes = useApiResource<ItemsResponse<{ bpmnProcessId: string; name: string }>>('/api/cases/processes').resource;
  const onLoad = useCallback((instance: ProcessInstance) => {
    if (typeof instance.variables.caseRef === 'string') setCaseRef(instance.variables.caseRef);
  }, []);
  const ready = detail.status === 'ready' ? detail.data : null;
  const description = ready
    ? [t(`cases.processes.${ready.bpmnProcessId}`, { defaultValue: processes.status === 'ready' ? (processes.data.items.find((p) => p.bpmnProcessId === ready.bpmnProcessId)?.name ?? '') : '' }), ready.dealerId ? (dealers.get(ready.dealerId) ?? '') : '', ready.startedAt ? t('case.filedAt', { at: formatDateTime(ready.startedAt, i18n.language) }) : '']
        .filter(Boolean).join(' · ')
    : undefined;
  return (
    <>
      <PageHeader
        title={t('case.pageTitle', { key: caseRef || instanceKey })}
        description={description}
        actions={
          <>
            {readsAudit && <Link className="button button--secondary" to={`/audit?instanceKey=${encodeURIComponent(instanceKey)}`}>{t('audit.openTrail')}</Link>}
            {readsAudit && <AuditEvidenceButton instanceKey={instanceKey} />}
            <Link className="button button--ghost" to="/cases">{t('case.backToCases')}</Link>
          </>
        }
      />
      <div className="case-page">
        <div className="case-page__main">
          {ready && diagram.resource.status === 'ready' && <CaseTimeline detail={ready} xml={diagram.resource.data.xml} />}
          {ready && diagram.resource.status === 'ready' && <CaseDiagram detail={ready} xml={diagram.resource.data.xml} />}
          {(detail.status === 'loading' || diagram.resource.status === 'loading') && <StatusPanel kind="loading" title={t('status.loading')} />}
          {diagram.resource.status === 'error' && <LoadError error={diagram.resource.error} onRetry={diagram.reload} />}
        </div>
        <CasePanel processInstanceKey={instanceKey} onLoad={onLoad} />
      </div>
    </>
  );
}
