import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../session/useSession';
import { StatusPanel } from './StatusPanel';

/** Lets signed-in users through; sends everyone else to sign-in, remembering where they were going. */
export function RequireSession() {
  const { t } = useTranslation();
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <div className="full-page">
        <StatusPanel kind="loading" title={t('app.loading')} />
      </div>
    );
  }
  if (state.status === 'anonymous') {
    // After an explicit sign-out the next user starts at their own home, not at the last page.
    const from = state.reason === 'signed-out' ? undefined : location.pathname + location.search;
    return <Navigate to="/sign-in" replace state={{ from }} />;
  }
  return <Outlet />;
}
