import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../api/apiFetch';
import { describeError } from '../../api/describeError';
import type { ItemsResponse } from '../../api/types';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { SecretShownOnce } from '../../components/SecretShownOnce';
import { StatusPanel } from '../../components/StatusPanel';
import { useDealerNames } from '../useDealerNames';
import { usePeopleNames } from '../usePeopleNames';
import { DeliveryLog } from './DeliveryLog';
import { NewWebhookForm } from './NewWebhookForm';
import { WebhooksTable } from './WebhooksTable';
import type { CreatedWebhook, WebhookRow } from './webhookTypes';
import './webhooks.css';

/** Outgoing webhooks: subscribe a URL to events (its signing secret shown once), disable or enable, read the delivery log, redeliver. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const dealers = useDealerNames();
  const nameOf = usePeopleNames();
  const { resource, reload, refresh } = useApiResource<ItemsResponse<WebhookRow>>('/api/webhooks');
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [error, setError] = useState('');

  const toggle = async (webhook: WebhookRow) => {
    setBusyId(webhook.id);
    setError('');
    try {
      await apiFetch(`/api/webhooks/${encodeURIComponent(webhook.id)}/${webhook.enabled ? 'disable' : 'enable'}`, { method: 'POST' });
    } catch (failure) {
      setError(describeError(t, failure, nameOf));
    } finally {
      setBusyId(null);
      refresh();
    }
  };

  const items = resource.status === 'ready' ? resource.data.items : [];
  const selected = items.find((w) => w.id === selectedId) ?? null;
  return (
    <>
      <PageHeader title={t('webhooks.title')} description={t('webhooks.description')} />
      {created
        ? <SecretShownOnce title={t('webhooks.secret.title')} hint={t('webhooks.secret.hint', { url: created.webhook.url })} secret={created.secret} texts="webhooks.secret" testId="webhook-secret" onDone={() => setCreated(null)} />
        : <NewWebhookForm dealers={dealers} onCreated={(webhook) => { setCreated(webhook); refresh(); }} />}
      <p className="form-error" role="alert">{error}</p>
      {resource.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (items.length === 0
        ? <StatusPanel kind="empty" title={t('webhooks.empty')} />
        : <WebhooksTable webhooks={items} nameOf={nameOf} busyId={busyId} selectedId={selectedId} onToggle={(w) => void toggle(w)} onSelect={(w) => setSelectedId(w.id)} />)}
      {selected && <DeliveryLog key={selected.id} webhook={selected} />}
    </>
  );
}
