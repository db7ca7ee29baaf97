import { Router } from '@koa/router';
import type { DataSource } from 'typeorm';

/** Something the health check can ask whether it is up. */
export interface HealthProbe {
  name: string;
  check(): Promise<string>;
}

/** `GET /api/health`: `{ status, db, engine }`; 503 when a part is down, for load balancers. */
export function healthRoutes(dataSource: DataSource, engine: HealthProbe): Router {
  const router = new Router({ prefix: '/api' });
  router.get('/health', async (ctx) => {
    const db = await dataSource.query('SELECT 1 AS ok').then(() => 'up', () => 'down');
    const engineStatus = await engine.check().catch(() => 'down');
    const healthy = db === 'up' && engineStatus !== 'down';
    ctx.status = healthy ? 200 : 503;
    ctx.body = { status: healthy ? 'ok' : 'degraded', db, engine: { type: engine.name, status: engineStatus } };
  });
  return router;
}
