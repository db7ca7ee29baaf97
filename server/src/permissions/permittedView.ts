import { subject } from '@casl/ability';
import { permittedFieldsOf } from '@casl/ability/extra';
import type { Action, AppAbility, SubjectName } from './RoleRule';

/**
 * The record with only the fields `ability` lets the user `action`; null when the
 * record itself is out of reach. Field masking happens here and nowhere else.
 */
export function permittedView<T extends object>(ability: AppAbility, action: Action, type: SubjectName, record: T): Partial<T> | null {
  const tagged = subject(type, { ...record } as Record<string, unknown>);
  if (!ability.can(action, tagged)) return null;
  const fields = permittedFieldsOf(ability, action, tagged, { fieldsFrom: (rule) => rule.fields ?? Object.keys(record) });
  return Object.fromEntries(Object.entries(record).filter(([key]) => fields.includes(key))) as Partial<T>;
}
