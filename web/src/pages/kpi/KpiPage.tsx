import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../api/apiFetch';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { StatusPanel } from '../../components/StatusPanel';
import { ExportButton } from '../../export/ExportButton';
import { useSignedInSession } from '../../session/useSignedInSession';
import { kpiExportColumns } from './kpiExports';
import { KpiTable } from './KpiTable';
import type { DealerKpis, KpiReport } from './kpiTypes';
import { DealerPicker } from './DealerPicker';
import { LazyKpiCharts } from './LazyKpiCharts';
import { MonthPicker, monthFromNow } from './MonthPicker';
import { usePlanEditor } from './usePlanEditor';
import './kpi.css';

/** Dealer KPIs: plan vs. fact of a month per dealer (a dealer sees its own), as charts and a table; Excel export; plans edited in place by whoever may set them. */
export function KpiPage() {
  const { t } = useTranslation();
  const { user } = useSignedInSession();
  const [month, setMonth] = useState(() => monthFromNow());
  const [dealerId, setDealerId] = useState('');
  const path = `/api/kpi?${new URLSearchParams({ month, ...(dealerId && { dealerId }) })}`;
  const { resource, reload, refresh } = useApiResource<KpiReport>(path);
  const report = resource.status === 'ready' ? resource.data : null;
  const editor = usePlanEditor(report, refresh);
  const mayEdit = report?.dealers.some((d) => d.editable) ?? false;
  return (
    <>
      <PageHeader title={t('kpi.title')} description={t(user.dealerId ? 'kpi.descriptionDealer' : 'kpi.description')} />
      <div className="section-header kpi-toolbar">
        <MonthPicker value={month} onChange={(next) => { editor.cancel(); setMonth(next); }} />
        {!user.dealerId && <DealerPicker value={dealerId} onChange={(next) => { editor.cancel(); setDealerId(next); }} />}
        {report && (
          <ExportButton<DealerKpis> fileName={`kpi-${report.month}`} sheetName={t('kpi.sheet', { month: report.month })} columns={kpiExportColumns(t, report.measures)} fetchRows={async () => (await apiFetch<KpiReport>(path)).dealers} />
        )}
      </div>
      {resource.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {report && report.dealers.length === 0 && <StatusPanel kind="empty" title={t('kpi.empty')} />}
      {report && report.dealers.length > 0 && (
        <>
          <section aria-labelledby="kpi-table-title" data-testid="kpi-panel">
            <div className="section-header">
              <h2 id="kpi-table-title">{t('kpi.tableTitle')}</h2>
              {mayEdit && !editor.draft && <button type="button" className="button button--secondary" onClick={editor.open}>{t('kpi.editPlans')}</button>}
              {editor.draft && (
                <span className="kpi-edit-actions">
                  <button type="button" className="button button--primary" onClick={() => void editor.save()} disabled={editor.busy}>{t('kpi.savePlans')}</button>
                  <button type="button" className="button button--secondary" onClick={editor.cancel} disabled={editor.busy}>{t('kpi.cancel')}</button>
                </span>
              )}
            </div>
            {editor.message && <p className={editor.message.kind === 'error' ? 'form-error' : 'kpi-saved'} role={editor.message.kind === 'error' ? 'alert' : 'status'}>{editor.message.text}</p>}
            <KpiTable measures={report.measures} dealers={report.dealers} draft={editor.draft} onDraft={editor.change} />
          </section>
          <section aria-labelledby="kpi-charts-title">
            <h2 id="kpi-charts-title">{t('kpi.chartsTitle')}</h2>
            <LazyKpiCharts measures={report.measures} dealers={report.dealers} />
          </section>
        </>
      )}
    </>
  );
}
