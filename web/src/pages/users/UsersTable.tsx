import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateMinutes } from '../apiTokens/formatTokenDates';
import type { UserAccountRow } from './userAccountTypes';

interface UsersTableProps {
  accounts: UserAccountRow[];
  selfId: string;
  busyId: string | null;
  editingId: string | null;
  onEditRoles: (account: UserAccountRow) => void;
  onToggle: (account: UserAccountRow) => void;
}

/** Every account: name, roles by their human names, dealer by name, last sign-in and state; disabling asks for a confirmation, and one's own account cannot be disabled. */
export function UsersTable({ accounts, selfId, busyId, editingId, onEditRoles, onToggle }: UsersTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="users-table">
        <caption className="visually-hidden">{t('users.title')}</caption>
        <thead>
          <tr>{(['person', 'roles', 'dealer', 'lastSignIn', 'state', 'actions'] as const).map((column) => <th key={column} scope="col">{t(`users.columns.${column}`)}</th>)}</tr>
        </thead>
        <tbody>
          {accounts.map((account) => {
            const self = account.id === selfId;
            return (
              <tr key={account.id} data-user={account.username} aria-selected={editingId === account.id} className={account.disabledAt ? 'users-row--disabled' : undefined}>
                <td>
                  <strong>{account.displayName}</strong>
                  <div className="muted"><span className="mono">{account.username}</span>{self && ` · ${t('users.you')}`}</div>
                </td>
                <td data-testid="user-roles">{account.roles.map((role) => t(`roles.${role}`, { defaultValue: role })).join(', ') || <span className="muted">{t('users.noRoles')}</span>}</td>
                <td>{account.dealerName ?? t('users.distributor')}</td>
                <td className="nowrap">{account.lastSignInAt ? formatDateMinutes(account.lastSignInAt, language) : <span className="muted">{t('users.neverSignedIn')}</span>}</td>
                <td>
                  <div data-testid="user-state">{account.disabledAt ? t('users.state.disabled', { date: formatDateMinutes(account.disabledAt, language) }) : t('users.state.active')}</div>
                </td>
                <td className="users-actions">
                  {confirming === account.id ? (
                    <div className="users-confirm" role="group" aria-label={t('users.confirmDisable', { name: account.displayName })}>
                      <p>{t('users.confirmDisable', { name: account.displayName })}</p>
                      <span className="token-actions">
                        <button type="button" className="button button--danger" disabled={busyId === account.id} onClick={() => { setConfirming(null); onToggle(account); }}>{t('users.disableConfirmed')}</button>
                        <button type="button" className="button button--ghost" onClick={() => setConfirming(null)}>{t('users.cancel')}</button>
                      </span>
                    </div>
                  ) : (
                    <span className="token-actions">
                      <button type="button" className="button button--secondary" disabled={account.disabledAt !== null} onClick={() => onEditRoles(account)} aria-pressed={editingId === account.id}>{t('users.editRoles')}</button>
                      {account.disabledAt
                        ? <button type="button" className="button button--ghost" disabled={busyId === account.id} onClick={() => onToggle(account)}>{t('users.enable')}</button>
                        : !self && <button type="button" className="button button--ghost" disabled={busyId === account.id} onClick={() => setConfirming(account.id)}>{t('users.disable')}</button>}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
