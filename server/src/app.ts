import Koa from 'koa';
import type { Logger } from 'pino';
import './http/context';
import { authenticate } from './http/middleware/authenticate';
import { compression } from './http/middleware/compression';
import { errorHandler } from './http/middleware/errorHandler';
import { jsonBody } from './http/middleware/jsonBody';
import { notFound } from './http/middleware/notFound';
import { originCheck } from './http/middleware/originCheck';
import { requestContext } from './http/middleware/requestContext';
import { responseCheck } from './http/middleware/responseCheck';
import { securityHeaders } from './http/middleware/securityHeaders';
import { webApp } from './http/middleware/webApp';
import { apiRouters, fileRouters } from './http/apiRouters';
import { mountRouters } from './http/mountRouters';
import type { HealthProbe } from './health/healthRoutes';
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
  /** Check every answer of a described route against the API contract (tests; on when API_CHECK_RESPONSES=1). */
  checkResponses?: boolean;
}

/** The Koa app: it only composes middleware and the feature modules' routers; the work happens in the services. */
export function createApp(services: Services, options: AppOptions): Koa {
  const app = new Koa({ keys: [options.sessionSecret], proxy: options.proxy ?? false });
  app.silent = true; // errorHandler logs what matters; Koa's own printer would duplicate it
  app.use(requestContext(options.logger));
  app.use(securityHeaders({ hsts: options.secureCookies ?? false }));
  app.use(compression());
  app.use(errorHandler);
  if (options.checkResponses ?? process.env.API_CHECK_RESPONSES === '1') app.use(responseCheck());
  app.use(notFound);
  app.use(originCheck(options.allowedOrigins));
  app.use(authenticate(services.auth, services.tokenAuth));
  // Attachments and stock files arrive as raw files; everything after this point speaks JSON.
  app.use(mountRouters(fileRouters(services), { allowedMethods: false }));
  app.use(jsonBody(options.maxBody));
  app.use(mountRouters(apiRouters(services, { engine: options.engine, secureCookies: options.secureCookies ?? false })));
  if (options.webRoot) app.use(webApp(options.webRoot));
  return app;
}
