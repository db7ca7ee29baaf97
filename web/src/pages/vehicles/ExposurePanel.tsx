import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { StatusPanel } from '../../components/StatusPanel';
import { formatDecimal, formatMoney } from '../../format';
import { LedgerPanel } from './LedgerPanel';
import type { ExposureView } from './vehicleTypes';

const parts = ['openDebt', 'pendingReservations'] as const;

/** A dealer's exposure: limit, debt, reservations and overdraft, with a bar against the allowed amount. */
export function ExposurePanel({ dealers, initialDealer, canBook }: { dealers: [string, string][]; initialDealer: string; canBook: boolean }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [dealerId, setDealerId] = useState(initialDealer);
  const { resource, reload } = useApiResource<ExposureView>(`/api/finance/exposure/${encodeURIComponent(dealerId)}`);
  const allowed = resource.status === 'ready' ? resource.data.creditLimit + resource.data.overdraft : 0;
  const scale = resource.status === 'ready' ? Math.max(allowed, resource.data.total, 1) : 1;
  return (
    <section aria-labelledby="exposure-title" data-testid="exposure-panel">
      <div className="section-header">
        <h2 id="exposure-title">{t('vehicles.exposure.title')}</h2>
        {dealers.length > 1 && (
          <label>
            {t('vehicles.columns.dealer')}
            <select value={dealerId} onChange={(event) => setDealerId(event.target.value)} data-filter="dealer">
              {dealers.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
            </select>
          </label>
        )}
      </div>
      {resource.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <>
          <div className="exposure-bar" role="img" aria-label={t('vehicles.exposure.chart', { used: formatDecimal(resource.data.utilisation * 100, language, 0) })}>
            {parts.map((part) => (
              <span key={part} className={`exposure-bar__${part}`} style={{ width: `${(Math.max(0, resource.data[part]) / scale) * 100}%` }} title={t(`vehicles.exposure.${part}`)} />
            ))}
            <span className="exposure-bar__limit" style={{ left: `${(allowed / scale) * 100}%` }} />
          </div>
          <dl className="exposure-figures">
            {(['creditLimit', 'overdraft', 'openDebt', 'pendingReservations', 'headroom'] as const).map((field) => (
              <div key={field} data-field={field}>
                <dt>{t(`vehicles.exposure.${field}`)}</dt>
                <dd>{formatMoney(resource.data[field], language)}</dd>
              </div>
            ))}
          </dl>
          <LedgerPanel key={dealerId} dealerId={dealerId} canBook={canBook} onBooked={reload} />
        </>
      )}
    </section>
  );
}
