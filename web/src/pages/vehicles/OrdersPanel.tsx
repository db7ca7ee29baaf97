import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiFetch } from '../../api/apiFetch';
import type { ItemsResponse } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { StatusPanel } from '../../components/StatusPanel';
import { ExportButton } from '../../export/ExportButton';
import { formatDateTime, formatMoney } from '../../format';
import { orderExportColumns } from './vehicleExports';
import type { OrderRow } from './vehicleTypes';

/** The orders the user may see ("my orders" for a dealer), newest first. */
export function OrdersPanel({ dealerName }: { dealerName: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { resource, reload } = useApiResource<ItemsResponse<OrderRow>>('/api/orders');
  const rows = resource.status === 'ready' ? resource.data.items : [];
  const showAmount = rows.some((o) => o.amount !== undefined);
  return (
    <section aria-labelledby="orders-title" data-testid="orders-panel">
      <div className="section-header">
        <h2 id="orders-title">{t('vehicles.orders.title')}</h2>
        {resource.status === 'ready' && (
          <ExportButton<OrderRow> fileName="orders" sheetName={t('vehicles.orders.title')} columns={orderExportColumns(t, rows, dealerName)} fetchRows={async () => (await apiFetch<ItemsResponse<OrderRow>>('/api/orders')).items} />
        )}
      </div>
      {resource.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && rows.length === 0 && <StatusPanel kind="empty" title={t('vehicles.orders.empty')} />}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="orders-table">
            <caption className="visually-hidden">{t('vehicles.orders.title')}</caption>
            <thead>
              <tr>
                {(['order', 'dealer', 'case', 'orderStatus', 'createdAt'] as const).map((c) => <th key={c} scope="col">{t(`vehicles.columns.${c}`)}</th>)}
                <th scope="col">VIN</th>
                {showAmount && <th scope="col" className="numeric">{t('vehicles.columns.amount')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id} data-order={o.number}>
                  <td className="mono">{o.number}</td>
                  <td>{dealerName(o.dealerId)}</td>
                  <td><Link to={`/instances?q=${encodeURIComponent(o.caseRef)}`}>{o.caseRef}</Link></td>
                  <td>{t(`vehicles.orderStatus.${o.status}`)}</td>
                  <td>{formatDateTime(o.createdAt, language)}</td>
                  <td className="mono">{o.vins.join(', ')}</td>
                  {showAmount && <td className="numeric">{o.amount === undefined ? '—' : formatMoney(o.amount, language)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
