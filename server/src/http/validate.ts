import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { ValidationError } from '../errors/AppError';

const ajv = new Ajv({ allErrors: true, removeAdditional: false, coerceTypes: false });
addFormats(ajv);

/** A field error as clients receive it in `details`. */
export interface FieldError {
  field: string;
  message: string;
}

/** ajv errors as `{ field, message }`, with the field as a dotted path. */
export function fieldErrors(errors: ErrorObject[] | null | undefined): FieldError[] {
  return (errors ?? []).map((error) => {
    const missing = error.keyword === 'required' ? `/${(error.params as { missingProperty: string }).missingProperty}` : '';
    const extra = error.keyword === 'additionalProperties' ? `/${(error.params as { additionalProperty: string }).additionalProperty}` : '';
    const path = `${error.instancePath}${missing}${extra}`.replace(/^\//, '').replace(/\//g, '.');
    return { field: path || '(body)', message: error.keyword === 'additionalProperties' ? 'is not allowed' : error.message ?? 'is invalid' };
  });
}

/** Compiles `schema` once; the returned function returns the value as `T` or throws a 400 naming every bad field. */
export function validator<T>(schema: object): (value: unknown) => T {
  const check = ajv.compile<T>(schema);
  return (value: unknown): T => {
    if (!check(value)) throw new ValidationError('The request has invalid fields', fieldErrors(check.errors));
    return value;
  };
}
