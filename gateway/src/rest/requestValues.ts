import type { Variables } from '@dealerflow/engine';
import { badRequest } from './Problem';

/** Reads an int64 key from a path or body: a positive decimal string (a number is accepted as JSON clients send it). */
export function keyParam(value: unknown, name: string): string {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,19}$/.test(text) || /^0+$/.test(text)) throw badRequest(`The value for ${name} is '${String(value)}' but must be a positive int64 key`);
  return text;
}

/** The request body as an object ({} when empty); anything else is refused. */
export function bodyOf(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0)) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('The request body must be a JSON object');
  return body as Record<string, unknown>;
}

/** Reads an optional variables object. */
export function variablesOf(value: unknown, name = 'variables'): Variables {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest(`The value for ${name} must be a JSON object`);
  return value as Variables;
}

/** Reads a required non-empty string. */
export function requiredString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw badRequest(`No ${name} provided`);
  return value;
}

/** Reads an optional string. */
export function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`The value for ${name} must be a string`);
  return value;
}

/** Reads an optional integer (ms, counts), or a fallback. */
export function optionalInteger(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw badRequest(`The value for ${name} is '${String(value)}' but must be an integer`);
  return n;
}

/** Refuses a tenant other than the default one: there is no multi-tenancy. */
export function checkTenant(value: unknown): void {
  if (value !== undefined && value !== null && value !== '<default>') throw badRequest(`Expected to handle request with tenant identifier '${String(value)}', but multi-tenancy is disabled`);
}
