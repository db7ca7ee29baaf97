import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../api/apiFetch';
import type { ItemsResponse } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { StatusPanel } from '../../components/StatusPanel';
import { ExportButton } from '../../export/ExportButton';
import { formatMoney } from '../../format';
import { StockImport } from './StockImport';
import { stockExportColumns } from './vehicleExports';
import type { StockRow } from './vehicleTypes';

type Filter = Partial<Record<'model' | 'trim' | 'colour' | 'warehouse' | 'status', string>>;

/** The stock the user may see, filtered by model, trim, colour, warehouse and status. */
export function StockPanel({ canImport }: { canImport: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [filter, setFilter] = useState<Filter>({});
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as [string, string][]).toString();
  const path = `/api/stock${query ? `?${query}` : ''}`;
  const { resource, reload } = useApiResource<ItemsResponse<StockRow>>(path);
  const rows = resource.status === 'ready' ? resource.data.items : [];
  const showPrice = rows.some((v) => v.price !== undefined);
  const options = (field: 'model' | 'trim' | 'colour' | 'warehouse') => [...new Set(rows.map((v) => v[field]))].sort();
  return (
    <section aria-labelledby="stock-title" data-testid="stock-panel">
      <div className="section-header">
        <h2 id="stock-title">{t('vehicles.stock.title')}</h2>
        {resource.status === 'ready' && (
          <ExportButton<StockRow> fileName="stock" sheetName={t('vehicles.stock.title')} columns={stockExportColumns(t, rows)} fetchRows={async () => (await apiFetch<ItemsResponse<StockRow>>(path)).items} />
        )}
      </div>
      {canImport && <StockImport onImported={reload} />}
      <div className="filters" role="group" aria-label={t('vehicles.stock.filters')}>
        {(['model', 'trim', 'colour', 'warehouse'] as const).map((field) => (
          <label key={field}>
            {t(`vehicles.columns.${field}`)}
            <select value={filter[field] ?? ''} onChange={(event) => setFilter({ ...filter, [field]: event.target.value })} data-filter={field}>
              <option value="">{t('vehicles.stock.any')}</option>
              {(filter[field] ? [filter[field]!] : options(field)).map((value) => <option key={value} value={value}>{value}</option>)}
            </select>
          </label>
        ))}
        <label>
          {t('vehicles.columns.status')}
          <select value={filter.status ?? ''} onChange={(event) => setFilter({ ...filter, status: event.target.value })} data-filter="status">
            <option value="">{t('vehicles.stock.any')}</option>
            {(['free', 'reserved', 'allocated', 'ordered'] as const).map((s) => <option key={s} value={s}>{t(`vehicles.status.${s}`)}</option>)}
          </select>
        </label>
      </div>
      {resource.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && rows.length === 0 && <StatusPanel kind="empty" title={t('vehicles.stock.empty')} />}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="stock-table">
            <caption className="visually-hidden">{t('vehicles.stock.title')}</caption>
            <thead>
              <tr>
                <th scope="col">VIN</th>
                {(['model', 'trim', 'colour', 'year', 'warehouse', 'status'] as const).map((c) => <th key={c} scope="col">{t(`vehicles.columns.${c}`)}</th>)}
                {showPrice && <th scope="col" className="numeric">{t('vehicles.columns.price')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((v) => (
                <tr key={v.vin} data-vin={v.vin}>
                  <td className="mono">{v.vin}</td>
                  <td>{v.model}</td>
                  <td>{v.trim}</td>
                  <td>{v.colour}</td>
                  <td>{v.year}</td>
                  <td>{v.warehouse}</td>
                  <td>{t(`vehicles.status.${v.status}`)}</td>
                  {showPrice && <td className="numeric">{v.price === undefined ? '—' : formatMoney(v.price, language)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
