import type { Page } from 'playwright-core';
import { browserSuite } from './support/browserSuite';
import { contextPadAction, issueRow, openGroup, openDesigner } from './support/modeler';

const suite = browserSuite('design-to-instance');

const shot = (page: Page, name: string) => suite.shot(page, name);

test('an admin draws a process from the palette, fixes the lint errors the designer reports, deploys, starts it and sees the token on its task', async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'ru-RU' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(suite.server.url + '/');
  await page.getByLabel('Имя пользователя').fill('admin');
  await page.getByLabel('Пароль').fill('demo');
  await page.keyboard.press('Enter');
  await openDesigner(page);
  await page.locator('.djs-element[data-element-id="StartEvent_1"]').waitFor();

  // Given a new diagram: start event, a user task from the palette connected to it, and an end event.
  await page.locator('.djs-palette [data-action="create.user-task"]').click();
  const start = (await page.locator('.djs-element[data-element-id="StartEvent_1"]').boundingBox())!;
  await page.mouse.move(start.x + 230, start.y + 10);
  await page.mouse.click(start.x + 250, start.y + start.height / 2);
  const task = page.locator('.djs-shape[data-element-id^="Activity_"]');
  await task.waitFor();
  const taskId = (await task.getAttribute('data-element-id'))!;
  await contextPadAction(page, 'StartEvent_1', 'connect');
  const box = (await task.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.locator('.djs-connection[data-element-id^="Flow_"]').waitFor({ state: 'attached' });
  await contextPadAction(page, taskId, 'append.end-event');

  // the designer reports what the user task lacks, and deploying is blocked.
  await issueRow(page, 'dealerflow/user-task-assignment', taskId).waitFor();
  await issueRow(page, 'dealerflow/user-task-form', taskId).waitFor();
  await page.getByTestId('lint-summary').getByText(/^Ошибок: 2 ·/).waitFor();
  await page.getByRole('button', { name: 'Проверить и опубликовать…' }).click();
  const review = page.getByTestId('deploy-review');
  await review.getByText('Схема содержит ошибки проверки — исправьте их перед публикацией.').waitFor();
  expect(await review.getByRole('button', { name: 'Опубликовать' }).isDisabled()).toBe(true);
  await shot(page, '1-lint-errors');
  await page.getByRole('button', { name: 'Проверить и опубликовать…' }).click();
  await review.waitFor({ state: 'detached' });

  // When the admin picks a finding, and sets the candidate group and the form in the properties panel,
  await issueRow(page, 'dealerflow/user-task-assignment', taskId).click();
  await page.locator(`.djs-element.selected[data-element-id="${taskId}"]`).waitFor();
  await openGroup(page, 'assignmentDefinition');
  await page.locator('#bio-properties-panel-assignmentDefinitionCandidateGroups').fill('warranty');
  await openGroup(page, 'form');
  await page.locator('#bio-properties-panel-formType').selectOption('external-reference');
  await page.locator('#bio-properties-panel-externalReference').fill('warranty-decision');
  await page.getByTestId('lint-summary').getByText(/^Ошибок: 0 ·/).waitFor();
  await shot(page, '2-clean');

  // and deploys it after saving the draft and reviewing the changes,
  await page.getByRole('button', { name: 'Сохранить черновик' }).click();
  await page.getByTestId('draft-state').getByText(/ред\. 1 · admin/).waitFor();
  const processId = (await page.getByTestId('draft-state').textContent())!.match(/Черновик (\S+)/)![1];
  await page.getByRole('button', { name: 'Проверить и опубликовать…' }).click();
  await review.getByRole('button', { name: 'Опубликовать' }).click();
  await page.getByText(`Опубликовано: ${processId} v1.`).waitFor();

  // then it can be started,
  await page.getByRole('link', { name: 'Запустить процесс' }).click();
  await page.locator(`.process-picker__item[data-process="${processId}"]`).click();
  await page.getByRole('button', { name: 'Запустить' }).click();
  const caseRef = (await page.getByTestId('case-link').textContent())!.trim();
  await shot(page, '3-started');

  // and the instance view shows the one token on the drawn user task.
  await page.getByRole('link', { name: 'Экземпляры' }).click();
  const filters = page.getByTestId('instance-filters');
  await filters.getByLabel('Процесс').selectOption(processId);
  await filters.getByRole('button', { name: 'Применить' }).click();
  const row = page.locator('[data-testid="instance-table"] tbody tr', { hasText: caseRef });
  await row.waitFor();
  expect(await page.locator('[data-testid="instance-table"] tbody tr').count()).toBe(1);
  await row.click();
  await page.locator('[data-testid="instance-diagram"][data-ready="true"]').waitFor();
  await page.locator(`.djs-overlays[data-container-id="${taskId}"] [data-testid="token-${taskId}"]`).waitFor();
  expect(await page.locator('[data-testid^="token-"]').count()).toBe(1);
  expect(await page.locator(`.djs-element[data-element-id="StartEvent_1"]`).getAttribute('class')).toContain('instance-completed');
  await shot(page, '4-token');
  await context.close();
}, 120_000);
