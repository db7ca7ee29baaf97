import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('instances');

const shot = (page: Page, name: string) => suite.shot(page, name, { fullPage: true });

/** The class list of a drawn element (bpmn-js puts markers there). */
const classesOf = async (page: Page, elementId: string) => (await page.locator(`.djs-element[data-element-id="${elementId}"]`).first().getAttribute('class')) ?? '';

test('an admin filters the instances, opens the demo case that waits for the dealer and sees its token, path and heatmap', async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'ru-RU' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await page.goto(suite.server.url + '/sign-in');
  await page.getByLabel('Имя пользователя').fill('admin');
  await page.getByLabel('Пароль').fill('demo');
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: 'Экземпляры' }).click();
  await page.getByRole('heading', { name: 'Экземпляры' }).waitFor();
  await page.locator('[data-testid="instance-table"] tbody tr').first().waitFor();
  expect(await page.locator('[data-testid="instance-table"] tbody tr').count()).toBeGreaterThanOrEqual(5);
  await shot(page, 'list');

  // The demo case that was sent back to the dealer for more information.
  const tasks = (await (await page.request.get(suite.server.url + '/api/tasks?limit=200')).json()) as { items: { elementId: string; caseRef: string; dealerId: string }[] };
  const waiting = tasks.items.find((task) => task.elementId === 'ProvideInformation' && task.dealerId === 'dealer2')!;
  expect(waiting.dealerId).toBe('dealer2');

  // Given the filters dealer2, active, no incidents: only active dealer2 cases remain.
  const filters = page.getByTestId('instance-filters');
  await filters.getByLabel('Дилер').selectOption('dealer2');
  await filters.getByLabel('Состояние').selectOption('active');
  await filters.getByLabel('Инциденты').selectOption('false');
  await filters.getByRole('button', { name: 'Применить' }).click();
  const row = page.locator('[data-testid="instance-table"] tbody tr', { hasText: waiting.caseRef });
  await row.waitFor();
  const rows = page.locator('[data-testid="instance-table"] tbody tr');
  // dealers by name, not by their code
  await row.getByText('Автоцентр Казань').waitFor();
  for (const text of await rows.allTextContents()) expect(text).toContain('Автоцентр Казань');
  expect(await page.locator('[data-testid="instance-table"] tbody tr[data-state="active"]').count()).toBe(await rows.count());
  await shot(page, 'filtered');

  // When the row is opened from the keyboard
  await row.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: `Экземпляр ${waiting.caseRef}` }).waitFor();
  await page.locator('[data-testid="instance-diagram"][data-ready="true"]').waitFor();

  // Then the token waits on the dealer's task, the path behind it is marked, the branch not taken is not.
  await page.locator('.djs-overlays[data-container-id="ProvideInformation"] [data-testid="token-ProvideInformation"]').waitFor();
  expect(await page.locator('[data-testid^="token-"]').count()).toBe(1);
  expect(await classesOf(page, 'ProvideInformation')).toContain('instance-active');
  expect(await classesOf(page, 'DecideClaim')).toContain('instance-completed');
  expect(await classesOf(page, 'CheckCoverage')).toContain('instance-completed');
  expect(await classesOf(page, 'Flow_InfoRequested')).toContain('instance-taken');
  expect(await classesOf(page, 'Flow_Approved')).not.toContain('instance-taken');
  expect(await classesOf(page, 'IssueCreditNote')).not.toContain('instance-completed');
  expect(await page.getByTestId('active-elements').textContent()).toContain('Предоставить дополнительную информацию');
  await page.getByTestId('instance-variables').locator('tr[data-variable="dealerId"]').getByText('dealer2').waitFor();
  await shot(page, 'instance');

  // The heatmap colours the version's elements and labels them with counts and average times.
  await page.getByTestId('heatmap-toggle').click();
  await page.getByRole('heading', { name: 'Тепловая карта версии 1' }).waitFor();
  await page.locator('[data-testid="instance-diagram"][data-ready="true"]').waitFor();
  const heat = page.locator('[data-testid="heat-ClaimFiled"]');
  await heat.waitFor();
  expect(Number((await heat.textContent())!.split(' ')[0])).toBeGreaterThanOrEqual(5);
  expect(await classesOf(page, 'ClaimFiled')).toMatch(/heat-5/);
  expect(await page.locator('[data-testid^="token-"]').count()).toBe(0);
  await shot(page, 'heatmap');
  await context.close();
});

test('an admin sees a failed job as an incident on the diagram, retries it from the incident list, then cancels the instance', async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await page.goto(suite.server.url + '/sign-in');
  await page.getByRole('group', { name: 'Язык интерфейса' }).getByRole('button', { name: 'EN' }).click();
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('demo');
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: 'Instances' }).waitFor();

  // Given a deployed process whose notification job fails (no template) with a single retry
  const content = readFileSync(join(__dirname, 'fixtures', 'notify-without-template.bpmn'), 'utf8');
  const deployed = await page.request.post(suite.server.url + '/api/deployments', { data: { resources: [{ name: 'notify-without-template.bpmn', content }] } });
  expect(deployed.status()).toBe(201);
  const started = await page.request.post(suite.server.url + '/api/process-instances', { data: { bpmnProcessId: 'notify-without-template', variables: {}, dealerId: 'dealer3' } });
  expect(started.status()).toBe(201);
  const { caseRef } = (await started.json()) as { caseRef: string };

  // When the admin lists the instances with incidents and opens it
  await page.getByRole('link', { name: 'Instances' }).click();
  const filters = page.getByTestId('instance-filters');
  await filters.getByLabel('Incidents').selectOption('true');
  await filters.getByRole('button', { name: 'Apply' }).click();
  await page.locator('[data-testid="instance-table"] tbody tr', { hasText: caseRef }).click();
  await page.locator('[data-testid="instance-diagram"][data-ready="true"]').waitFor();

  // Then the failed task carries the incident marker and the incident its details, named as the diagram names them
  await page.locator('[data-testid="incident-TellDealer"]').waitFor();
  expect(await classesOf(page, 'TellDealer')).toContain('instance-incident');
  const incident = page.locator('[data-testid="incident-list"] li[data-element="TellDealer"]');
  await incident.getByText('Job out of retries').waitFor();
  expect(await incident.locator('strong').textContent()).toBe('Tell the dealer');
  expect(await page.getByTestId('active-elements').textContent()).toBe('Waiting at: Tell the dealer');
  expect(await page.getByTestId('instance-facts').textContent()).toContain('Автоцентр Новосибирск');
  await page.getByText('Notify without a template, version 1').waitFor();
  expect(await incident.locator('.badge').getAttribute('title')).toBe('JOB_NO_RETRIES');
  await incident.getByText('notify needs a "template" task header').waitFor();
  const firstKey = await incident.getAttribute('data-incident');
  await shot(page, 'incident');

  // A retry resolves it; the job fails again, so a new incident replaces it
  await incident.getByRole('button', { name: 'Retry' }).click();
  await page.getByRole('status').filter({ hasText: 'The incident at Tell the dealer was resolved' }).waitFor();
  await page.locator(`[data-testid="incident-list"] li[data-element="TellDealer"]:not([data-incident="${firstKey}"])`).waitFor();

  // Cancelling asks first, then ends the instance and its incident
  await page.getByRole('button', { name: 'Cancel instance' }).click();
  await page.getByRole('button', { name: 'Yes, cancel' }).click();
  await page.locator('[data-testid="instance-state"][data-state="TERMINATED"]').waitFor();
  await page.getByText('No tokens: the instance has ended.').waitFor();
  expect(await classesOf(page, 'TellDealer')).toContain('instance-terminated');
  expect(await classesOf(page, 'TellDealer')).not.toContain('instance-incident');
  expect(await page.locator('[data-testid="incident-list"] li').count()).toBe(0);
  await shot(page, 'cancelled');
  await context.close();
});
