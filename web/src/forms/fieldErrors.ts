import type { ErrorSchema } from '@rjsf/utils';
import { ApiError } from '../api/ApiError';

/** A field error as the server reports it in a 400's details. */
export interface FieldError {
  field: string;
  message: string;
}

/** The field errors of a 400 answer, or an empty list. */
export function fieldErrorsOf(error: unknown): FieldError[] {
  if (!(error instanceof ApiError) || error.status !== 400 || !Array.isArray(error.details)) return [];
  return (error.details as unknown[]).filter((item): item is FieldError => typeof item === 'object' && item !== null && typeof (item as FieldError).field === 'string');
}

/** Turns dotted field paths ("parts.0.price") into rjsf's nested error schema for `extraErrors`. */
export function toErrorSchema(errors: FieldError[]): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const { field, message } of errors) {
    let node = root;
    for (const part of field.split('.').filter(Boolean)) {
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    }
    const list = (node.__errors ??= []) as string[];
    list.push(message);
  }
  return root as ErrorSchema;
}
