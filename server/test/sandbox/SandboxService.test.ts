import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CurrentUser } from '../../src/auth/CurrentUser';
import { defineAbilityFor } from '../../src/permissions/defineAbilityFor';
import { roleCatalog } from '../../src/permissions/roleCatalog';
import { SandboxService } from '../../src/sandbox/SandboxService';
import { linearProcess, userTaskFor } from '../support/linearProcess';

const review = { id: 'Review', name: 'Review', extensions: userTaskFor('sales', 'tiny-form') };
const xml = linearProcess({ id: 'tiny', name: 'Tiny', steps: [review] });
const rules = readFileSync(join(__dirname, '../../../engine/conformance/fixtures/c_rules.dmn'), 'utf8');
/** The tiny process with a business rule task calling `lead_routing` before the review. */
const withDecision = linearProcess({ id: 'tiny', name: 'Tiny', steps: [{ id: 'Route', name: 'Route', kind: 'businessRuleTask', extensions: '<zeebe:calledDecision decisionId="lead_routing" resultVariable="routing" />' }, review] });
const form = { id: 'tiny-form', title: { ru: 'Проверка', en: 'Review' }, schema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] } };

const userWith = (username: string, role: string): CurrentUser => {
  const rules = roleCatalog.find((r) => r.name === role)!.rules;
  return { id: username, username, displayName: username, dealerId: null, roles: [role], groups: [], locale: 'ru', ability: defineAbilityFor({ id: username, username, dealerId: null, groups: [] }, rules) };
};

describe('SandboxService', () => {
  let now = 1_000_000;
  const sandbox = new SandboxService({ plugins: () => [], lookupForm: async () => null, log: { info() {}, warn() {}, error() {} }, idleMs: 30 * 60_000, maxRunsPerUser: 2, now: () => now });
  const admin = userWith('admin', 'process-admin');
  afterAll(() => sandbox.shutdown());

  it('closes a run idle for longer than the limit, and keeps one in use', async () => {
    const idle = await sandbox.start(admin, { xml, forms: [form] });
    const used = await sandbox.start(admin, { xml, forms: [form] });
    expect(idle.tasks).toEqual([expect.objectContaining({ elementId: 'Review', form: expect.objectContaining({ id: 'tiny-form' }) })]);
    now += 20 * 60_000;
    await sandbox.get(admin, used.id);
    now += 11 * 60_000;
    await expect(sandbox.get(admin, idle.id)).rejects.toMatchObject({ status: 404 });
    const view = await sandbox.complete(admin, used.id, used.tasks[0].key, { ok: true });
    expect(view.state).toBe('COMPLETED');
    expect(view.path).toEqual(['Start', 'Review', 'End']);
  });

  it('keeps at most the cap of runs per admin, closing the least recently used', async () => {
    const first = await sandbox.start(admin, { xml, forms: [form] });
    now += 1;
    const second = await sandbox.start(admin, { xml, forms: [form] });
    now += 1;
    const third = await sandbox.start(admin, { xml, forms: [form] });
    await expect(sandbox.get(admin, first.id)).rejects.toMatchObject({ status: 404 });
    expect((await sandbox.get(admin, second.id)).id).toBe(second.id);
    expect((await sandbox.get(admin, third.id)).id).toBe(third.id);
    // Another admin's runs are theirs: not visible, and not counted against this one.
    const other = { ...userWith('admin2', 'process-admin') };
    await expect(sandbox.get(other, third.id)).rejects.toMatchObject({ status: 404 });
  });

  it('evaluates the DMN decisions sent with the draft, and refuses a broken table with its problems', async () => {
    const view = await sandbox.start(admin, { xml: withDecision, forms: [form], decisions: [{ name: 'rules.dmn', content: rules }], variables: { region: 'Moscow', budget: 7_000_000 } });
    expect(view.variables.routing).toEqual({ dealerId: 'dealer1', channel: 'call' });
    expect(view.active).toEqual(['Review']);
    const broken = rules.replace('<text>"dealer2"</text>', '<text>"dealer2" +</text>');
    await expect(sandbox.start(admin, { xml: withDecision, forms: [form], decisions: [{ name: 'rules.dmn', content: broken }] })).rejects.toMatchObject({ status: 400, details: expect.arrayContaining([expect.objectContaining({ field: 'o5' })]) });
  });

  it('refuses a start form that is missing and users without the right to test-run', async () => {
    await expect(sandbox.start(admin, { xml })).resolves.toMatchObject({ tasks: [expect.objectContaining({ form: null })] });
    await expect(sandbox.start(userWith('a', 'distributor-approver'), { xml, forms: [form] })).rejects.toMatchObject({ status: 403 });
  });
});
