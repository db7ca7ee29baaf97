import canonicalize from 'canonicalize';
import type { DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { CurrentUser } from '../auth/CurrentUser';
import { FormRecord } from '../processes/FormRecord';
import type { FormDefinition } from '../processes/FormCatalog';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors/AppError';
import { FormDraft } from './FormDraft';
import { formVisibility } from './formVisibility';
import { FORM_ID_PATTERN, parseFormDefinition } from './parseFormDefinition';

/** One form as the builder sees it: the newer of its draft and its deployment. */
export interface EditableForm {
  id: string;
  title: { ru: string; en: string };
  /** `draft` when a saved draft differs from the deployed form (or nothing is deployed). */
  source: 'draft' | 'deployed';
  deployedAt: string | null;
  draftSavedAt: string | null;
  draftSavedBy: string | null;
}

/** A form with its definition. */
export interface EditableFormDetails extends EditableForm {
  form: FormDefinition;
}

/** A 403 unless `user` may read forms. */
function mayRead(user: CurrentUser): void {
  if (user.ability.cannot('read', 'Form')) throw new ForbiddenError('You may not edit forms');
}

const sameForm = (a: string, b: string) => canonicalize(JSON.parse(a)) === canonicalize(JSON.parse(b));

function describe(id: string, deployed: FormRecord | null, draft: FormDraft | null): EditableFormDetails {
  // Deploying the drafted form makes them equal; until then the draft holds unpublished changes.
  const useDraft = draft !== null && (deployed === null || !sameForm(draft.json, deployed.json));
  const form = JSON.parse(useDraft ? draft.json : deployed!.json) as FormDefinition;
  return {
    id,
    title: form.title,
    source: useDraft ? 'draft' : 'deployed',
    deployedAt: deployed?.deployedAt.toISOString() ?? null,
    draftSavedAt: draft?.savedAt.toISOString() ?? null,
    draftSavedBy: draft?.savedBy ?? null,
    form,
  };
}

/**
 * The form builder's forms. Saving writes a draft: running processes keep the deployed form
 * until the drafted form is deployed (as a `.form.json`, with its diagram).
 */
export class FormService {
  constructor(private readonly dataSource: DataSource, private readonly audit: AuditTrail) {}

  /** Every deployed or drafted form, by id; a 403 unless `user` may read forms. */
  async list(user: CurrentUser): Promise<EditableForm[]> {
    mayRead(user);
    const [deployed, drafts] = await Promise.all([this.dataSource.getRepository(FormRecord).find(), this.dataSource.getRepository(FormDraft).find()]);
    const ids = [...new Set([...deployed.map((f) => f.id), ...drafts.map((d) => d.id)])].sort();
    return ids.map((id) => {
      const { form: _form, ...summary } = describe(id, deployed.find((f) => f.id === id) ?? null, drafts.find((d) => d.id === id) ?? null);
      return summary;
    });
  }

  /** One form for the builder; a 403 unless `user` may read forms, a 404 when it is neither deployed nor drafted. */
  async read(user: CurrentUser, id: string): Promise<EditableFormDetails> {
    mayRead(user);
    const form = FORM_ID_PATTERN.test(id) ? await this.get(id) : null;
    if (!form) throw new NotFoundError('Form', id);
    return form;
  }

  /** Which roles see which classification of form fields; a 403 unless `user` may read the role rules. */
  async visibility(user: CurrentUser): ReturnType<typeof formVisibility> {
    if (user.ability.cannot('read', 'Role')) throw new ForbiddenError('You may not read the role rules');
    return formVisibility(this.dataSource);
  }

  /** One form, or null when it is neither deployed nor drafted. */
  async get(id: string): Promise<EditableFormDetails | null> {
    const [deployed, draft] = await Promise.all([this.dataSource.getRepository(FormRecord).findOneBy({ id }), this.dataSource.getRepository(FormDraft).findOneBy({ id })]);
    return deployed || draft ? describe(id, deployed, draft) : null;
  }

  /** Saves `input` as the draft of form `id` (a 403 unless `user` may edit forms, a 400 when it is not a form or its schema does not compile), audited. */
  async saveDraft(user: CurrentUser, id: string, input: unknown): Promise<EditableFormDetails> {
    if (user.ability.cannot('update', 'Form')) throw new ForbiddenError('You may not edit forms');
    const actor = user.username;
    const form = parseFormDefinition(input);
    if (form.id !== id) throw new ValidationError('The form id does not match the address', [{ field: 'form.id', message: `must be "${id}"` }]);
    await this.dataSource.transaction(async (manager) => {
      await manager.save(FormDraft, { id, json: JSON.stringify(form), savedAt: new Date(), savedBy: actor });
      await this.audit.append(manager, { actor, action: 'form.draft.save', subjectType: 'Form', subjectId: id, payload: { form } });
    });
    return (await this.get(id))!;
  }
}
