import type { Page } from 'playwright-core';
import { browserSuite } from './support/browserSuite';
import { contextPadAction, shapeId, openDesigner } from './support/modeler';

const suite = browserSuite('designer-versions');

const shot = (page: Page, name: string) => suite.shot(page, name);

test('an admin applies a plugin template to a task, saves a draft, reviews the diff, deploys, changes it, deploys again and rolls back', async () => {
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

  // Given a new diagram whose start event is followed by a plain task,
  await contextPadAction(page, 'StartEvent_1', 'append.append-task');
  const taskId = await shapeId(page, 'Activity_');

  // when the admin chooses the warranty coverage plugin for it,
  await contextPadAction(page, taskId, 'apply-plugin-template');
  await page.locator('.djs-popup').getByText('Warranty coverage check').waitFor();
  await shot(page, 'plugin-menu');
  await page.locator('.djs-popup').getByText('Warranty coverage check').click();

  // then it is a service task of that type, named after the plugin, whose fields the properties panel offers.
  await page.locator(`.djs-element[data-element-id="${taskId}"] text`).getByText(/Warranty/).waitFor();
  const panel = page.getByTestId('designer-properties');
  await panel.locator('.bio-properties-panel-header-type').getByText('Warranty coverage check').waitFor();
  await panel.getByText('Вход', { exact: true }).click();
  await panel.getByText('VIN', { exact: true }).waitFor();
  await panel.getByText('Defect code', { exact: true }).waitFor();
  await shot(page, 'plugin-template-applied');

  // Ending the process makes it clean, and it is saved as a draft on the server.
  await contextPadAction(page, taskId, 'append.end-event');
  await page.getByTestId('lint-summary').getByText(/^Ошибок: 0 ·/).waitFor();
  await page.getByRole('button', { name: 'Сохранить черновик' }).click();
  await page.getByTestId('draft-state').getByText(/ред\. 1 · admin/).waitFor();
  const processId = (await page.getByTestId('draft-state').textContent())!.match(/Черновик (\S+)/)![1];

  // The review before the first deploy lists every element as new.
  await page.getByRole('button', { name: 'Проверить и опубликовать…' }).click();
  const review = page.getByTestId('deploy-review');
  await review.getByText('Процесс ещё не опубликован: это будет версия 1.').waitFor();
  await review.locator(`.diff-item--added[data-element="${taskId}"]`).getByText('Warranty coverage check').waitFor();
  await shot(page, 'review-first-deploy');
  await review.getByRole('button', { name: 'Опубликовать' }).click();
  await page.getByText(`Опубликовано: ${processId} v1.`).waitFor();
  const versions = page.getByTestId('versions-panel');
  await versions.locator('.version-row[data-version="1"]').waitFor();

  // When the admin raises the task's retries and reviews again, the diff names exactly that change.
  await page.locator(`.djs-element[data-element-id="${taskId}"]`).click();
  const retries = panel.getByLabel('Retries');
  if (!(await retries.isVisible())) await panel.getByText('Задание', { exact: true }).click();
  await retries.fill('5');
  await page.getByRole('button', { name: 'Сохранить черновик' }).click();
  await page.getByTestId('draft-state').getByText(/ред\. 2 · admin/).waitFor();
  await page.getByRole('button', { name: 'Проверить и опубликовать…' }).click();
  await review.getByText('По сравнению с опубликованной версией 1').waitFor();
  const change = review.locator(`.diff-item--changed[data-element="${taskId}"] .diff-change[data-facet="taskDefinition"]`);
  await change.waitFor();
  expect(await change.textContent()).toBe('Тип заданияtype=warranty-coverage, retries=3→type=warranty-coverage, retries=5');
  expect(await review.locator('.diff-item').count()).toBe(1);
  await shot(page, 'review-second-deploy');
  await review.getByRole('button', { name: 'Опубликовать' }).click();
  await page.getByText(`Опубликовано: ${processId} v2.`).waitFor();

  // The versions list shows both, with what v2 changed; rolling back to v1 deploys it as v3.
  await versions.locator('.version-row[data-version="2"]').getByRole('button', { name: 'Изменения' }).click();
  await versions.locator('.version-row[data-version="2"] .diff-change[data-facet="taskDefinition"]').waitFor();
  await shot(page, 'versions-with-diff');
  await versions.locator('.version-row[data-version="1"]').getByRole('button', { name: 'Откатить' }).click();
  await versions.getByText('Версия 1 опубликована заново как версия 3.').waitFor();
  await versions.locator('.version-row[data-version="3"]').getByText('текущая').waitFor();
  expect(await versions.locator('.version-row').count()).toBe(3);
  await shot(page, 'versions-after-rollback');

  // The shipped warranty process, saved as a draft, keeps the forms it links and means what is deployed.
  await page.getByRole('button', { name: 'Процессы и черновики…' }).click();
  await page.getByTestId('deployed-panel').locator('.draft-row[data-process-id="warranty-claim"]').click();
  await page.locator('.djs-element[data-element-id="DecideClaim"]').waitFor();
  await page.getByRole('button', { name: 'Сохранить черновик' }).click();
  await page.getByTestId('draft-state').getByText(/Черновик warranty-claim · ред\. 1/).waitFor();
  const saved = await page.evaluate(async () => (await (await fetch('/api/designer/drafts/warranty-claim')).json()) as { forms: { id: string }[] });
  expect(saved.forms.map((form) => form.id).sort()).toEqual(['warranty-claim-start', 'warranty-decision', 'warranty-more-information']);
  await page.getByRole('button', { name: 'Проверить и опубликовать…' }).click();
  await page.getByTestId('diff-empty').waitFor();

  // Both drafts are listed, and choosing one opens it.
  await page.getByRole('button', { name: 'Процессы и черновики…' }).click();
  const drafts = page.getByTestId('drafts-panel');
  await drafts.getByText('Warranty claim approval').waitFor();
  await shot(page, 'drafts');
  await drafts.locator('.draft-row__id').getByText(processId).click();
  await page.locator(`.djs-element[data-element-id="${taskId}"]`).waitFor();
  await page.getByTestId('draft-state').getByText(`Черновик ${processId} · ред. 2`).waitFor();
  await context.close();
}, 120_000);
