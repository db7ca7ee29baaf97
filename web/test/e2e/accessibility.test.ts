import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('accessibility');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page (WCAG 2 A and AA) and returns the serious and critical violations, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run({ exclude: [['.djs-container']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

// The content security policy forbids injected scripts; axe is a test tool, so this profile bypasses it.
const options = { bypassCSP: true };

test('the inbox, a task, the start form and the approval queue have no serious accessibility violations', async () => {
  const dealer = await suite.signedIn('dealer2.staff', options);
  await dealer.getByTestId('task-table').waitFor();
  expect(await seriousViolations(dealer)).toEqual([]);
  await dealer.locator('[data-testid="task-table"] tr[data-element="ProvideInformation"]').first().click();
  await dealer.getByLabel('Ответ дилера').waitFor();
  expect(await seriousViolations(dealer)).toEqual([]);
  await dealer.getByRole('link', { name: 'Запустить процесс' }).click();
  await dealer.locator('[data-process="warranty-claim"]').click();
  await dealer.getByLabel('VIN').waitFor();
  expect(await seriousViolations(dealer)).toEqual([]);
  await dealer.context().close();

  const approver = await suite.signedIn('approver.warranty', options);
  await approver.getByTestId('approvals-table').waitFor();
  expect(await seriousViolations(approver)).toEqual([]);
  await suite.shot(approver, 'approvals');
  await approver.context().close();
}, 90_000);

test('the audit trail has no serious accessibility violations', async () => {
  const auditor = await suite.signedIn('auditor', options);
  await auditor.getByTestId('audit-table').waitFor();
  expect(await seriousViolations(auditor)).toEqual([]);
  await suite.shot(auditor, 'audit');
  await auditor.context().close();
}, 60_000);

test('the API tokens page, its new secret and its list have no serious accessibility violations', async () => {
  const admin = await suite.signedIn('admin', options);
  await admin.goto(suite.server.url + '/api-tokens');
  await admin.getByLabel('Название учётной записи').fill('Сайт бренда');
  await admin.getByRole('button', { name: 'Создать токен' }).click();
  await admin.getByTestId('token-secret').waitFor();
  await admin.getByTestId('api-tokens-table').waitFor();
  expect(await seriousViolations(admin)).toEqual([]);
  await admin.getByRole('button', { name: 'Я сохранил(а) токен' }).click();
  await admin.getByRole('button', { name: 'Отозвать', exact: true }).click();
  expect(await seriousViolations(admin)).toEqual([]);
  await admin.context().close();
}, 60_000);

test('the Users page, its role editor and its confirmation before disabling have no serious accessibility violations', async () => {
  const admin = await suite.signedIn('admin', options);
  await admin.goto(suite.server.url + '/users');
  const row = admin.locator('[data-testid="users-table"] tr[data-user="dealer3.staff"]');
  await row.waitFor();
  expect(await seriousViolations(admin)).toEqual([]);
  await row.getByRole('button', { name: 'Изменить роли' }).click();
  await admin.locator('form.users-roles').waitFor();
  await row.getByRole('button', { name: 'Отключить' }).click();
  await row.getByRole('button', { name: 'Да, отключить' }).waitFor();
  expect(await seriousViolations(admin)).toEqual([]);
  await admin.context().close();
}, 60_000);

test('the Cases page and a case page have no serious accessibility violations', async () => {
  const dealer = await suite.signedIn('dealer1.staff', options);
  await dealer.getByRole('link', { name: 'Заявки', exact: true }).click();
  await dealer.getByTestId('case-table').waitFor();
  expect(await seriousViolations(dealer)).toEqual([]);
  await suite.shot(dealer, 'cases');
  await dealer.locator('[data-testid="case-table"] tbody tr').first().getByRole('link').click();
  await dealer.getByTestId('case-timeline').waitFor();
  await dealer.locator('.case-diagram .djs-container').waitFor();
  expect(await seriousViolations(dealer)).toEqual([]);
  await suite.shot(dealer, 'case');
  await dealer.context().close();
}, 60_000);
