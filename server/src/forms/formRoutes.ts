import { Router } from '@koa/router';
import { formRoutes as contract, type EditableFormDetails } from '@dealerflow/contract';
import type { FormService } from './FormService';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';

/** The form builder's API: list, read and save (as a draft) forms; which roles see which fields. */
export function formRoutes(forms: FormService): Router {
  const router = new Router({ prefix: '/api/forms' });
  contractRoute(router, contract.list, async (ctx) => ({ items: await forms.list(requireUser(ctx)) }));
  contractRoute(router, contract.visibility, async (ctx) => forms.visibility(requireUser(ctx)));
  contractRoute(router, contract.get, async (ctx, { params }) => (await forms.read(requireUser(ctx), params.formId)) as EditableFormDetails);
  contractRoute(router, contract.saveDraft, async (ctx, { params, body }) => (await forms.saveDraft(requireUser(ctx), params.formId, body)) as EditableFormDetails);
  return router;
}
