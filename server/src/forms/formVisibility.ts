import { subject } from '@casl/ability';
import type { Classification } from '@dealerflow/forms';
import type { DataSource } from 'typeorm';
import { Role } from '../entities/Role';
import { defineAbilityFor } from '../permissions/defineAbilityFor';

/** Every classification a form field may carry. */
export const CLASSIFICATIONS: Classification[] = ['public', 'internal', 'personal', 'financial'];

/** Which classifications one role reads unmasked. */
export interface RoleVisibility {
  role: string;
  description: string;
  sees: Record<Classification, boolean>;
}

/**
 * What each stored role may read of a form field, by classification, straight from the roles'
 * CASL rules (the same `FormField` rules that mask forms for real users).
 */
export async function formVisibility(dataSource: DataSource): Promise<{ classifications: Classification[]; roles: RoleVisibility[] }> {
  const roles = await dataSource.getRepository(Role).find({ order: { name: 'ASC' } });
  // FormField rules speak of classifications only; a user without a dealer stands in for any member.
  const anyone = { id: '', username: '', dealerId: null, groups: [] };
  return {
    classifications: CLASSIFICATIONS,
    roles: roles.map((role) => {
      const ability = defineAbilityFor(anyone, role.rules);
      const sees = Object.fromEntries(CLASSIFICATIONS.map((c) => [c, ability.can('read', subject('FormField', { classification: c }))])) as Record<Classification, boolean>;
      return { role: role.name, description: role.description, sees };
    })
      // A role that reads no form at all (a machine client's) is no reader a field is hidden from.
      .filter((role) => Object.values(role.sees).some(Boolean)),
  };
}
