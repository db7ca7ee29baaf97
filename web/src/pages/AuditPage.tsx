import { useTranslation } from 'react-i18next';
import type { AuditEntry, ItemsResponse } from '../api/types';
import { useApiResource } from '../api/useApiResource';
import { LoadError } from '../components/LoadError';
import { PageHeader } from '../components/PageHeader';
import { StatusPanel } from '../components/StatusPanel';
import { useSignedInSession } from '../session/useSignedInSession';
import { AuditTable } from './AuditTable';
import { ChainVerification } from './ChainVerification';

/** The tamper-evident trail and, for those allowed, a check of the whole chain. */
export function AuditPage() {
  const { t } = useTranslation();
  const { ability } = useSignedInSession();
  const { resource, reload } = useApiResource<ItemsResponse<AuditEntry>>('/api/audit?limit=100');
  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      {ability.can('verify', 'AuditEntry') && <ChainVerification />}
      {resource.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' &&
        (resource.data.items.length === 0 ? (
          <StatusPanel kind="empty" title={t('audit.empty')} />
        ) : (
          <>
            <p className="table-note">{t('audit.shown', { count: resource.data.items.length })}</p>
            <AuditTable entries={resource.data.items} />
          </>
        ))}
    </>
  );
}
