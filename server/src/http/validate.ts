import { compileValidator } from '@dealerflow/forms';
import { ValidationError } from '../errors/AppError';

/** Compiles `schema` once; the returned function returns the value as `T` or throws a 400 naming every bad field. */
export function validator<T>(schema: object): (value: unknown) => T {
  const check = compileValidator<T>(schema);
  return (value: unknown): T => {
    const result = check(value);
    if (!result.ok) throw new ValidationError('The request has invalid fields', result.errors);
    return result.value;
  };
}
