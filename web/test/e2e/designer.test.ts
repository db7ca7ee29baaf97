import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { lintDefinitions, readDefinitions, semanticTree, type LintIssue } from '@dealerflow/designer/lint';
import { browserSuite } from './support/browserSuite';
import { issueRow, openGroup, openDesigner } from './support/modeler';

const suite = browserSuite('designer');

const shot = (page: Page, name: string) => suite.shot(page, name);

/** Clicks "Save file" and answers the downloaded file's name and text. */
async function saveFile(page: Page): Promise<{ name: string; xml: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Сохранить файл' }).click()]);
  return { name: download.suggestedFilename(), xml: readFileSync((await download.path())!, 'utf8') };
}

const errorsAbout = (issues: LintIssue[], id: string) => issues.filter((issue) => issue.id === id && issue.category === 'error').map((issue) => issue.rule);

test('an admin opens the shipped warranty process clean, draws a user task, fixes its lint errors, and saves a diagram that re-imports unchanged', async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU', acceptDownloads: true });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await page.goto(suite.server.url + '/');
  await page.getByLabel('Имя пользователя').fill('admin');
  await page.getByLabel('Пароль').fill('demo');
  await page.keyboard.press('Enter');
  await openDesigner(page);
  await page.getByRole('heading', { name: 'Дизайнер процессов' }).waitFor();
  // The modeler speaks the user's language too.
  await page.getByTestId('designer-properties').getByText('Общие', { exact: true }).waitFor();

  // Given the shipped warranty process, opened from the deployed ones: it is drawn and has no lint errors.
  await page.getByRole('button', { name: 'Процессы и черновики…' }).click();
  await page.getByTestId('deployed-panel').locator('.draft-row[data-process-id="warranty-claim"]').click();
  await page.locator('.djs-element[data-element-id="DecideClaim"]').waitFor();
  await page.getByTestId('lint-summary').getByText(/^Ошибок: 0 ·/).waitFor();
  expect(await page.locator('.lint-issue--error').count()).toBe(0);
  expect(await page.getByTestId('designer-file').textContent()).toBe('warranty-claim.bpmn');
  await shot(page, 'warranty-process');

  // Saved from the designer untouched, it means exactly what the shipped file means.
  const warranty = await saveFile(page);
  expect(warranty.name).toBe('warranty-claim.bpmn');
  const shipped = readFileSync(join(__dirname, '..', '..', '..', 'processes', 'warranty', 'warranty-claim.bpmn'), 'utf8');
  expect(semanticTree((await readDefinitions(warranty.xml)).definitions)).toEqual(semanticTree((await readDefinitions(shipped)).definitions));

  // A file that is not BPMN is refused with the parser's reason, and the open diagram stays.
  await page.getByTestId('open-file-input').setInputFiles({ name: 'notes.bpmn', mimeType: 'application/xml', buffer: Buffer.from('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">') });
  await page.getByRole('alert').filter({ hasText: 'Не удалось открыть «notes.bpmn»' }).waitFor();
  expect(await page.getByTestId('designer-file').textContent()).toBe('warranty-claim.bpmn');
  expect(await page.locator('.djs-element[data-element-id="DecideClaim"]').count()).toBe(1);
  await shot(page, 'open-failed');

  // When a new diagram gets a user task from the palette,
  await page.getByRole('button', { name: 'Новая схема' }).click();
  await page.locator('.djs-element[data-element-id="StartEvent_1"]').waitFor();
  expect(await page.locator('.djs-element[data-element-id="DecideClaim"]').count()).toBe(0);
  await page.locator('.djs-palette [data-action="create.user-task"]').click();
  const canvas = (await page.getByTestId('designer-canvas').boundingBox())!;
  await page.mouse.move(canvas.x + 380, canvas.y + 190);
  await page.mouse.move(canvas.x + 400, canvas.y + 200);
  await page.mouse.click(canvas.x + 400, canvas.y + 200);
  const task = page.locator('.djs-shape[data-element-id^="Activity_"]');
  await task.waitFor();
  const taskId = (await task.getAttribute('data-element-id'))!;
  await page.getByRole('button', { name: 'Отменить' }).click();
  await task.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Вернуть' }).click();

  // then the missing assignment and form are listed and marked on the task,
  await issueRow(page, 'dealerflow/user-task-assignment', taskId).waitFor();
  await issueRow(page, 'dealerflow/user-task-form', taskId).waitFor();
  // (the marker follows the list by a frame, so wait for it before counting)
  const marked = page.locator(`.djs-element[data-element-id="${taskId}"].df-lint-error`);
  await marked.first().waitFor();
  expect(await marked.count()).toBe(1);
  await shot(page, 'user-task-lint-errors');

  // and choosing a finding selects its element, so the properties panel shows the task.
  await issueRow(page, 'dealerflow/user-task-assignment', taskId).click();
  await page.locator(`.djs-element.selected[data-element-id="${taskId}"]`).waitFor();

  // Setting candidate groups and a form reference in the properties panel clears them.
  await openGroup(page, 'assignmentDefinition');
  await page.locator('#bio-properties-panel-assignmentDefinitionCandidateGroups').fill('warranty');
  await openGroup(page, 'form');
  await page.locator('#bio-properties-panel-formType').selectOption('external-reference');
  await page.locator('#bio-properties-panel-externalReference').fill('warranty-decision');
  await issueRow(page, 'dealerflow/user-task-assignment', taskId).waitFor({ state: 'detached' });
  await issueRow(page, 'dealerflow/user-task-form', taskId).waitFor({ state: 'detached' });
  expect(await page.locator('.designer-toolbar__dirty').count()).toBe(1);
  await shot(page, 'user-task-fixed');

  // The saved file holds the task with its Zeebe extensions and passes our user-task rules.
  const saved = await saveFile(page);
  expect(saved.name).toBe('new-process.bpmn');
  await page.locator('.designer-toolbar__dirty').waitFor({ state: 'detached' });
  const { definitions, warnings } = await readDefinitions(saved.xml);
  expect(warnings).toEqual([]);
  const process = (definitions.rootElements as { $type: string; flowElements: { id: string; $type: string; extensionElements: { values: Record<string, unknown>[] } }[] }[]).find((root) => root.$type === 'bpmn:Process')!;
  const userTask = process.flowElements.find((element) => element.id === taskId)!;
  expect(userTask.$type).toBe('bpmn:UserTask');
  expect(userTask.extensionElements.values.map(({ $type, candidateGroups, externalReference }) => ({ $type, candidateGroups, externalReference }))).toEqual(
    expect.arrayContaining([
      { $type: 'zeebe:UserTask', candidateGroups: undefined, externalReference: undefined },
      { $type: 'zeebe:AssignmentDefinition', candidateGroups: 'warranty', externalReference: undefined },
      { $type: 'zeebe:FormDefinition', candidateGroups: undefined, externalReference: 'warranty-decision' },
    ]),
  );
  const taskErrors = errorsAbout(await lintDefinitions(definitions), taskId);
  expect(taskErrors).not.toContain('dealerflow/user-task-assignment');
  expect(taskErrors).not.toContain('dealerflow/user-task-form');

  // Opening the saved file and saving it again changes nothing in the model.
  await page.getByTestId('open-file-input').setInputFiles({ name: 'reopened.bpmn', mimeType: 'application/xml', buffer: Buffer.from(saved.xml) });
  await page.getByTestId('designer-file').getByText('reopened.bpmn').waitFor();
  await page.locator(`.djs-element[data-element-id="${taskId}"]`).waitFor();
  expect(await page.locator('.designer-toolbar__dirty').count()).toBe(0);
  await shot(page, 'reopened');
  const resaved = await saveFile(page);
  expect(resaved.name).toBe('reopened.bpmn');
  expect(semanticTree((await readDefinitions(resaved.xml)).definitions)).toEqual(semanticTree(definitions));
  await context.close();
}, 90_000);
