import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { customFormats } from './innChecksum';

/** One invalid field, as the API returns it in `details` and forms show it beside the field. */
export interface FieldError {
  /** Dotted path of the field, e.g. `parts.0.price`; `(root)` for the whole value. */
  field: string;
  message: string;
}

/** The outcome of checking a value against a schema. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
for (const [name, check] of Object.entries(customFormats)) ajv.addFormat(name, { type: 'string', validate: check });

/** ajv's errors as `{ field, message }`, naming the missing or unexpected property itself. */
export function toFieldErrors(errors: ErrorObject[] | null | undefined): FieldError[] {
  return (errors ?? []).map((error) => {
    const params = error.params as { missingProperty?: string; additionalProperty?: string };
    const leaf = error.keyword === 'required' ? params.missingProperty : error.keyword === 'additionalProperties' ? params.additionalProperty : undefined;
    const pointer = leaf === undefined ? error.instancePath : `${error.instancePath}/${leaf}`;
    const field = pointer.replace(/^\//, '').replace(/\//g, '.') || '(root)';
    return { field, message: error.keyword === 'additionalProperties' ? 'is not allowed' : error.message ?? 'is invalid' };
  });
}

const compiled = new Map<string, (value: unknown) => ValidationResult<unknown>>();

/**
 * Compiles a JSON Schema and returns a checker; equal schemas share one compilation (it
 * costs far more than a check). The same code runs in the server (request and form
 * validation) and in the browser (form feedback before submit).
 */
export function compileValidator<T>(schema: object): (value: unknown) => ValidationResult<T> {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    const check = ajv.compile(schema);
    validate = (value) => (check(value) ? { ok: true, value } : { ok: false, errors: toFieldErrors(check.errors) });
    compiled.set(key, validate);
  }
  return validate as (value: unknown) => ValidationResult<T>;
}
