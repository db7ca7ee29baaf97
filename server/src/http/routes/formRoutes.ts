import { Router } from '@koa/router';
import type { ParameterizedContext } from 'koa';
import type { DataSource } from 'typeorm';
import type { FormService } from '../../forms/FormService';
import { formVisibility } from '../../forms/formVisibility';
import { FORM_ID_PATTERN } from '../../forms/parseFormDefinition';
import { ForbiddenError, NotFoundError } from '../../errors/AppError';
import { requireUser } from '../requireUser';

/** The form builder's API: list, read and save (as a draft) forms; which roles see which fields. */
export function formRoutes(forms: FormService, dataSource: DataSource): Router {
  const router = new Router({ prefix: '/api/forms' });
  const mayRead = (ctx: ParameterizedContext) => {
    if (requireUser(ctx).ability.cannot('read', 'Form')) throw new ForbiddenError('You may not edit forms');
  };
  router.get('/', async (ctx) => {
    mayRead(ctx);
    ctx.body = { items: await forms.list() };
  });
  router.get('/visibility', async (ctx) => {
    if (requireUser(ctx).ability.cannot('read', 'Role')) throw new ForbiddenError('You may not read the role rules');
    ctx.body = await formVisibility(dataSource);
  });
  router.get('/:formId', async (ctx) => {
    mayRead(ctx);
    const form = FORM_ID_PATTERN.test(ctx.params.formId) ? await forms.get(ctx.params.formId) : null;
    if (!form) throw new NotFoundError('Form', ctx.params.formId);
    ctx.body = form;
  });
  router.put('/:formId', async (ctx) => {
    const user = requireUser(ctx);
    if (user.ability.cannot('update', 'Form')) throw new ForbiddenError('You may not edit forms');
    ctx.body = await forms.saveDraft(user.username, ctx.params.formId, ctx.request.body);
  });
  return router;
}
