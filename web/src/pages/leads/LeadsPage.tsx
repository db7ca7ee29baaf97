import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiFetch } from '../../api/apiFetch';
import type { ItemsResponse } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { StatusPanel } from '../../components/StatusPanel';
import { ExportButton } from '../../export/ExportButton';
import { durationParts } from '../../format';
import { leadExportColumns } from './leadExports';
import { leadStatuses, type LeadRow, type LeadStatus } from './leadTypes';

/** "45 min" left to accept an offer, ticking once a minute. */
function TimeLeft({ seconds, loadedAt }: { seconds: number; loadedAt: number }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, seconds * 1000 - (now - loadedAt));
  if (left === 0) return <span>{t('leads.over')}</span>;
  const { days, hours, minutes } = durationParts(left);
  const key = days > 0 ? 'leads.leftDays' : hours > 0 ? 'leads.left' : 'leads.leftMinutes';
  return <span data-testid="time-left">{t(key, { days, hours, minutes })}</span>;
}

/** When a lead arrived: the date and the time to the minute. */
function receivedAt(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

/** Leads: a dealer sees those offered to or taken by it, the distributor every lead; status, dealer, time left to accept, Excel export. */
export function LeadsPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [status, setStatus] = useState<LeadStatus | ''>('');
  const path = status ? `/api/leads?status=${status}` : '/api/leads';
  const { resource, reload } = useApiResource<ItemsResponse<LeadRow>>(path);
  const [loadedAt, setLoadedAt] = useState(() => Date.now());
  useEffect(() => {
    if (resource.status === 'ready') setLoadedAt(Date.now());
  }, [resource]);
  const rows = resource.status === 'ready' ? resource.data.items : [];
  return (
    <>
      <PageHeader title={t('leads.title')} description={t('leads.description')} />
      <section aria-labelledby="leads-title" data-testid="leads-panel">
        <div className="section-header">
          <h2 id="leads-title">{t('leads.listTitle')}</h2>
          <label className="filter-bar__field">
            {t('leads.columns.status')}{' '}
            <select value={status} onChange={(e) => setStatus(e.target.value as LeadStatus | '')} data-testid="lead-status-filter">
              <option value="">{t('leads.allStatuses')}</option>
              {leadStatuses.map((s) => <option key={s} value={s}>{t(`leads.status.${s}`)}</option>)}
            </select>
          </label>
          {resource.status === 'ready' && (
            <ExportButton<LeadRow> fileName="leads" sheetName={t('leads.title')} columns={leadExportColumns(t)} fetchRows={async () => (await apiFetch<ItemsResponse<LeadRow>>(path)).items} />
          )}
        </div>
        {resource.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
        {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
        {resource.status === 'ready' && rows.length === 0 && <StatusPanel kind="empty" title={t('leads.empty')} />}
        {rows.length > 0 && (
          <div className="table-wrap">
            <table className="data-table" data-testid="leads-table">
              <caption className="visually-hidden">{t('leads.listTitle')}</caption>
              <thead>
                <tr>
                  {(['case', 'received', 'customer', 'territory', 'source', 'status', 'dealer', 'left'] as const).map((c) => <th key={c} scope="col">{t(`leads.columns.${c}`)}</th>)}
                </tr>
              </thead>
              <tbody>
                {rows.map((l) => (
                  <tr key={l.id} data-case={l.caseRef}>
                    <td className="nowrap">{l.processInstanceKey ? <Link to={`/cases/${l.processInstanceKey}`}>{l.caseRef}</Link> : l.caseRef}</td>
                    <td>{receivedAt(l.createdAt, language)}</td>
                    <td>{l.customerName}<div className="muted">{l.model}</div></td>
                    <td>{[l.regionCode, l.cityCode].filter(Boolean).join(' / ')}</td>
                    <td>{t(`leads.source.${l.source}`)}</td>
                    <td><span data-testid="lead-status">{t(`leads.status.${l.status}`)}</span>{l.status === 'lost' && l.lostReason && <div className="muted" data-testid="lost-reason">{l.lostReason}</div>}</td>
                    <td>{l.dealerName ?? (l.status === 'queued' ? t('leads.distributor') : l.status === 'offered' ? t('leads.severalDealers') : '—')}</td>
                    <td>{l.status === 'offered' && l.secondsLeft !== null ? <TimeLeft seconds={l.secondsLeft} loadedAt={loadedAt} /> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
