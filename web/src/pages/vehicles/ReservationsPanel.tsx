import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiFetch } from '../../api/apiFetch';
import type { ItemsResponse } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { StatusPanel } from '../../components/StatusPanel';
import { ExportButton } from '../../export/ExportButton';
import { durationParts, formatMoney } from '../../format';
import { reservationExportColumns } from './vehicleExports';
import type { ReservationRow } from './vehicleTypes';

/** "2 d 4 h" left until a hold ends, ticking once a minute. */
function Countdown({ seconds, loadedAt }: { seconds: number; loadedAt: number }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, seconds * 1000 - (now - loadedAt));
  if (left === 0) return <span>{t('vehicles.reservations.over')}</span>;
  const { days, hours, minutes } = durationParts(left);
  return <span data-testid="countdown">{t('vehicles.reservations.left', { days, hours, minutes })}</span>;
}

/** Reservations the user may see, with the time each hold has left. */
export function ReservationsPanel({ dealerName }: { dealerName: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { resource, reload } = useApiResource<ItemsResponse<ReservationRow>>('/api/reservations');
  const [loadedAt] = useState(() => Date.now());
  const rows = resource.status === 'ready' ? resource.data.items : [];
  const showAmount = rows.some((r) => r.amount !== undefined);
  return (
    <section aria-labelledby="reservations-title" data-testid="reservations-panel">
      <div className="section-header">
        <h2 id="reservations-title">{t('vehicles.reservations.title')}</h2>
        {resource.status === 'ready' && (
          <ExportButton<ReservationRow> fileName="reservations" sheetName={t('vehicles.reservations.title')} columns={reservationExportColumns(t, rows, dealerName)} fetchRows={async () => (await apiFetch<ItemsResponse<ReservationRow>>('/api/reservations')).items} />
        )}
      </div>
      {resource.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && rows.length === 0 && <StatusPanel kind="empty" title={t('vehicles.reservations.empty')} />}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="reservations-table">
            <caption className="visually-hidden">{t('vehicles.reservations.title')}</caption>
            <thead>
              <tr>
                {(['case', 'dealer', 'state', 'left'] as const).map((c) => <th key={c} scope="col">{t(`vehicles.columns.${c}`)}</th>)}
                <th scope="col">VIN</th>
                {showAmount && <th scope="col" className="numeric">{t('vehicles.columns.amount')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-case={r.caseRef}>
                  <td><Link to={`/cases/${r.processInstanceKey}`}>{r.caseRef}</Link></td>
                  <td>{dealerName(r.dealerId)}</td>
                  <td>{t(`vehicles.reservationState.${r.state}`)}</td>
                  <td>{r.state === 'pending' ? <Countdown seconds={r.secondsLeft} loadedAt={loadedAt} /> : '—'}</td>
                  <td className="mono">{r.vin}</td>
                  {showAmount && <td className="numeric">{r.amount === undefined ? '—' : formatMoney(r.amount, language)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
