import { useTranslation } from 'react-i18next';
import { LoadError } from '../components/LoadError';
import { PageHeader } from '../components/PageHeader';
import { StatusPanel } from '../components/StatusPanel';
import { ExportButton } from '../export/ExportButton';
import { useSignedInSession } from '../session/useSignedInSession';
import { AuditEvidenceButton } from './AuditEvidenceButton';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditTable } from './AuditTable';
import { auditExportColumns, fetchFilteredTrail } from './auditExport';
import { ChainVerification } from './ChainVerification';
import { useAuditFilters, useAuditTrail, type AuditEntryView } from './useAuditTrail';
import './audit.css';

/** The tamper-evident trail, newest first and filtered; for one case, its evidence as a PDF; for those allowed, a check of the whole chain. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const { ability } = useSignedInSession();
  const [filters, setFilters] = useAuditFilters();
  const { trail, loadMore, reload } = useAuditTrail(filters, 50);
  const filtered = Object.values(filters).some((value) => value !== '');
  // One case: the key from the address, or the case every shown entry belongs to when filtered by reference.
  const caseKey = filters.instanceKey || (filters.caseRef && trail.status === 'ready' ? trail.entries.find((e) => e.case)?.case?.instanceKey : undefined);
  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        actions={
          <>
            {caseKey && <AuditEvidenceButton instanceKey={caseKey} />}
            <ExportButton<AuditEntryView> fileName="audit" sheetName={t('audit.title')} columns={auditExportColumns(t, i18n.resolvedLanguage ?? i18n.language)} fetchRows={() => fetchFilteredTrail(filters)} />
          </>
        }
      />
      {ability.can('verify', 'AuditEntry') && <ChainVerification />}
      <AuditFilterBar filters={filters} onChange={setFilters} />
      {trail.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {trail.status === 'error' && <LoadError error={trail.error} onRetry={reload} />}
      {trail.status === 'ready' &&
        (trail.entries.length === 0 ? (
          <StatusPanel kind="empty" title={t(filtered ? 'audit.filteredEmpty' : 'audit.empty')} />
        ) : (
          <>
            <p className="table-note">{t('audit.shown', { count: trail.entries.length })}</p>
            <AuditTable entries={trail.entries} />
            {trail.moreError !== undefined && (
              <p className="table-note table-note--error" role="alert">
                {t('status.loadFailed')}
              </p>
            )}
            {trail.cursor && (
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
