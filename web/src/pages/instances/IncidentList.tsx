import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../api/apiFetch';
import { describeError } from '../../api/describeError';
import { formatDateTime } from '../../format';
import type { ElementNamer } from './elementName';
import type { InstanceIncident } from '@dealerflow/contract';

/** The instance's open incidents with their details; admins retry them one by one. */
export function IncidentList({ incidents, name, mayRetry, onRetried }: { incidents: InstanceIncident[]; name: ElementNamer; mayRetry: boolean; onRetried: () => void }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const retry = (incident: InstanceIncident) => {
    setBusy(incident.key);
    setMessage(null);
    apiFetch(`/api/incidents/${encodeURIComponent(incident.key)}/retry`, { method: 'POST', body: {} }).then(
      () => {
        setMessage({ kind: 'success', text: t('instances.incidents.retried', { element: name(incident.elementId) }) });
        onRetried();
      },
      (error: unknown) => setMessage({ kind: 'error', text: describeError(t, error) }),
    ).finally(() => setBusy(null));
  };
  return (
    <section className="card instance-section" aria-labelledby="instance-incidents">
      <h2 id="instance-incidents" className="card__title">{t('instances.incidents.title')}</h2>
      {message && <p className={message.kind === 'success' ? 'notice notice--success' : 'notice notice--error'} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      {incidents.length === 0 ? (
        <p className="muted">{t('instances.incidents.none')}</p>
      ) : (
        <ul className="incident-list" data-testid="incident-list">
          {incidents.map((incident) => (
            <li key={incident.key} className="incident" data-incident={incident.key} data-element={incident.elementId}>
              <div className="incident__head">
                <strong>{name(incident.elementId)}</strong>
                <span className="mono muted">{incident.elementId}</span>
                <span className="badge badge--danger" title={incident.type}>{t(`instances.incidents.types.${incident.type}`, { defaultValue: t('instances.incidents.types.other') })}</span>
                <span className="muted nowrap">{formatDateTime(new Date(incident.createdAt).toISOString(), i18n.language)}</span>
              </div>
              <p className="incident__message">{incident.message || t('instances.incidents.noMessage')}</p>
              {incident.jobKey && <p className="muted">{t('instances.incidents.job', { key: incident.jobKey })}</p>}
              {mayRetry && (
                <button type="button" className="button button--primary" onClick={() => retry(incident)} disabled={busy !== null}>
                  {busy === incident.key ? t('instances.incidents.retrying') : t('instances.incidents.retry')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
