import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../api/apiFetch';
import { describeError } from '../api/describeError';
import { PageHeader } from '../components/PageHeader';
import type { EmailMode, NotificationPreferencesView } from './notificationApi';

const EMAIL_MODES: EmailMode[] = ['off', 'instant', 'daily'];

/** The signed-in person's notification settings: an e-mail address, and per kind the bell and e-mail. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<NotificationPreferencesView | null>(null);
  const [address, setAddress] = useState('');
  const [state, setState] = useState<{ saving: boolean; saved: boolean; error: string | null }>({ saving: false, saved: false, error: null });

  useEffect(() => {
    const controller = new AbortController();
    apiFetch<NotificationPreferencesView>('/api/me/notification-preferences', { signal: controller.signal }).then((view) => {
      setSettings(view);
      setAddress(view.address ?? '');
    }, (error: unknown) => {
      if (!controller.signal.aborted) setState({ saving: false, saved: false, error: describeError(t, error) });
    });
    return () => controller.abort();
  }, [t]);

  const change = (kind: string, patch: Partial<NotificationPreferencesView['kinds'][number]>) => {
    setSettings((current) => current && { ...current, kinds: current.kinds.map((k) => (k.kind === kind ? { ...k, ...patch } : k)) });
    setState((s) => ({ ...s, saved: false }));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!settings) return;
    setState({ saving: true, saved: false, error: null });
    try {
      const saved = await apiFetch<NotificationPreferencesView>('/api/me/notification-preferences', { method: 'PUT', body: { address: address.trim() || null, kinds: settings.kinds } });
      setSettings(saved);
      setState({ saving: false, saved: true, error: null });
    } catch (error) {
      setState({ saving: false, saved: false, error: describeError(t, error) });
    }
  };

  return (
    <section className="notification-settings">
      <PageHeader title={t('notifications.settings.title')} description={t('notifications.settings.description')} />
      {settings && (
        <form onSubmit={(event) => void save(event)}>
          <label className="field">
            <span className="field__label">{t('notifications.settings.address')}</span>
            <input type="email" value={address} placeholder="name@example.ru" onChange={(event) => { setAddress(event.target.value); setState((s) => ({ ...s, saved: false })); }} />
            <span className="field__hint">{t('notifications.settings.addressHint')}</span>
          </label>
          <table className="table notification-settings__table">
            <thead>
              <tr><th scope="col">{t('notifications.settings.kind')}</th><th scope="col">{t('notifications.settings.inApp')}</th><th scope="col">{t('notifications.settings.email')}</th></tr>
            </thead>
            <tbody>
              {settings.kinds.map((k) => (
                <tr key={k.kind} data-kind={k.kind}>
                  <th scope="row">{t(`notifications.kindNames.${k.kind}`)}</th>
                  <td><input type="checkbox" aria-label={`${t('notifications.settings.inApp')}: ${t(`notifications.kindNames.${k.kind}`)}`} checked={k.inApp} onChange={(event) => change(k.kind, { inApp: event.target.checked })} /></td>
                  <td>
                    <select aria-label={`${t('notifications.settings.email')}: ${t(`notifications.kindNames.${k.kind}`)}`} value={k.email} onChange={(event) => change(k.kind, { email: event.target.value as EmailMode })}>
                      {EMAIL_MODES.map((mode) => <option key={mode} value={mode}>{t(`notifications.emailModes.${mode}`)}</option>)}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="notification-settings__actions">
            <button type="submit" className="button" disabled={state.saving}>{t('notifications.settings.save')}</button>
            {state.saved && <span role="status">{t('notifications.settings.saved')}</span>}
          </div>
        </form>
      )}
      {state.error && <p role="alert" className="error-text">{state.error}</p>}
    </section>
  );
}
