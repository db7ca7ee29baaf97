import { badRequest } from '../Problem';
import { bodyOf } from '../requestValues';
import type { RestRoute } from '../RestRoute';

/** /v2/clock: pins the engine's clock (timers due by then fire) and resets it to real time. */
export const clockRoutes: RestRoute[] = [
  {
    method: 'put',
    path: '/clock',
    async handle(ctx, { engine }) {
      const { timestamp } = bodyOf(ctx.request.body);
      if (typeof timestamp !== 'number' || !Number.isSafeInteger(timestamp) || timestamp < 0) throw badRequest(`The value for timestamp is '${String(timestamp)}' but must be a non-negative epoch millisecond`);
      await engine.pinClock(timestamp);
      ctx.status = 204;
    },
  },
  {
    method: 'post',
    path: '/clock/reset',
    async handle(ctx, { engine }) {
      await engine.pinClock(undefined);
      ctx.status = 204;
    },
  },
];
