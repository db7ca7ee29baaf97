import { subject } from '@casl/ability';
import { defineAbilityFor } from '../../src/permissions/defineAbilityFor';
import { permittedView } from '../../src/permissions/permittedView';
import { roleCatalog } from '../../src/permissions/roleCatalog';

const rulesOf = (name: string) => roleCatalog.find((role) => role.name === name)!.rules;
const staff = { id: 'u1', username: 'dealer1.staff', dealerId: 'dealer1', groups: [] };
const dealer = (id: string) => ({ id, name: 'X', region: 'R', territoryCodes: [], rating: 4, creditLimit: 1000 });

describe('defineAbilityFor', () => {
  it('fills ${user.dealerId} so dealer staff reach only their dealer', () => {
    const ability = defineAbilityFor(staff, rulesOf('dealer-staff'));
    expect(ability.can('read', subject('Dealer', dealer('dealer1')))).toBe(true);
    expect(ability.can('read', subject('Dealer', dealer('dealer2')))).toBe(false);
  });

  it('masks the financial field for staff and keeps it for managers', () => {
    const staffView = permittedView(defineAbilityFor(staff, rulesOf('dealer-staff')), 'read', 'Dealer', dealer('dealer1'));
    const managerView = permittedView(defineAbilityFor(staff, rulesOf('dealer-manager')), 'read', 'Dealer', dealer('dealer1'));
    expect(staffView).not.toHaveProperty('creditLimit');
    expect(staffView).toHaveProperty('rating', 4);
    expect(managerView).toHaveProperty('creditLimit', 1000);
  });

  it('gives a user without a dealer no dealer-scoped access (null, not the text "null")', () => {
    const ability = defineAbilityFor({ ...staff, dealerId: null }, rulesOf('dealer-staff'));
    expect(ability.can('read', subject('Dealer', dealer('dealer1')))).toBe(false);
    expect(ability.rules[0].conditions).toEqual({ id: null });
  });

  it('lets dealer staff see every form field class but financial ones, and managers all', () => {
    const field = (classification: string) => subject('FormField', { classification });
    const staffAbility = defineAbilityFor(staff, rulesOf('dealer-staff'));
    const managerAbility = defineAbilityFor(staff, rulesOf('dealer-manager'));
    expect(['public', 'internal', 'personal', 'financial'].filter((c) => staffAbility.can('read', field(c)))).toEqual(['public', 'internal', 'personal']);
    expect(managerAbility.can('read', field('financial'))).toBe(true);
  });

  it('allows nothing to an anonymous caller', () => {
    const ability = defineAbilityFor(null, rulesOf('process-admin'));
    expect(ability.can('read', 'Dealer')).toBe(false);
  });

  it('does not change the shipped catalog', () => {
    defineAbilityFor(staff, rulesOf('dealer-staff'));
    expect(rulesOf('dealer-staff')[0].conditions).toEqual({ id: '${user.dealerId}' });
  });
});
