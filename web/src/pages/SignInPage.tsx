import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { StatusPanel } from '../components/StatusPanel';
import { useSession } from '../session/useSession';
import { usePageTitle } from '../usePageTitle';
import { SignInForm } from './SignInForm';

/** The sign-in screen; a signed-in user goes straight on to where they were heading. */
export function SignInPage() {
  const { t } = useTranslation();
  const { state } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  usePageTitle(t('signIn.title'));
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (state.status === 'signed-in') return <Navigate to={from} replace />;
  return (
    <div className="sign-in">
      <main className="sign-in__card">
        <p className="sign-in__brand">{t('app.name')}</p>
        <p className="sign-in__tagline">{t('app.tagline')}</p>
        <h1 className="sign-in__title">{t('signIn.title')}</h1>
        {state.status === 'loading' ? (
          <StatusPanel kind="loading" title={t('app.loading')} />
        ) : (
          <>
            {state.reason === 'expired' && (
              <p className="notice" role="status">
                {t('signIn.sessionExpired')}
              </p>
            )}
            <SignInForm onSignedIn={() => navigate(from, { replace: true })} />
          </>
        )}
      </main>
      {/* After the form in the DOM so Tab goes username, password, button first; CSS puts it top right. */}
      <div className="sign-in__language">
        <LanguageSwitch />
      </div>
    </div>
  );
}
