import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/ApiError';
import { apiFetch } from '../../api/apiFetch';
import { describeError } from '../../api/describeError';
import { webhookEventTypes, type CreatedWebhook } from './webhookTypes';

/** The server refused the URL (where it points): say so in words, not the generic validation text. */
const urlRefused = (failure: unknown) => failure instanceof ApiError && failure.code === 'validation_failed' && Array.isArray(failure.details)
  && (failure.details as { field?: string }[]).some((d) => d.field === 'url');

/** The form an admin fills to subscribe an outside system's URL to events. */
export function NewWebhookForm({ dealers, onCreated }: { dealers: Map<string, string>; onCreated: (created: CreatedWebhook) => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['task.created']);
  const [processId, setProcessId] = useState('');
  const [dealerId, setDealerId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const toggle = (type: string) => setEvents((current) => (current.includes(type) ? current.filter((e) => e !== type) : [...current, type]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^https?:\/\/\S+$/.test(url.trim())) return setError(t('webhooks.form.urlInvalid'));
    if (events.length === 0) return setError(t('webhooks.form.eventsMissing'));
    setBusy(true);
    setError('');
    try {
      const created = await apiFetch<CreatedWebhook>('/api/webhooks', { method: 'POST', body: { url: url.trim(), events, processId: processId.trim() || null, dealerId: dealerId || null } });
      setUrl('');
      onCreated(created);
    } catch (failure) {
      setError(urlRefused(failure) ? t('webhooks.form.urlRefused') : describeError(t, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card token-form" onSubmit={(event) => void submit(event)} aria-labelledby="webhook-form-title" noValidate>
      <h2 id="webhook-form-title">{t('webhooks.form.title')}</h2>
      <div className="field">
        <label htmlFor="webhook-url">{t('webhooks.form.url')}</label>
        <input id="webhook-url" type="url" value={url} maxLength={2000} placeholder="https://erp.example.ru/dealerflow/hooks" onChange={(event) => setUrl(event.target.value)} aria-describedby="webhook-url-hint" />
        <p id="webhook-url-hint" className="muted">{t('webhooks.form.urlHint')}</p>
      </div>
      <fieldset className="token-form__roles">
        <legend>{t('webhooks.form.events')}</legend>
        {webhookEventTypes.map((type) => (
          <label key={type} className="token-form__role">
            <input type="checkbox" checked={events.includes(type)} onChange={() => toggle(type)} data-event={type} />
            {t(`webhooks.events.${type}`)}
          </label>
        ))}
      </fieldset>
      <div className="token-form__row">
        <div className="field">
          <label htmlFor="webhook-process">{t('webhooks.form.process')}</label>
          <input id="webhook-process" value={processId} maxLength={128} placeholder="warranty-claim" onChange={(event) => setProcessId(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="webhook-dealer">{t('webhooks.form.dealer')}</label>
          <select id="webhook-dealer" value={dealerId} onChange={(event) => setDealerId(event.target.value)}>
            <option value="">{t('webhooks.form.allDealers')}</option>
            {[...dealers].map(([id, dealerName]) => <option key={id} value={id}>{dealerName}</option>)}
          </select>
        </div>
      </div>
      <p className="form-error" role="alert">{error}</p>
      <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy || undefined}>{t('webhooks.form.submit')}</button>
    </form>
  );
}
