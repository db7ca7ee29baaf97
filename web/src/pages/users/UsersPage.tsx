import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../api/apiFetch';
import { describeError } from '../../api/describeError';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { StatusPanel } from '../../components/StatusPanel';
import { useSignedInSession } from '../../session/useSignedInSession';
import { RolesEditor } from './RolesEditor';
import { UsersTable } from './UsersTable';
import type { UserAccountList, UserAccountRow } from './userAccountTypes';
import './users.css';

/** User administration: every account with its roles, dealer, state and last sign-in; change roles, disable (after a confirmation) and enable. */
export function UsersPage() {
  const { t } = useTranslation();
  const { user: me } = useSignedInSession();
  const { resource, reload, refresh } = useApiResource<UserAccountList>('/api/user-accounts');
  const [busyId, setBusyId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  // kept as what happened, not as text, so a language switch re-words them
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<{ key: string; name: string } | null>(null);

  /** Sends one change; the list reloads whatever the answer, so it shows what the server holds. */
  const act = async (account: UserAccountRow, path: string, init: Parameters<typeof apiFetch>[1], done: string): Promise<boolean> => {
    setBusyId(account.id);
    setFailure(null);
    setNotice(null);
    try {
      await apiFetch(`/api/user-accounts/${encodeURIComponent(account.id)}/${path}`, init);
      setNotice({ key: done, name: account.displayName });
      return true;
    } catch (thrown) {
      setFailure(thrown);
      return false;
    } finally {
      setBusyId(null);
      refresh();
    }
  };
  const toggle = (account: UserAccountRow) => void act(account, account.disabledAt ? 'enable' : 'disable', { method: 'POST' }, account.disabledAt ? 'users.enabled' : 'users.disabled');
  const saveRoles = async (account: UserAccountRow, roles: string[]) => {
    if (await act(account, 'roles', { method: 'PUT', body: { roles } }, 'users.rolesSaved')) setEditingId(null);
  };
  const edit = (id: string | null) => {
    setFailure(null);
    setNotice(null);
    setEditingId(id);
  };

  const data = resource.status === 'ready' ? resource.data : null;
  const editing = data?.items.find((account) => account.id === editingId) ?? null;
  return (
    <>
      <PageHeader title={t('users.title')} description={t('users.description')} />
      <p className="form-error" role="alert">{failure ? describeError(t, failure) : ''}</p>
      <p className="users-notice" role="status">{notice ? t(notice.key, { name: notice.name }) : ''}</p>
      {editing && data && (
        <RolesEditor key={editing.id} account={editing} roles={data.roles} isSelf={editing.id === me.id} busy={busyId === editing.id} onSave={(roles) => void saveRoles(editing, roles)} onCancel={() => edit(null)} />
      )}
      {resource.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {data && <UsersTable accounts={data.items} selfId={me.id} busyId={busyId} editingId={editingId} onEditRoles={(account) => edit(account.id)} onToggle={toggle} />}
    </>
  );
}
