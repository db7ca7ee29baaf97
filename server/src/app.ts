import Koa from 'koa';
import type { Logger } from 'pino';
import './http/context';
import { authenticate } from './http/middleware/authenticate';
import { errorHandler } from './http/middleware/errorHandler';
import { jsonBody } from './http/middleware/jsonBody';
import { notFound } from './http/middleware/notFound';
import { originCheck } from './http/middleware/originCheck';
import { requestContext } from './http/middleware/requestContext';
import { securityHeaders } from './http/middleware/securityHeaders';
import { webApp } from './http/middleware/webApp';
import { approvalRoutes } from './http/routes/approvalRoutes';
import { attachmentRoutes } from './http/routes/attachmentRoutes';
import { auditRoutes } from './http/routes/auditRoutes';
import { authRoutes } from './http/routes/authRoutes';
import { dealerRoutes } from './http/routes/dealerRoutes';
import { designerRoutes } from './http/routes/designerRoutes';
import { healthRoutes, type HealthProbe } from './http/routes/healthRoutes';
import { instanceRoutes } from './http/routes/instanceRoutes';
import { processRoutes } from './http/routes/processRoutes';
import { formRoutes } from './http/routes/formRoutes';
import { sandboxRoutes } from './http/routes/sandboxRoutes';
import { savedViewRoutes } from './http/routes/savedViewRoutes';
import { taskRoutes } from './http/routes/taskRoutes';
import { taskStreamRoutes } from './http/routes/taskStreamRoutes';
import { userRoutes } from './http/routes/userRoutes';
import { versionRoutes } from './http/routes/versionRoutes';
import type { Services } from './services';

/** What the HTTP app needs besides the services. */
export interface AppOptions {
  logger: Logger;
  sessionSecret: string;
  engine: HealthProbe;
  secureCookies?: boolean;
  /** Trust X-Forwarded-* (behind a load balancer). */
  proxy?: boolean;
  webRoot?: string;
  maxBody?: string;
  /** Origins besides our own whose pages may send state-changing requests. */
  allowedOrigins?: string[];
}

/** The Koa app: it only composes middleware; the work happens in the services. */
export function createApp(services: Services, options: AppOptions): Koa {
  const app = new Koa({ keys: [options.sessionSecret], proxy: options.proxy ?? false });
  app.silent = true; // errorHandler logs what matters; Koa's own printer would duplicate it
  app.use(requestContext(options.logger));
  app.use(securityHeaders({ hsts: options.secureCookies ?? false }));
  app.use(errorHandler);
  app.use(notFound);
  app.use(originCheck(options.allowedOrigins));
  app.use(authenticate(services.auth));
  // Attachments arrive as raw files; everything after this point speaks JSON.
  app.use(attachmentRoutes(services.attachments).routes());
  app.use(jsonBody(options.maxBody));
  for (const router of [
    healthRoutes(services.dataSource, options.engine),
    authRoutes(services.auth, services.dealers, services.taskEvents, { secureCookies: options.secureCookies ?? false }),
    dealerRoutes(services.dealers),
    userRoutes(services.users),
    auditRoutes(services.audit),
    instanceRoutes(services.instances, services.instanceView, services.incidents, services.heatmap),
    processRoutes(services.processes, services.deployments, services.comments),
    versionRoutes(services.versions),
    designerRoutes(services.designerDrafts, services.plugins),
    taskStreamRoutes(services.taskEvents, services.sessions),
    taskRoutes(services),
    approvalRoutes(services.approvals, services.summaries),
    formRoutes(services.forms, services.dataSource),
    sandboxRoutes(services.sandbox),
    savedViewRoutes(services.views),
  ]) {
    app.use(router.routes());
    app.use(router.allowedMethods({ throw: true }));
  }
  if (options.webRoot) app.use(webApp(options.webRoot));
  return app;
}
