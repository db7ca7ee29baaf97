import type { Variables } from '@dealerflow/engine';
import { invalidArgument } from './GatewayError';

/** The only tenant of a gateway without multi-tenancy. */
export const DEFAULT_TENANT = '<default>';

/** Parses a JSON document field: empty means {}, anything but an object is refused. */
export function parseVariables(json: string | undefined, property = 'variables'): Variables {
  if (!json || json.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw invalidArgument(`Property '${property}' is invalid: Expected document to be valid JSON, but it was not: ${(e as Error).message}`);
  }
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'ARRAY' : typeof value === 'string' ? 'STRING' : typeof value === 'number' ? 'NUMBER' : 'BOOLEAN';
    throw invalidArgument(`Property '${property}' is invalid: Expected document to be a root level object, but was '${kind}'`);
  }
  return value as Variables;
}

/** Reads an int64 key sent as a decimal string; it must be positive. */
export function parseKey(value: string | number | undefined, property: string): string {
  const text = String(value ?? '');
  if (!/^\d+$/.test(text) || /^0+$/.test(text)) throw invalidArgument(`Expected argument '${property}' to be a positive key, but was '${text}'`);
  return text;
}

/** Reads an int64 duration or count (ms) sent as a decimal string. */
export function parseLong(value: string | number | undefined): number {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
}

/** Refuses tenants other than the default one: this gateway has no multi-tenancy. */
export function checkTenant(rpc: string, tenantIds: Array<string | undefined>): void {
  for (const tenant of tenantIds) {
    if (tenant && tenant !== DEFAULT_TENANT) throw invalidArgument(`Expected to handle gRPC request ${rpc} with tenant identifier '${tenant}', but multi-tenancy is disabled`);
  }
}

/** Keeps only the named variables (all when no names are given). */
export function pick(variables: Variables, names: string[] | undefined): Variables {
  if (!names || names.length === 0) return variables;
  return Object.fromEntries(names.filter((n) => n in variables).map((n) => [n, variables[n]]));
}
