import type { Router } from '@koa/router';
import type { Services } from '../services';
import { allocationRoutes } from '../allocation/allocationRoutes';
import { approvalRoutes } from '../tasks/approvalRoutes';
import { auditRoutes } from '../audit/auditRoutes';
import { authRoutes } from '../auth/authRoutes';
import { dealerLedgerRoutes } from '../finance/dealerLedgerRoutes';
import { caseRoutes } from '../cases/caseRoutes';
import { dealerRoutes } from '../dealers/dealerRoutes';
import { decisionTestRunRoutes } from '../sandbox/decisionTestRunRoutes';
import { designerRoutes } from '../designer/designerRoutes';
import { docsRoutes } from '../docs/docsRoutes';
import { formRoutes } from '../forms/formRoutes';
import { healthRoutes, type HealthProbe } from '../health/healthRoutes';
import { instanceRoutes } from '../instances/instanceRoutes';
import { notificationRoutes } from '../notifications/notificationRoutes';
import { leadRoutes } from '../leads/leadRoutes';
import { processRoutes } from '../processes/processRoutes';
import { sandboxRoutes } from '../sandbox/sandboxRoutes';
import { savedViewRoutes } from '../views/savedViewRoutes';
import { taskRoutes } from '../tasks/taskRoutes';
import { taskStreamRoutes } from '../tasks/taskStreamRoutes';
import { tenderRoutes } from '../tenders/tenderRoutes';
import { userRoutes } from '../users/userRoutes';
import { versionRoutes } from '../processes/versionRoutes';
import { decisionVersionRoutes } from '../processes/decisionVersionRoutes';
import { apiTokenRoutes } from '../tokens/apiTokenRoutes';
import { messageRoutes } from '../messages/messageRoutes';
import { kpiRoutes } from '../kpi/kpiRoutes';
import { dashboardRoutes } from '../dashboard/dashboardRoutes';
import { webhookRoutes } from '../webhooks/webhookRoutes';

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
