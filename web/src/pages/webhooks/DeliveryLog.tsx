import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../api/apiFetch';
import { describeError } from '../../api/describeError';
import type { ItemsResponse } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { StatusPanel } from '../../components/StatusPanel';
import { formatDateMinutes } from '../apiTokens/formatTokenDates';
import type { AttemptRow, DeliveryRow, WebhookRow } from './webhookTypes';

/** One attempt in words: the receiver's HTTP status, a redirect not followed, or no answer at all. */
function AttemptText({ attempt }: { attempt: AttemptRow }) {
  const { t } = useTranslation();
  const code = attempt.responseCode;
  const text = attempt.outcome === 'ok' ? t('webhooks.attempt.ok', { code })
    : code === null ? t('webhooks.attempt.noAnswer')
      : code >= 300 && code < 400 ? t('webhooks.attempt.redirect', { code }) : t('webhooks.attempt.http', { code });
  return <span className={attempt.outcome === 'ok' ? 'webhook-ok' : 'webhook-failed'} title={attempt.error ?? undefined}>{text}</span>;
}

/** The latest deliveries of one subscription with every attempt; a delivery can be sent again. */
export function DeliveryLog({ webhook }: { webhook: WebhookRow }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { resource, reload, refresh } = useApiResource<ItemsResponse<DeliveryRow>>(`/api/webhooks/${encodeURIComponent(webhook.id)}/deliveries`);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const redeliver = async (delivery: DeliveryRow) => {
    setBusyId(delivery.id);
    setMessage('');
    try {
      await apiFetch(`/api/webhooks/deliveries/${delivery.id}/redeliver`, { method: 'POST' });
      setMessage(t('webhooks.log.queued'));
    } catch (failure) {
      setMessage(describeError(t, failure));
    } finally {
      setBusyId(null);
      refresh();
    }
  };
  return (
    <section className="card webhook-log" aria-labelledby="webhook-log-title" data-testid="delivery-log">
      <div className="webhook-log__head">
        <h2 id="webhook-log-title">{t('webhooks.log.title')}</h2>
        <button type="button" className="button button--secondary" onClick={refresh}>{t('webhooks.log.refresh')}</button>
      </div>
      <p className="muted webhook-url mono">{webhook.url}</p>
      <p className="muted" aria-live="polite">{message}</p>
      {resource.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (resource.data.items.length === 0 ? <StatusPanel kind="empty" title={t('webhooks.log.empty')} /> : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('webhooks.log.title')}</caption>
            <thead>
              <tr>{(['event', 'status', 'attempts', 'actions'] as const).map((column) => <th key={column} scope="col">{t(`webhooks.log.columns.${column}`)}</th>)}</tr>
            </thead>
            <tbody>
              {resource.data.items.map((d) => (
                <tr key={d.id} data-delivery={d.id}>
                  <td>{t(`webhooks.events.${d.eventType}`, { defaultValue: d.eventType })}<div className="muted mono">{d.eventId}</div></td>
                  <td data-testid="delivery-status">
                    {t(`webhooks.log.status.${d.status}`)}
                    {d.status === 'pending' && d.attempts.length > 0 && <div className="muted">{t('webhooks.log.nextAt', { when: formatDateMinutes(d.nextAttemptAt, language) })}</div>}
                  </td>
                  <td>
                    <ol className="webhook-attempts" data-testid="delivery-attempts">
                      {d.attempts.map((a) => <li key={a.id}><span className="muted">{formatDateMinutes(a.at, language)}</span> <AttemptText attempt={a} /></li>)}
                    </ol>
                    {d.attempts.length === 0 && <span className="muted">{t('webhooks.log.noAttempts')}</span>}
                  </td>
                  <td>
                    <button type="button" className="button button--secondary" disabled={busyId === d.id || !webhook.enabled} onClick={() => void redeliver(d)}>{t('webhooks.log.redeliver')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
