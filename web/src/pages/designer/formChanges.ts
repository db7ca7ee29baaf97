import type { LinkedForm } from './linkedForms';

/** How the forms a diagram links differ from the ones its deployed version linked. */
export interface FormChanges {
  added: LinkedForm[];
  removed: LinkedForm[];
  changed: LinkedForm[];
}

/** JSON with object keys sorted, so two forms equal in content compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The forms added, removed and changed (by content) from `before` to `after`, matched by id. */
export function formChanges(before: LinkedForm[], after: LinkedForm[]): FormChanges {
  const old = new Map(before.map((form) => [form.id, form]));
  const next = new Map(after.map((form) => [form.id, form]));
  return {
    added: after.filter((form) => !old.has(form.id)),
    removed: before.filter((form) => !next.has(form.id)),
    changed: after.filter((form) => old.has(form.id) && canonical(old.get(form.id)) !== canonical(form)),
  };
}
