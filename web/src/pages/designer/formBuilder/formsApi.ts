import { apiFetch } from '../../../api/apiFetch';

/** A form definition as the builder edits it. */
export interface EditedForm {
  id: string;
  title: { ru: string; en: string };
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
  labels?: { en?: Record<string, string> };
}

/** `GET /api/forms`: one form of the builder's list. */
export interface FormSummary {
  id: string;
  title: { ru: string; en: string };
  source: 'draft' | 'deployed';
  deployedAt: string | null;
  draftSavedAt: string | null;
}

/** `GET /api/forms/:id`: a form with its definition. */
export interface FormDetails extends FormSummary {
  form: EditedForm;
}

/** The field classifications a role reads unmasked (`GET /api/forms/visibility`). */
export interface Visibility {
  classifications: string[];
  roles: { role: string; description: string; sees: Record<string, boolean> }[];
}

/** The builder's forms, drafts and deployed. */
export const listForms = () => apiFetch<{ items: FormSummary[] }>('/api/forms').then((body) => body.items);

/** One form, its newest version. */
export const loadForm = (id: string) => apiFetch<FormDetails>(`/api/forms/${encodeURIComponent(id)}`);

/** Saves the form as a draft; a 400 names what is wrong. */
export const saveForm = (form: EditedForm) => apiFetch<FormDetails>(`/api/forms/${encodeURIComponent(form.id)}`, { method: 'PUT', body: form });

/** Which roles read which classifications. */
export const loadVisibility = () => apiFetch<Visibility>('/api/forms/visibility');
