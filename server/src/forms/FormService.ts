import canonicalize from 'canonicalize';
import type { DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import { FormRecord } from '../processes/FormRecord';
import type { FormDefinition } from '../processes/FormCatalog';
import { ValidationError } from '../errors/AppError';
import { FormDraft } from './FormDraft';
import { parseFormDefinition } from './parseFormDefinition';

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

  /** Every deployed or drafted form, by id. */
  async list(): Promise<EditableForm[]> {
    const [deployed, drafts] = await Promise.all([this.dataSource.getRepository(FormRecord).find(), this.dataSource.getRepository(FormDraft).find()]);
    const ids = [...new Set([...deployed.map((f) => f.id), ...drafts.map((d) => d.id)])].sort();
    return ids.map((id) => {
      const { form: _form, ...summary } = describe(id, deployed.find((f) => f.id === id) ?? null, drafts.find((d) => d.id === id) ?? null);
      return summary;
    });
  }

  /** One form, or null when it is neither deployed nor drafted. */
  async get(id: string): Promise<EditableFormDetails | null> {
    const [deployed, draft] = await Promise.all([this.dataSource.getRepository(FormRecord).findOneBy({ id }), this.dataSource.getRepository(FormDraft).findOneBy({ id })]);
    return deployed || draft ? describe(id, deployed, draft) : null;
  }

  /** Saves `input` as the draft of form `id` (a 400 when it is not a form or its schema does not compile), audited. */
  async saveDraft(actor: string, id: string, input: unknown): Promise<EditableFormDetails> {
    const form = parseFormDefinition(input);
    if (form.id !== id) throw new ValidationError('The form id does not match the address', [{ field: 'form.id', message: `must be "${id}"` }]);
    await this.dataSource.transaction(async (manager) => {
      await manager.save(FormDraft, { id, json: JSON.stringify(form), savedAt: new Date(), savedBy: actor });
      await this.audit.append(manager, { actor, action: 'form.draft.save', subjectType: 'Form', subjectId: id, payload: { form } });
    });
    return (await this.get(id))!;
  }
}
