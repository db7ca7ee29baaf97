import type { FormId, FormKey, FormResult, TenantId } from '@camunda8/orchestration-cluster-api';
import type { FormDefinition } from '@dealerflow/engine';

/** The only tenant: there is no multi-tenancy. */
export const DEFAULT_TENANT = '<default>';

/** Brands a key or id for the API's response types (they brand every identifier); the value stays the int64 string or id. */
export function asKey<T extends string>(value: string): T {
  return value as T;
}

/** An engine timestamp (epoch ms) as the API's ISO 8601 date-time. */
export function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** A form key as the API gives it: only the key of a form deployed to the engine (digits); a custom form key has no field. */
export function deployedFormKey(formKey: string | undefined): string | undefined {
  return formKey !== undefined && /^\d+$/.test(formKey) ? formKey : undefined;
}

/** A deployed form with its document, as the API answers it for a user task or a start event. */
export function formResult(form: FormDefinition): FormResult {
  return { formKey: asKey<FormKey>(form.formKey), formId: asKey<FormId>(form.formId), version: form.version, tenantId: asKey<TenantId>(DEFAULT_TENANT), schema: form.schema };
}
