import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { AppShell } from './components/AppShell';
import { HomeRedirect } from './components/HomeRedirect';
import { RequireSession } from './components/RequireSession';
import { SectionGuard } from './components/SectionGuard';
import { navigationEntries, type SectionId } from './navigation';
import { AuditPage } from './pages/AuditPage';
import { ApprovalsPage } from './pages/approvals/ApprovalsPage';
import { CasePage } from './pages/case/CasePage';
import { CasesPage } from './pages/cases/CasesPage';
import { LazyDashboardPage } from './pages/dashboard/LazyDashboardPage';
import { ProcessHeatmapPage } from './pages/dashboard/ProcessHeatmapPage';
import { DealersPage } from './pages/DealersPage';
import { InboxPage } from './pages/inbox/InboxPage';
import { InstanceDetailPage } from './pages/instances/InstanceDetailPage';
import { InstancesPage } from './pages/instances/InstancesPage';
import { LazyDecisionsPage } from './pages/decisions/LazyDecisionsPage';
import { LazyDesignerPage } from './pages/designer/LazyDesignerPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { NotificationSettingsPage } from './notifications/NotificationSettingsPage';
import { SignInPage } from './pages/SignInPage';
import { StartPage } from './pages/start/StartPage';
import { TaskPage } from './pages/task/TaskPage';
import { VehiclesPage } from './pages/vehicles/VehiclesPage';
import { ApiTokensPage } from './pages/apiTokens/ApiTokensPage';
import { LeadsPage } from './pages/leads/LeadsPage';
import { TendersPage } from './pages/tenders/TendersPage';
import { KpiPage } from './pages/kpi/KpiPage';
import { WebhooksPage } from './pages/webhooks/WebhooksPage';
import { UsersPage } from './pages/users/UsersPage';

const pages: Record<SectionId, ReactNode> = {
  dashboard: <LazyDashboardPage />,
  inbox: <InboxPage />,
  approvals: <ApprovalsPage />,
  cases: <CasesPage />,
  start: <StartPage />,
  designer: <LazyDesignerPage />,
  instances: <InstancesPage />,
  audit: <AuditPage />,
  dealers: <DealersPage />,
  vehicles: <VehiclesPage />,
  apiTokens: <ApiTokensPage />,
  leads: <LeadsPage />,
  tenders: <TendersPage />,
  kpi: <KpiPage />,
  users: <UsersPage />,
  webhooks: <WebhooksPage />,
};

const inbox = navigationEntries.find((entry) => entry.id === 'inbox')!;
const instances = navigationEntries.find((entry) => entry.id === 'instances')!;
/** A case page opens for whoever may read the case, not only those who monitor every instance. */
const cases = { ...instances, action: 'read', provisional: true };
const designer = navigationEntries.find((entry) => entry.id === 'designer')!;
const dashboard = navigationEntries.find((entry) => entry.id === 'dashboard')!;

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
          <Route path="/inbox/:taskKey" element={<SectionGuard entry={inbox}><TaskPage /></SectionGuard>} />
          <Route path="/designer/decisions" element={<SectionGuard entry={designer}><LazyDecisionsPage /></SectionGuard>} />
          <Route path="/cases/:instanceKey" element={<SectionGuard entry={cases}><CasePage /></SectionGuard>} />
          <Route path="/dashboard/processes/:processId/heatmap" element={<SectionGuard entry={dashboard}><ProcessHeatmapPage /></SectionGuard>} />
          <Route path="/instances/:instanceKey" element={<SectionGuard entry={instances}><InstanceDetailPage /></SectionGuard>} />
          <Route path="/settings/notifications" element={<NotificationSettingsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
