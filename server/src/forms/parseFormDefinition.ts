import { compileValidator } from '@dealerflow/forms';
import { ValidationError } from '../errors/AppError';
import type { FormDefinition } from '../processes/FormCatalog';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Form ids as deployments accept them. */
export const FORM_ID_PATTERN = /^[\w.-]{1,128}$/;

/**
 * Checks that `value` is a form definition whose schema ajv compiles; a 400 naming `field`
 * and the compiler's reason otherwise.
 */
export function parseFormDefinition(value: unknown, field = 'form'): FormDefinition {
  if (!isObject(value)) throw new ValidationError('A form definition must be an object', [{ field, message: 'is not an object' }]);
  const problems: { field: string; message: string }[] = [];
  if (typeof value.id !== 'string' || !FORM_ID_PATTERN.test(value.id)) problems.push({ field: `${field}.id`, message: 'must be 1–128 letters, digits, "_", "." or "-"' });
  const title = value.title;
  if (!isObject(title) || typeof title.ru !== 'string' || typeof title.en !== 'string') problems.push({ field: `${field}.title`, message: 'needs "ru" and "en" strings' });
  if (!isObject(value.schema)) problems.push({ field: `${field}.schema`, message: 'must be a JSON Schema object' });
  if (value.uiSchema !== undefined && !isObject(value.uiSchema)) problems.push({ field: `${field}.uiSchema`, message: 'must be an object' });
  if (value.labels !== undefined && !isObject(value.labels)) problems.push({ field: `${field}.labels`, message: 'must be an object' });
  if (problems.length) throw new ValidationError('The form definition is incomplete', problems);
  try {
    compileValidator(value.schema as object);
  } catch (error) {
    throw new ValidationError(`The form's JSON Schema does not compile: ${(error as Error).message}`, [{ field: `${field}.schema`, message: (error as Error).message }]);
  }
  const { id, schema, uiSchema, labels } = value as unknown as FormDefinition;
  return { id, title: { ru: (title as { ru: string }).ru, en: (title as { en: string }).en }, schema, ...(uiSchema ? { uiSchema } : {}), ...(labels ? { labels } : {}) };
}
