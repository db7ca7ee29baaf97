import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NotificationBell } from '../notifications/NotificationBell';
import { useSession } from '../session/useSession';
import { useSignedInSession } from '../session/useSignedInSession';
import { LanguageSwitch } from './LanguageSwitch';
import { UserSummary } from './UserSummary';

/** The top bar: product name, the notification bell, who is signed in, language and sign-out. */
export function AppHeader() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const { user } = useSignedInSession();
  const [leaving, setLeaving] = useState(false);

  const leave = async () => {
    setLeaving(true);
    try {
      await signOut();
    } catch {
      // The session is dropped locally either way (RequireSession then shows sign-in); the server's copy expires on its own.
    }
  };

  return (
    <header className="app-header">
      <span className="app-header__brand">{t('app.name')}</span>
      <div className="app-header__end">
        <NotificationBell />
        <UserSummary user={user} />
        <LanguageSwitch />
        <button type="button" className="button button--ghost" onClick={() => void leave()} disabled={leaving}>
          {t('header.signOut')}
        </button>
      </div>
    </header>
  );
}
