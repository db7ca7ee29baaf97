import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { AppShell } from './components/AppShell';
import { HomeRedirect } from './components/HomeRedirect';
import { RequireSession } from './components/RequireSession';
import { SectionGuard } from './components/SectionGuard';
import { navigationEntries, type SectionId } from './navigation';
import { AuditPage } from './pages/AuditPage';
import { ComingSoonPage } from './pages/ComingSoonPage';
import { DealersPage } from './pages/DealersPage';
import { LazyDesignerPage } from './pages/designer/LazyDesignerPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SignInPage } from './pages/SignInPage';

const pages: Record<SectionId, ReactNode> = {
  inbox: <ComingSoonPage section="inbox" />,
  approvals: <ComingSoonPage section="approvals" />,
  start: <ComingSoonPage section="start" />,
  designer: <LazyDesignerPage />,
  instances: <ComingSoonPage section="instances" />,
  audit: <AuditPage />,
  dealers: <DealersPage />,
};

/** Every address of the app: sign-in outside the shell, each section inside it behind its guard. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppShell />}>
          <Route index element={<HomeRedirect />} />
          {navigationEntries.map((entry) => (
            <Route key={entry.id} path={entry.path} element={<SectionGuard entry={entry}>{pages[entry.id]}</SectionGuard>} />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
