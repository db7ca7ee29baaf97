import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { AppHeader } from './AppHeader';
import { SideNav } from './SideNav';

/** The signed-in layout: header on top, navigation at the side, the page in the middle. */
export function AppShell() {
  const { t } = useTranslation();
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <div className="app-shell__body">
        <SideNav />
        <main id="main" className="app-shell__main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
