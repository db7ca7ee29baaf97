import { subject } from '@casl/ability';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiFetch } from '../../api/apiFetch';
import type { ItemsResponse } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { StatusPanel } from '../../components/StatusPanel';
import { ExportButton } from '../../export/ExportButton';
import { useSignedInSession } from '../../session/useSignedInSession';
import { useDealerNames } from '../useDealerNames';
import { ExtendLock } from './ExtendLock';
import { TenderCatalogPanel } from './TenderCatalogPanel';
import { tenderExportColumns } from './tenderExports';
import { formatDay, productsText, tenderStatus } from './tenderStatus';
import type { TenderProduct, TenderRow } from './tenderTypes';

/** Tenders: a dealer's own applications with their status and lock expiry; the distributor sees all and extends locks. */
export function TendersPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { user, ability } = useSignedInSession();
  const names = useDealerNames();
  const dealerName = (id: string) => names.get(id) ?? id;
  const { resource, reload } = useApiResource<ItemsResponse<TenderRow>>('/api/tenders');
  const { resource: products, refresh: refreshProducts } = useApiResource<ItemsResponse<TenderProduct>>('/api/tenders/products');
  const productName = (code: string) => (products.status === 'ready' ? products.data.items.find((p) => p.code === code)?.name : undefined) ?? code;
  const rows = resource.status === 'ready' ? resource.data.items : [];
  const showDealer = !user.dealerId;
  const mayExtend = (row: TenderRow) => row.state === 'locked' && ability.can('update', subject('Tender', { ...row, approverGroup: 'sales' }));
  return (
    <>
      <PageHeader title={t('tenders.title')} description={t(user.dealerId ? 'tenders.descriptionDealer' : 'tenders.description')} />
      <section aria-labelledby="tenders-title" data-testid="tenders-panel">
        <div className="section-header">
          <h2 id="tenders-title">{t(user.dealerId ? 'tenders.mine' : 'tenders.all')}</h2>
          {resource.status === 'ready' && (
            <ExportButton<TenderRow> fileName="tenders" sheetName={t('tenders.title')} columns={tenderExportColumns(t, language, showDealer, dealerName, productName)} fetchRows={async () => (await apiFetch<ItemsResponse<TenderRow>>('/api/tenders')).items} />
          )}
        </div>
        {resource.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
        {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
        {resource.status === 'ready' && rows.length === 0 && <StatusPanel kind="empty" title={t('tenders.empty')} />}
        {rows.length > 0 && (
          <div className="table-wrap">
            <table className="data-table data-table--dense" data-testid="tenders-table">
              <caption className="visually-hidden">{t('tenders.title')}</caption>
              <thead>
                <tr>
                  {(['case', 'number', 'customer', 'object'] as const).map((c) => <th key={c} scope="col">{t(`tenders.columns.${c}`)}</th>)}
                  {showDealer && <th scope="col">{t('tenders.columns.dealer')}</th>}
                  <th scope="col">{t('tenders.columns.status')}</th>
                  <th scope="col">{t('tenders.columns.until')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} data-case={r.caseRef} data-state={r.state}>
                    <td className="nowrap"><Link to={`/cases/${r.processInstanceKey}`} className="mono">{r.caseRef}</Link></td>
                    <td>
                      <span className="mono">{r.tenderNumber}</span>
                      <div className="muted">{t(`tenders.platform.${r.platform}`, { defaultValue: r.platform })}</div>
                    </td>
                    <td>
                      {r.customerName}
                      <div className="muted">{t('tenders.innShort', { inn: r.customerInn })}</div>
                    </td>
                    <td>
                      {r.tenderObject}
                      <div className="muted">{productsText(r, productName)}</div>
                    </td>
                    {showDealer && <td>{dealerName(r.dealerId)}</td>}
                    <td data-testid="tender-status">{tenderStatus(t, r, language)}</td>
                    <td>
                      {r.state === 'locked' ? formatDay(r.heldUntil, language) : '—'}
                      {r.extensions > 0 && <div className="muted">{t('tenders.extended')}</div>}
                      {mayExtend(r) && <ExtendLock row={r} onDone={reload} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {ability.can('update', 'TenderProduct') && <TenderCatalogPanel products={products} onChange={refreshProducts} />}
    </>
  );
}
