import { Router } from '@koa/router';
import { decisionRoutes as contract } from '@dealerflow/contract';
import type { ParameterizedContext } from 'koa';
import type { DecisionVersions } from './DecisionVersions';
import { ForbiddenError } from '../errors/AppError';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';

/** Deployed decision versions (their DMN) and the review of a DMN file before its deploy. Process admins only. */
export function decisionVersionRoutes(versions: DecisionVersions): Router {
  const router = new Router({ prefix: '/api/decisions' });
  const admin = (ctx: ParameterizedContext) => {
    const user = requireUser(ctx);
    if (user.ability.cannot('read', 'Deployment')) throw new ForbiddenError('Only process admins see decision versions');
    return user;
  };
  contractRoute(router, contract.review, async (ctx, { body }) => {
    admin(ctx);
    return versions.review(body);
  });
  contractRoute(router, contract.version, async (ctx, { params }) => {
    admin(ctx);
    return versions.get(params.decisionId, Number(params.version));
  });
  return router;
}
