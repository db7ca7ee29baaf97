import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleOption, UserAccountRow } from './userAccountTypes';

/** The shipped roles from a dealer's staff up to the distributor's admins, then service accounts; roles added later follow by name. */
const roleOrder = ['dealer-staff', 'dealer-manager', 'distributor-approver', 'auditor', 'process-admin', 'integration'];
const rank = (name: string) => (roleOrder.includes(name) ? roleOrder.indexOf(name) : roleOrder.length);

interface RolesEditorProps {
  account: UserAccountRow;
  roles: RoleOption[];
  /** The account is the administrator's own: the server refuses to take away their right to manage users, and the form says so up front. */
  isSelf: boolean;
  busy: boolean;
  onSave: (roles: string[]) => void;
  onCancel: () => void;
}

/** Checkboxes of every role, by human name, for one account; saves only a real change with at least one role. */
export function RolesEditor({ account, roles, isSelf, busy, onSave, onCancel }: RolesEditorProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>(account.roles);
  const [error, setError] = useState('');
  const form = useRef<HTMLFormElement>(null);
  // The editor opens above the list: bring it into view and put the keyboard on its first role.
  useEffect(() => {
    form.current?.scrollIntoView?.({ block: 'nearest' });
    form.current?.querySelector('input')?.focus({ preventScroll: true });
  }, []);
  const toggle = (role: string) => setChosen((current) => (current.includes(role) ? current.filter((r) => r !== role) : [...current, role]));
  const unchanged = chosen.length === account.roles.length && chosen.every((role) => account.roles.includes(role));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) return setError(t('users.rolesMissing'));
    setError('');
    onSave(chosen);
  };

  return (
    <form ref={form} className="card token-form users-roles" onSubmit={submit} aria-labelledby="users-roles-title" noValidate>
      <h2 id="users-roles-title">{t('users.rolesTitle', { name: account.displayName })}</h2>
      <p className="muted">{account.dealerName ? t('users.rolesHintDealer', { dealer: account.dealerName }) : t('users.rolesHintDistributor')}</p>
      {isSelf && <p className="muted">{t('users.rolesHintSelf')}</p>}
      <fieldset className="token-form__roles">
        <legend>{t('users.columns.roles')}</legend>
        {[...roles].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name)).map((role) => (
          <label key={role.name} className="token-form__role">
            <input type="checkbox" checked={chosen.includes(role.name)} onChange={() => toggle(role.name)} data-role={role.name} />
            {t(`roles.${role.name}`, { defaultValue: role.name })}
          </label>
        ))}
      </fieldset>
      <p className="form-error" role="alert">{error}</p>
      <span className="token-actions">
        <button type="submit" className="button button--primary" disabled={busy || unchanged} aria-busy={busy || undefined}>{t('users.saveRoles')}</button>
        <button type="button" className="button button--ghost" onClick={onCancel}>{t('users.cancel')}</button>
      </span>
    </form>
  );
}
