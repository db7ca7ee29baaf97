import type { ModelProblem } from '../../port';

/** A form read from a deployed resource: its id and its JSON document. */
export interface ParsedForm {
  formId: string;
  resourceName: string;
  /** The resource's text, stored as deployed. */
  content: string;
}

/** Form ids are stored beside process ids, whose column holds 255 characters with the prefix. */
const MAX_FORM_ID = 240;

/** A Camunda form (`.form`) or one of our JSON-Schema forms (`.form.json`). */
export function isFormResource(name: string): boolean {
  return /\.form(\.json)?$/i.test(name);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a form resource. Like Camunda, a form needs only to be a JSON object with an `id`; one of
 * ours (`.form.json`) also needs its JSON Schema in `schema`, since without it nothing can be rendered.
 */
export function parseForm(resourceName: string, content: string): { form?: ParsedForm; problems: ModelProblem[] } {
  const problem = (message: string) => ({ problems: [{ resourceName, message }] });
  let document: unknown;
  try {
    document = JSON.parse(content);
  } catch (error) {
    return problem(`the form is not JSON: ${(error as Error).message}`);
  }
  if (!isObject(document)) return problem('the form must be a JSON object');
  const { id } = document;
  if (typeof id !== 'string' || id.trim() === '') return problem("the form needs its id as a non-empty string in 'id'");
  if (id.length > MAX_FORM_ID) return problem(`the form id is longer than ${MAX_FORM_ID} characters`);
  if (/\.form\.json$/i.test(resourceName) && !isObject(document.schema)) return problem("the form needs its JSON Schema as an object in 'schema'");
  return { form: { formId: id, resourceName, content }, problems: [] };
}
