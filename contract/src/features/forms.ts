import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { DateTime, Items, JsonObject, Nullable } from '../common';

/** A text in both languages of the app. */
export const LocalizedText = Type.Object({ ru: Type.String(), en: Type.String() });

/** A form: JSON Schema, ui schema and English labels by dotted field path (the schema's own titles are Russian). */
export const FormDefinition = Type.Object(
  {
    id: Type.String(),
    title: LocalizedText,
    /** The JSON Schema of the form's data: an object schema whose `properties` are the fields. */
    schema: Type.Intersect([Type.Object({ properties: Type.Optional(JsonObject) }), JsonObject]),
    uiSchema: Type.Optional(JsonObject),
    labels: Type.Optional(Type.Object({ en: Type.Optional(Type.Record(Type.String(), Type.String())) })),
  },
);
export type FormDefinition = Static<typeof FormDefinition>;
export type LocalizedText = Static<typeof LocalizedText>;

/** One form as the builder sees it: the newer of its draft and its deployment. */
export const EditableForm = Type.Object({
  id: Type.String(),
  title: LocalizedText,
  /** `draft` when a saved draft differs from the deployed form (or nothing is deployed). */
  source: Type.Union([Type.Literal('draft'), Type.Literal('deployed')]),
  deployedAt: Nullable(DateTime),
  draftSavedAt: Nullable(DateTime),
  draftSavedBy: Nullable(Type.String()),
});
export type EditableForm = Static<typeof EditableForm>;

/** A form with its definition. */
export const EditableFormDetails = Type.Object({ ...EditableForm.properties, form: FormDefinition });
export type EditableFormDetails = Static<typeof EditableFormDetails>;

export const Classification = Type.Union([Type.Literal('public'), Type.Literal('internal'), Type.Literal('personal'), Type.Literal('financial')]);

/** Which classifications each role reads unmasked. */
export const FormVisibility = Type.Object({
  classifications: Type.Array(Classification),
  roles: Type.Array(Type.Object({ role: Type.String(), description: Type.String(), sees: Type.Record(Type.String(), Type.Boolean()) })),
});
export type FormVisibility = Static<typeof FormVisibility>;

const FormIdParams = Type.Object({ formId: Type.String() });

/** The form builder's routes. */
export const formRoutes = {
  list: route({ method: 'GET', path: '/api/forms', summary: 'Every form the form builder knows, deployed or draft', tags: ['forms'], auth: 'user', responses: { 200: Items(EditableForm) } }),
  visibility: route({ method: 'GET', path: '/api/forms/visibility', summary: 'Which roles see which field classifications', tags: ['forms'], auth: 'user', responses: { 200: FormVisibility } }),
  get: route({ method: 'GET', path: '/api/forms/:formId', summary: 'One form as the builder edits it (its draft when that differs from the deployed one)', tags: ['forms'], auth: 'user', params: FormIdParams, responses: { 200: EditableFormDetails } }),
  saveDraft: route({
    method: 'PUT',
    path: '/api/forms/:formId',
    summary: 'Saves a form as a draft; running processes keep the deployed form until it is deployed',
    tags: ['forms'],
    auth: 'user',
    params: FormIdParams,
    // the form parser checks it and names each bad field in the form's own terms
    body: Type.Unknown({ description: 'a form definition: id, title in Russian and English, JSON Schema, ui schema, English labels' }),
    responses: { 200: EditableFormDetails },
  }),
};
