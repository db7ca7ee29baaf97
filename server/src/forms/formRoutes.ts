import { Router } from '@koa/router';
import { formRoutes as contract, type EditableFormDetails } from '@dealerflow/contract';
import type { ParameterizedContext } from 'koa';
import type { DataSource } from 'typeorm';
import type { FormService } from './FormService';
import { formVisibility } from './formVisibility';
import { FORM_ID_PATTERN } from './parseFormDefinition';
import { ForbiddenError, NotFoundError } from '../errors/AppError';
import { contractRoute } from '../http/contractRoute';
import { requireUser } from '../http/requireUser';

/** The form builder's API: list, read and save (as a draft) forms; which roles see which fields. */
export function formRoutes(forms: FormService, dataSource: DataSource): Router {
  const router = new Router({ prefix: '/api/forms' });
  const mayRead = (ctx: ParameterizedContext) => {
    if (requireUser(ctx).ability.cannot('read', 'Form')) throw new ForbiddenError('You may not edit forms');
  };
  contractRoute(router, contract.list, async (ctx) => {
    mayRead(ctx);
    return { items: await forms.list() };
  });
  contractRoute(router, contract.visibility, async (ctx) => {
    if (requireUser(ctx).ability.cannot('read', 'Role')) throw new ForbiddenError('You may not read the role rules');
    return formVisibility(dataSource);
  });
  contractRoute(router, contract.get, async (ctx, { params }) => {
    mayRead(ctx);
    const form = FORM_ID_PATTERN.test(params.formId) ? await forms.get(params.formId) : null;
    if (!form) throw new NotFoundError('Form', params.formId);
    return form as EditableFormDetails;
  });
  contractRoute(router, contract.saveDraft, async (ctx, { params, body }) => {
    const user = requireUser(ctx);
    if (user.ability.cannot('update', 'Form')) throw new ForbiddenError('You may not edit forms');
    return (await forms.saveDraft(user.username, params.formId, body)) as EditableFormDetails;
  });
  return router;
}
