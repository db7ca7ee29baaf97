import { packRules } from '@casl/ability/extra';
import { allowedSections, homeSection } from '../src/navigation';
import { abilityFromRules } from '../src/session/abilityFromRules';

type Rule = { action: string; subject: string; conditions?: object; fields?: string[]; inverted?: boolean };

const abilityOf = (rules: Rule[]) => abilityFromRules(packRules(rules));

/** The sections a user with these rules gets, as the server would pack them into /api/me. */
function sectionsFor(rules: Rule[]): string[] {
  return allowedSections(abilityOf(rules)).map((entry) => entry.id);
}

const dealerStaff: Rule[] = [
  { action: 'read', subject: 'Task', conditions: { dealerId: 'dealer1' } },
  { action: 'start', subject: 'Process' },
  { action: 'read', subject: 'Dealer', conditions: { id: 'dealer1' }, fields: ['id', 'name'] },
];

test('a process admin (manage all) gets every section and starts on the dashboard', () => {
  const admin = [{ action: 'manage', subject: 'all' }];
  expect(sectionsFor(admin)).toEqual(['dashboard', 'inbox', 'approvals', 'cases', 'start', 'designer', 'instances', 'audit', 'dealers', 'vehicles', 'tenders', 'leads', 'kpi', 'users', 'apiTokens', 'webhooks']);
  expect(homeSection(abilityOf(admin))?.id).toBe('dashboard');
});

test('the dashboard opens only to those granted it; who monitors instances without it starts on the instances', () => {
  expect(sectionsFor([{ action: 'read', subject: 'Dashboard' }])).toEqual(['dashboard']);
  const monitor = [{ action: 'monitor', subject: 'ProcessInstance' }, { action: 'read', subject: 'AuditEntry' }];
  expect(sectionsFor(monitor)).toEqual(['instances', 'audit']);
  expect(homeSection(abilityOf(monitor))?.id).toBe('instances');
});

test('dealer staff get their inbox, the start page and their dealer, and start on the inbox; no approvals, designer or audit', () => {
  expect(sectionsFor(dealerStaff)).toEqual(['inbox', 'start', 'dealers']);
  expect(homeSection(abilityOf(dealerStaff))?.id).toBe('inbox');
});

test('an approver gets the queue of the groups they may act for, and starts there', () => {
  const approver = [{ action: 'read', subject: 'Task' }, { action: 'assign', subject: 'Task', conditions: { candidateGroups: { $in: ['warranty'] } } }];
  expect(sectionsFor(approver)).toEqual(['inbox', 'approvals']);
  expect(homeSection(abilityOf(approver))?.id).toBe('approvals');
});

test('an auditor gets the audit trail and the dealers, and starts on the audit', () => {
  const rules = [
    { action: 'read', subject: 'AuditEntry' },
    { action: 'verify', subject: 'AuditEntry' },
    { action: 'read', subject: 'Dealer' },
  ];
  expect(sectionsFor(rules)).toEqual(['audit', 'dealers']);
  expect(homeSection(abilityOf(rules))?.id).toBe('audit');
});

test('the instances section opens only to those who may monitor instances', () => {
  expect(sectionsFor([{ action: 'read', subject: 'ProcessInstance' }])).toEqual(['cases']);
  expect(sectionsFor([{ action: 'monitor', subject: 'ProcessInstance', conditions: { dealerId: 'dealer1' } }])).toEqual(['instances']);
});

test('whoever may read cases, of one dealer or of all, gets the Cases section, which is never a home', () => {
  const staffWithCases = [...dealerStaff, { action: 'read', subject: 'ProcessInstance', conditions: { dealerId: 'dealer1' } }];
  expect(sectionsFor(staffWithCases)).toEqual(['inbox', 'cases', 'start', 'dealers']);
  expect(homeSection(abilityOf(staffWithCases))?.id).toBe('inbox');
  expect(sectionsFor([{ action: 'read', subject: 'ProcessInstance' }])).toEqual(['cases']);
});

test('whoever may read dealer KPIs, of one dealer or of all, gets the KPIs section, which is never a home', () => {
  const staffWithKpis = [...dealerStaff, { action: 'read', subject: 'DealerKpi', conditions: { id: 'dealer1' } }];
  expect(sectionsFor(staffWithKpis)).toEqual(['inbox', 'start', 'dealers', 'kpi']);
  expect(homeSection(abilityOf(staffWithKpis))?.id).toBe('inbox');
  expect(sectionsFor([{ action: 'read', subject: 'DealerKpi' }])).toEqual(['kpi']);
});

test('the Users section opens to whoever may change users, not to those who only read the directory', () => {
  expect(sectionsFor([{ action: 'update', subject: 'User' }])).toEqual(['users']);
  expect(sectionsFor([{ action: 'read', subject: 'User', conditions: { dealerId: 'dealer1' } }, ...dealerStaff])).toEqual(['inbox', 'start', 'dealers']);
});
