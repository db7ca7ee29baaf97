import type { Router } from '@koa/router';
import type { Services } from '../services';
import { allocationRoutes } from './routes/allocationRoutes';
import { approvalRoutes } from './routes/approvalRoutes';
import { auditRoutes } from './routes/auditRoutes';
import { authRoutes } from './routes/authRoutes';
import { dealerLedgerRoutes } from './routes/dealerLedgerRoutes';
import { caseRoutes } from './routes/caseRoutes';
import { dealerRoutes } from './routes/dealerRoutes';
import { decisionTestRunRoutes } from './routes/decisionTestRunRoutes';
import { designerRoutes } from './routes/designerRoutes';
import { docsRoutes } from './routes/docsRoutes';
import { formRoutes } from './routes/formRoutes';
import { healthRoutes, type HealthProbe } from './routes/healthRoutes';
import { instanceRoutes } from './routes/instanceRoutes';
import { notificationRoutes } from './routes/notificationRoutes';
import { leadRoutes } from './routes/leadRoutes';
import { processRoutes } from './routes/processRoutes';
import { sandboxRoutes } from './routes/sandboxRoutes';
import { savedViewRoutes } from './routes/savedViewRoutes';
import { taskRoutes } from './routes/taskRoutes';
import { taskStreamRoutes } from './routes/taskStreamRoutes';
import { tenderRoutes } from './routes/tenderRoutes';
import { userRoutes } from './routes/userRoutes';
import { versionRoutes } from './routes/versionRoutes';
import { decisionVersionRoutes } from './routes/decisionVersionRoutes';
import { apiTokenRoutes } from '../tokens/apiTokenRoutes';
import { messageRoutes } from '../messages/messageRoutes';
import { kpiRoutes } from '../kpi/kpiRoutes';
import { dashboardRoutes } from '../dashboard/dashboardRoutes';
import { webhookRoutes } from '../webhooks/webhookRoutes';
import { userAdminRoutes } from '../users/userAdminRoutes';

/** What the JSON routers need besides the services. */
export interface RouterOptions {
  engine: HealthProbe;
  secureCookies: boolean;
}

/** Every JSON API router, in the order the app mounts them; tests walk them to reach every route. */
export function apiRouters(services: Services, options: RouterOptions): Router[] {
  return [
    docsRoutes(),
    healthRoutes(services.dataSource, options.engine),
    authRoutes(services.auth, services.dealers, services.taskEvents, { secureCookies: options.secureCookies }),
    dealerRoutes(services.dealers),
    allocationRoutes(services.allocation),
    dealerLedgerRoutes(services.dealerLedger),
    userRoutes(services.users),
    userAdminRoutes(services.userAdmin),
    auditRoutes(services.audit, services.auditQuery, services.auditEvidence),
    instanceRoutes(services.instances, services.instanceView, services.incidents, services.heatmap),
    processRoutes(services.processes, services.deployments, services.comments),
    versionRoutes(services.versions),
    designerRoutes(services.designerDrafts, services.plugins, services.versions),
    taskStreamRoutes(services.taskEvents, services.sessions),
    taskRoutes(services),
    approvalRoutes(services.approvals, services.summaries),
    formRoutes(services.forms, services.dataSource),
    sandboxRoutes(services.sandbox),
    decisionTestRunRoutes(),
    savedViewRoutes(services.views),
    notificationRoutes(services.notifications, services.notificationPreferences),
    apiTokenRoutes(services.apiTokens),
    messageRoutes(services.messages),
    leadRoutes(services.leads),
    caseRoutes(services.cases),
    tenderRoutes(services.tenders, services.tenderCatalog),
    kpiRoutes(services.kpi),
    dashboardRoutes(services.dashboard),
    webhookRoutes(services.webhooks.service),
    decisionVersionRoutes(services.decisionVersions),
  ];
}
