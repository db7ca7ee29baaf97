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
import { ApiTokensTable } from './ApiTokensTable';
import type { ApiTokenRow, CreatedApiToken } from './apiTokenTypes';
import { NewTokenForm } from './NewTokenForm';

/** Service accounts' API tokens: create one (its secret shown once), see when each was used, revoke. */
export function ApiTokensPage() {
  const { t } = useTranslation();
  const dealers = useDealerNames();
  const nameOf = usePeopleNames();
  const { resource, reload, refresh } = useApiResource<ItemsResponse<ApiTokenRow>>('/api/api-tokens');
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState('');

  const revoke = async (token: ApiTokenRow) => {
    setBusyId(token.id);
    setError('');
    try {
      await apiFetch(`/api/api-tokens/${encodeURIComponent(token.id)}/revoke`, { method: 'POST' });
    } catch (failure) {
      setError(describeError(t, failure, nameOf));
    } finally {
      setBusyId(null);
      refresh();
    }
  };

  return (
    <>
      <PageHeader title={t('apiTokens.title')} description={t('apiTokens.description')} />
      {created ? (
        <SecretShownOnce title={t('apiTokens.secret.title', { name: created.token.name })} hint={t('apiTokens.secret.hint')} secret={created.secret} texts="apiTokens.secret" testId="token-secret" onDone={() => setCreated(null)} />
      ) : (
        <NewTokenForm dealers={dealers} onCreated={(token) => { setCreated(token); refresh(); }} />
      )}
      <p className="form-error" role="alert">{error}</p>
      {resource.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' &&
        (resource.data.items.length === 0
          ? <StatusPanel kind="empty" title={t('apiTokens.empty')} />
          : <ApiTokensTable tokens={resource.data.items} nameOf={nameOf} busyId={busyId} onRevoke={(token) => void revoke(token)} />)}
    </>
  );
}
