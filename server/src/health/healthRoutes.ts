import { Router } from '@koa/router';
import { healthRoutes as contract, type Health } from '@dealerflow/contract';
import type { DataSource } from 'typeorm';
import { WriteProbe } from '../db/WriteProbe';

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
 * `db` is up only when a write commits: reads keep working while writes fail. Mounted by hand,
 * not with `contractRoute`, because the same body answers with two statuses.
 */
export function healthRoutes(dataSource: DataSource, engine: HealthProbe): Router {
  const router = new Router({ prefix: '/api' });
  const writes = new WriteProbe(dataSource);
  const engineCheck = cached(() => engine.check(), ENGINE_TTL_MS);
  router.get(contract.health.path.slice('/api'.length), async (ctx) => {
    const [db, engineStatus] = await Promise.all([writes.check(), engineCheck()]);
    const healthy = db === 'up' && engineStatus === 'up';
    const body: Health = { status: healthy ? 'ok' : 'degraded', db, engine: { type: engine.name, status: engineStatus } };
    ctx.status = healthy ? 200 : 503;
    ctx.body = body;
  });
  return router;
}
