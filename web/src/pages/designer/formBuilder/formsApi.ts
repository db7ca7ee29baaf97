import { apiFetch } from '../../../api/apiFetch';
import type { EditableForm, EditableFormDetails, FormDefinition, FormVisibility } from '@dealerflow/contract';

/** A form definition as the builder edits it. */
export type EditedForm = FormDefinition;
/** `GET /api/forms`: one form of the builder's list. */
export type FormSummary = EditableForm;
/** `GET /api/forms/:id`: a form with its definition. */
export type FormDetails = EditableFormDetails;
/** The field classifications a role reads unmasked (`GET /api/forms/visibility`). */
export type Visibility = FormVisibility;

/** The builder's forms, drafts and deployed. */
export const listForms = () => apiFetch<{ items: FormSummary[] }>('/api/forms').then((body) => body.items);

/** One form, its newest version. */
export const loadForm = (id: string) => apiFetch<FormDetails>(`/api/forms/${encodeURIComponent(id)}`);

/** Saves the form as a draft; a 400 names what is wrong. */
export const saveForm = (form: EditedForm) => apiFetch<FormDetails>(`/api/forms/${encodeURIComponent(form.id)}`, { method: 'PUT', body: form });

/** Which roles read which classifications. */
export const loadVisibility = () => apiFetch<Visibility>('/api/forms/visibility');
