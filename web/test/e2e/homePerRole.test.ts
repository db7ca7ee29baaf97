import type { Page } from 'playwright-core';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('home-per-role');

async function navSections(page: Page): Promise<string[]> {
  return page.locator('nav .side-nav__link').evaluateAll((links) => links.map((link) => link.getAttribute('data-section') ?? ''));
}

/** Signs in from the root address and returns where the app landed and what the menu offers. */
async function landing(username: string, heading: string): Promise<{ page: Page; path: string; sections: string[] }> {
  const page = await suite.signedIn(username);
  await page.getByRole('heading', { name: heading, level: 1, exact: true }).waitFor();
  return { page, path: new URL(page.url()).pathname, sections: await navSections(page) };
}

test('an approver lands on the approval queue and is offered no start form nor audit', async () => {
  const { page, path, sections } = await landing('approver.warranty', 'Согласования');
  expect(path).toBe('/approvals');
  expect(sections).toEqual(['inbox', 'approvals', 'cases', 'dealers', 'vehicles', 'tenders', 'leads', 'kpi']);
  await suite.shot(page, 'approver');
  await page.context().close();
}, 60_000);

test('an auditor lands on the audit trail; tasks and the queue are not in the menu', async () => {
  const { page, path, sections } = await landing('auditor', 'Audit');
  expect(path).toBe('/audit');
  expect(sections).toEqual(['cases', 'audit', 'dealers', 'tenders', 'leads']);
  await suite.shot(page, 'auditor');
  await page.context().close();
}, 60_000);

test('an admin lands on the dashboard; dealer staff land on their inbox without the approval queue', async () => {
  const admin = await landing('admin', 'Обзор процессов');
  expect(admin.path).toBe('/dashboard');
  expect(admin.sections).toEqual(['dashboard', 'inbox', 'approvals', 'cases', 'start', 'designer', 'instances', 'audit', 'dealers', 'vehicles', 'tenders', 'leads', 'kpi', 'users', 'apiTokens', 'webhooks']);
  await admin.page.context().close();

  const staff = await landing('dealer1.staff', 'Входящие');
  expect(staff.path).toBe('/inbox');
  expect(staff.sections).toEqual(['inbox', 'cases', 'start', 'dealers', 'vehicles', 'tenders', 'leads', 'kpi']);
  await suite.shot(staff.page, 'dealer-staff');
  // A typed address of a hidden section is refused, not shown.
  await staff.page.goto(suite.server.url + '/approvals');
  await staff.page.getByText('У вас нет доступа к этому разделу.').waitFor();
  await staff.page.context().close();
}, 60_000);
