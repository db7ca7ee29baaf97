import { Router } from '@koa/router';
import type { CaseFilter, CaseSearch } from '../../cases/CaseSearch';
import { requireUser } from '../requireUser';
import { validator } from '../validate';

const day = { type: 'string', pattern: '^[12][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' };
const prefix = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength, pattern: '\\S' });

const searchQuery = validator<Omit<CaseFilter, 'limit'> & { limit?: string }>({
  type: 'object',
  properties: {
    ref: prefix(64),
    vin: prefix(32),
    customer: prefix(100),
    processId: { type: 'string', minLength: 1, maxLength: 128 },
    state: { enum: ['active', 'completed', 'terminated'] },
    dealerId: { type: 'string', minLength: 1, maxLength: 32 },
    from: day,
    to: day,
    cursor: { type: 'string', maxLength: 500 },
    limit: { type: 'string', pattern: '^[1-9][0-9]{0,2}$' },
  },
  additionalProperties: false,
});

/** The Cases page: the cases a user may read, searched by reference, VIN, customer, process, state and dates. */
export function caseRoutes(search: CaseSearch): Router {
  const router = new Router({ prefix: '/api' });
  router.get('/cases', async (ctx) => {
    const { limit, ...filter } = searchQuery({ ...ctx.query });
    ctx.body = await search.page(requireUser(ctx), { ...filter, limit: limit === undefined ? undefined : Number(limit) });
  });
  router.get('/cases/processes', async (ctx) => {
    ctx.body = { items: await search.processes(requireUser(ctx)) };
  });
  return router;
}
