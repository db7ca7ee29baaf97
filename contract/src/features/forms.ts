import { Type, type Static } from '@sinclair/typebox';
import { route } from '../route';
import { Items, JsonObject } from '../common';

/** A text in both languages of the app. */
export const LocalizedText = Type.Object({ ru: Type.String(), en: Type.String() });

/** A form: JSON Schema, ui schema and English labels by dotted field path (the schema's own titles are Russian). */
export const FormDefinition = Type.Object(
  {
    id: Type.String(),
    title: LocalizedText,
    schema: JsonObject,
    uiSchema: Type.Optional(JsonObject),
    labels: Type.Optional(Type.Object({ en: Type.Optional(Type.Record(Type.String(), Type.String())) })),
  },
);
export type FormDefinition = Static<typeof FormDefinition>;
export type LocalizedText = Static<typeof LocalizedText>;

const FormIdParams = Type.Object({ formId: Type.String() });

/** The form builder's routes. */
export const formRoutes = {
  list: route({
    method: 'GET',
    path: '/api/forms',
    summary: 'Every form the form builder knows, deployed or draft',
    tags: ['forms'],
    auth: 'user',
    responses: { 200: Items(JsonObject) },
  }),
  visibility: route({
    method: 'GET',
    path: '/api/forms/visibility',
    summary: 'Which roles see which field classifications',
    tags: ['forms'],
    auth: 'user',
    responses: { 200: JsonObject },
  }),
  get: route({
    method: 'GET',
    path: '/api/forms/:formId',
    summary: 'One form as the builder edits it',
    tags: ['forms'],
    auth: 'user',
    params: FormIdParams,
    responses: { 200: JsonObject },
  }),
  saveDraft: route({
    method: 'PUT',
    path: '/api/forms/:formId',
    summary: 'Saves a form as a draft',
    tags: ['forms'],
    auth: 'user',
    params: FormIdParams,
    body: JsonObject,
    responses: { 200: JsonObject },
  }),
};
