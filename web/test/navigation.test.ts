import { packRules } from '@casl/ability/extra';
import { allowedSections } from '../src/navigation';
import { abilityFromRules } from '../src/session/abilityFromRules';

type Rule = { action: string; subject: string; conditions?: object; fields?: string[]; inverted?: boolean };

/** The sections a user with these rules gets, as the server would pack them into /api/me. */
function sectionsFor(rules: Rule[]): string[] {
  return allowedSections(abilityFromRules(packRules(rules))).map((entry) => entry.id);
}

const processSections = ['inbox', 'approvals', 'start'];
const adminSections = ['inbox', 'approvals', 'start', 'designer', 'instances'];

test('a process admin (manage all) gets every section', () => {
  expect(sectionsFor([{ action: 'manage', subject: 'all' }])).toEqual([...adminSections, 'audit', 'dealers', 'vehicles']);
});

test('dealer staff get the process sections and their dealers, not the designer or the audit trail', () => {
  const rules = [{ action: 'read', subject: 'Dealer', conditions: { id: 'dealer1' }, fields: ['id', 'name'] }];
  expect(sectionsFor(rules)).toEqual([...processSections, 'dealers']);
});

test('an auditor gets the audit trail and the dealers', () => {
  const rules = [
    { action: 'read', subject: 'AuditEntry' },
    { action: 'verify', subject: 'AuditEntry' },
    { action: 'read', subject: 'Dealer' },
  ];
  expect(sectionsFor(rules)).toEqual([...processSections, 'audit', 'dealers']);
});

test('the instances section opens only to those who may monitor instances', () => {
  expect(sectionsFor([{ action: 'read', subject: 'ProcessInstance' }])).toEqual(processSections);
  expect(sectionsFor([{ action: 'monitor', subject: 'ProcessInstance', conditions: { dealerId: 'dealer1' } }])).toEqual([...processSections, 'instances']);
});

test('a rule that clearly denies a process section hides it, a conditional denial does not', () => {
  const rules = [
    { action: 'read', subject: 'Task', inverted: true },
    { action: 'create', subject: 'ProcessInstance', inverted: true, conditions: { dealerId: 'dealer2' } },
  ];
  expect(sectionsFor(rules)).toEqual(['approvals', 'start']);
});
