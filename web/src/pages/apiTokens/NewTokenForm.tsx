import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../api/apiFetch';
import { describeError } from '../../api/describeError';
import { tokenRoles, type CreatedApiToken } from './apiTokenTypes';

const lifetimes = [30, 90, 365] as const;
const DAY_MS = 24 * 3600_000;

/** The form an admin fills to create a service account's token. */
export function NewTokenForm({ dealers, onCreated }: { dealers: Map<string, string>; onCreated: (created: CreatedApiToken) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<string[]>(['integration']);
  const [dealerId, setDealerId] = useState('');
  const [days, setDays] = useState<number>(90);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const toggle = (role: string) => setRoles((current) => (current.includes(role) ? current.filter((r) => r !== role) : [...current, role]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError(t('apiTokens.form.nameMissing'));
    if (roles.length === 0) return setError(t('apiTokens.form.rolesMissing'));
    setBusy(true);
    setError('');
    try {
      const created = await apiFetch<CreatedApiToken>('/api/api-tokens', {
        method: 'POST',
        body: { name: trimmed, roles, dealerId: dealerId || null, expiresAt: new Date(Date.now() + days * DAY_MS).toISOString() },
      });
      setName('');
      onCreated(created);
    } catch (failure) {
      setError(describeError(t, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card token-form" onSubmit={(event) => void submit(event)} aria-labelledby="token-form-title" noValidate>
      <h2 id="token-form-title">{t('apiTokens.form.title')}</h2>
      <div className="field">
        <label htmlFor="token-name">{t('apiTokens.form.name')}</label>
        <input id="token-name" value={name} maxLength={60} onChange={(event) => setName(event.target.value)} aria-describedby="token-name-hint" />
        <p id="token-name-hint" className="muted">{t('apiTokens.form.nameHint')}</p>
      </div>
      <fieldset className="token-form__roles">
        <legend>{t('apiTokens.form.roles')}</legend>
        {tokenRoles.map((role) => (
          <label key={role} className="token-form__role">
            <input type="checkbox" checked={roles.includes(role)} onChange={() => toggle(role)} data-role={role} />
            {t(`roles.${role}`)}
          </label>
        ))}
      </fieldset>
      <div className="token-form__row">
        <div className="field">
          <label htmlFor="token-dealer">{t('apiTokens.form.dealer')}</label>
          <select id="token-dealer" value={dealerId} onChange={(event) => setDealerId(event.target.value)}>
            <option value="">{t('apiTokens.form.allDealers')}</option>
            {[...dealers].map(([id, dealerName]) => <option key={id} value={id}>{dealerName}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="token-lifetime">{t('apiTokens.form.lifetime')}</label>
          <select id="token-lifetime" value={days} onChange={(event) => setDays(Number(event.target.value))}>
            {lifetimes.map((count) => <option key={count} value={count}>{t('apiTokens.form.days', { count })}</option>)}
          </select>
        </div>
      </div>
      <p className="form-error" role="alert">{error}</p>
      <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy || undefined}>
        {t('apiTokens.form.submit')}
      </button>
    </form>
  );
}
