import { routeKey, type RouteSpec } from './route';
import { approvalRoutes } from './features/approvals';
import { caseRoutes } from './features/cases';
import { dashboardRoutes } from './features/dashboard';
import { caseFileRoutes } from './features/caseFiles';
import { decisionRoutes } from './features/decisions';
import { deploymentRoutes } from './features/deployments';
import { processStartRoutes } from './features/processStart';
import { sandboxRoutes } from './features/sandbox';
import { financeRoutes } from './features/finance';
import { stockRoutes } from './features/stock';
import { tenderRoutes } from './features/tenders';
import { leadRoutes } from './features/leads';
import { designerRoutes } from './features/designer';
import { docsRoutes } from './features/docs';
import { formRoutes } from './features/forms';
import { instanceRoutes } from './features/instances';
import { kpiRoutes } from './features/kpi';
import { savedViewRoutes } from './features/savedViews';
import { taskRoutes } from './features/tasks';
import { authRoutes } from './features/auth';
import { healthRoutes } from './features/health';
import { userAccountRoutes, userRoutes } from './features/users';
import { dealerRoutes } from './features/dealers';
import { auditRoutes } from './features/audit';
import { apiTokenRoutes } from './features/apiTokens';
import { notificationRoutes } from './features/notifications';
import { messageRoutes } from './features/messages';
import { webhookRoutes } from './features/webhooks';

/** Every described route of the HTTP API, feature by feature; the OpenAPI document is made from it. */
export const apiRoutes: readonly RouteSpec[] = [
  ...Object.values(docsRoutes),
  ...Object.values(taskRoutes),
  ...Object.values(approvalRoutes),
  ...Object.values(instanceRoutes),
  ...Object.values(caseRoutes),
  ...Object.values(formRoutes),
  ...Object.values(designerRoutes),
  ...Object.values(kpiRoutes),
  ...Object.values(dashboardRoutes),
  ...Object.values(savedViewRoutes),
  ...Object.values(healthRoutes),
  ...Object.values(authRoutes),
  ...Object.values(userRoutes),
  ...Object.values(userAccountRoutes),
  ...Object.values(dealerRoutes),
  ...Object.values(auditRoutes),
  ...Object.values(apiTokenRoutes),
  ...Object.values(notificationRoutes),
  ...Object.values(messageRoutes),
  ...Object.values(webhookRoutes),
  ...Object.values(decisionRoutes),
  ...Object.values(deploymentRoutes),
  ...Object.values(processStartRoutes),
  ...Object.values(caseFileRoutes),
  ...Object.values(sandboxRoutes),
  ...Object.values(financeRoutes),
  ...Object.values(stockRoutes),
  ...Object.values(tenderRoutes),
  ...Object.values(leadRoutes),
];

/** The described routes by `METHOD /path`. */
export function routesByKey(routes: readonly RouteSpec[] = apiRoutes): Map<string, RouteSpec> {
  const byKey = new Map<string, RouteSpec>();
  for (const spec of routes) {
    const key = routeKey(spec);
    if (byKey.has(key)) throw new Error(`${key} is described twice`);
    byKey.set(key, spec);
  }
  return byKey;
}
