import { Router } from '@koa/router';
import type { DataSource } from 'typeorm';
import { WriteProbe } from '../../db/WriteProbe';

/** Something the health check can ask whether it is up. */
export interface HealthProbe {
  name: string;
  check(): Promise<string>;
}

const ENGINE_TTL_MS = 1500;

/** Shares one check among callers for `ttlMs`, so polling costs little. */
function cached(check: () => Promise<string>, ttlMs: number): () => Promise<string> {
  let last: { at: number; outcome: Promise<string> } | undefined;
  return () => {
    if (!last || Date.now() - last.at >= ttlMs) last = { at: Date.now(), outcome: check().catch(() => 'down') };
    return last.outcome;
  };
}

/**
 * `GET /api/health`: `{ status, db, engine }`; 503 when a part is down, for load balancers.
 * `db` is up only when a write commits: reads keep working while writes fail.
 */
export function healthRoutes(dataSource: DataSource, engine: HealthProbe): Router {
  const router = new Router({ prefix: '/api' });
  const writes = new WriteProbe(dataSource);
  const engineCheck = cached(() => engine.check(), ENGINE_TTL_MS);
  router.get('/health', async (ctx) => {
    const [db, engineStatus] = await Promise.all([writes.check(), engineCheck()]);
    const healthy = db === 'up' && engineStatus === 'up';
    ctx.status = healthy ? 200 : 503;
    ctx.body = { status: healthy ? 'ok' : 'degraded', db, engine: { type: engine.name, status: engineStatus } };
  });
  return router;
}
