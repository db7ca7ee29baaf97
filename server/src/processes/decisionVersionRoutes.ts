import { Router } from '@koa/router';
import { decisionRoutes as contract } from '@dealerflow/contract';
import type { DecisionVersions } from './DecisionVersions';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';

/** Deployed decision versions (their DMN) and the review of a DMN file before its deploy. Process admins only. */
export function decisionVersionRoutes(versions: DecisionVersions): Router {
  const router = new Router({ prefix: '/api/decisions' });
  contractRoute(router, contract.review, async (ctx, { body }) => versions.review(requireUser(ctx), body));
  contractRoute(router, contract.version, async (ctx, { params }) => versions.get(requireUser(ctx), params.decisionId, Number(params.version)));
  return router;
}
