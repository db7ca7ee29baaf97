import { useTranslation } from 'react-i18next';
import { LoadError } from '../components/LoadError';
import { PageHeader } from '../components/PageHeader';
import { StatusPanel } from '../components/StatusPanel';
import type { AuditEntry } from '../api/types';
import { ExportButton } from '../export/ExportButton';
import { auditExportColumns, fetchWholeTrail } from './auditExport';
import { useSignedInSession } from '../session/useSignedInSession';
import { AuditTable } from './AuditTable';
import { ChainVerification } from './ChainVerification';
import { useAuditTrail } from './useAuditTrail';

/** The tamper-evident trail, oldest first in pages of 100, and for those allowed a check of the whole chain. */
export function AuditPage() {
  const { t } = useTranslation();
  const { ability } = useSignedInSession();
  const { trail, loadMore, reload } = useAuditTrail(100);
  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        actions={<ExportButton<AuditEntry> fileName="audit" sheetName={t('audit.title')} columns={auditExportColumns(t)} fetchRows={fetchWholeTrail} />}
      />
      {ability.can('verify', 'AuditEntry') && <ChainVerification />}
      {trail.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {trail.status === 'error' && <LoadError error={trail.error} onRetry={reload} />}
      {trail.status === 'ready' &&
        (trail.entries.length === 0 ? (
          <StatusPanel kind="empty" title={t('audit.empty')} />
        ) : (
          <>
            <p className="table-note">{t('audit.shown', { count: trail.entries.length })}</p>
            <AuditTable entries={trail.entries} />
            {trail.moreError !== undefined && (
              <p className="table-note table-note--error" role="alert">
                {t('status.loadFailed')}
              </p>
            )}
            {trail.more && (
              <div className="table-footer">
                <button type="button" className="button button--secondary" onClick={loadMore} disabled={trail.loadingMore}>
                  {trail.loadingMore ? t('status.loading') : t('audit.loadMore')}
                </button>
              </div>
            )}
          </>
        ))}
    </>
  );
}
