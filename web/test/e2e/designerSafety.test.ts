import { join } from 'node:path';
import type { Dialog, Page } from 'playwright-core';
import { browserSuite } from './support/browserSuite';
import { openDesigner } from './support/modeler';

const suite = browserSuite('designer-safety');
const rules = join(__dirname, '..', '..', '..', 'engine', 'conformance', 'fixtures', 'c_rules.dmn');

const shot = (page: Page, name: string) => suite.shot(page, name);

/** Moves a shape with the keyboard, as a user would: an edit that changes only the layout. */
async function nudge(page: Page, elementId: string, key: 'ArrowRight' | 'ArrowLeft'): Promise<void> {
  const shape = page.locator(`.djs-shape[data-element-id="${elementId}"]`);
  await shape.scrollIntoViewIfNeeded();
  const selected = page.locator(`.djs-shape.selected[data-element-id="${elementId}"]`);
  // The first click also gives the canvas the keyboard; a click that only ends something else may not select.
  for (let attempt = 0; attempt === 0 || (attempt < 3 && !(await selected.isVisible())); attempt++) {
    await shape.click();
    await selected.waitFor({ timeout: 3_000 }).catch(() => undefined);
  }
  await selected.waitFor();
  for (let step = 0; step < 3; step++) await page.keyboard.press(`Shift+${key}`);
}

/** The next dialog's type and text, answered with `accept`. */
function nextDialog(page: Page, accept: boolean): Promise<{ type: string; message: string }> {
  return new Promise((resolve) => {
    page.once('dialog', (dialog: Dialog) => {
      resolve({ type: dialog.type(), message: dialog.message() });
      void (accept ? dialog.accept() : dialog.dismiss());
    });
  });
}

/** Replaces the text of a decision table cell by typing into it. */
async function typeInCell(page: Page, entryId: string, text: string): Promise<void> {
  await page.locator(`td[data-element-id="${entryId}"] [contenteditable]`).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.locator('.decisions-page h1').click();
}

test('an admin opens a deployed process from the list, keeps a usable canvas with the panels open, is asked before leaving unsaved edits, and sees the version a deploy made', async () => {
  // A laptop screen: the panels must not squeeze the canvas away.
  const page = await suite.signedIn('admin', { viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (error) => console.log('page error', error.message));
  await page.getByRole('link', { name: 'Дизайнер' }).click({ timeout: 30_000 });
  await page.locator('.djs-palette').waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
    await shot(page, 'debug-no-palette');
    throw error;
  });

  // Given the list of deployed processes, each with its latest version,
  await page.getByRole('button', { name: 'Процессы и черновики…' }).click();
  const deployed = page.getByTestId('deployed-panel');
  const warranty = deployed.locator('.draft-row[data-process-id="warranty-claim"]');
  await warranty.getByText(/^v1 · 1 версия · /).waitFor();
  expect(await deployed.locator('.draft-row').count()).toBeGreaterThanOrEqual(3);
  await deployed.scrollIntoViewIfNeeded();
  await shot(page, '1-deployed-list');

  // when the admin opens one, it is drawn clean under its process id.
  await warranty.click();
  await page.locator('.djs-element[data-element-id="DecideClaim"]').waitFor();
  expect(await page.getByTestId('designer-file').textContent()).toBe('warranty-claim.bpmn');
  expect(await page.getByTestId('designer-file').getByLabel('Есть несохранённые изменения').count()).toBe(0);

  // With the versions panel, the lint list and the form builder open, the canvas keeps its height.
  await page.getByRole('button', { name: 'Версии' }).click();
  await page.getByTestId('versions-panel').locator('.version-row[data-version="1"]').waitFor();
  await page.getByRole('tab', { name: 'Конструктор форм' }).click();
  const canvasHeight = (await page.getByTestId('designer-canvas').boundingBox())!.height;
  expect(canvasHeight).toBeGreaterThanOrEqual(320);
  await page.getByTestId('designer-canvas').scrollIntoViewIfNeeded();
  await shot(page, '2-panels-open');
  await page.getByRole('tab', { name: 'Конструктор форм' }).click();

  // An edit makes it unsaved,
  await nudge(page, 'DecideClaim', 'ArrowRight');
  await page.getByTestId('designer-file').getByLabel('Есть несохранённые изменения').waitFor().catch(async (error: unknown) => {
    await shot(page, 'debug-edit');
    throw error;
  });

  // and leaving for another page asks first; staying keeps the edit.
  const stay = nextDialog(page, false);
  await page.getByRole('link', { name: 'Входящие' }).click();
  expect(await stay).toEqual({ type: 'confirm', message: 'В схеме есть несохранённые изменения. Уйти со страницы и потерять их?' });
  expect(new URL(page.url()).pathname).toBe('/designer');
  await page.getByTestId('designer-file').getByLabel('Есть несохранённые изменения').waitFor();

  // Closing or reloading the tab gets the browser's own question.
  const unload = nextDialog(page, false);
  await page.close({ runBeforeUnload: true });
  expect((await unload).type).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);

  // When it is deployed after the review,
  await page.getByRole('button', { name: 'Проверить и опубликовать…' }).click();
  const review = page.getByTestId('deploy-review');
  await review.getByText('По сравнению с опубликованной версией 1').waitFor();
  await review.getByRole('button', { name: 'Опубликовать' }).click();

  // the page says which version is live since when, where to start and watch it, and that the canvas matches it.
  const published = page.getByTestId('published-notice');
  await published.getByText('Опубликовано: warranty-claim v2.').waitFor();
  await page.getByTestId('published-state').getByText('Схема совпадает с опубликованной версией').waitFor();
  expect(await published.getByRole('link', { name: 'Запустить новую версию' }).getAttribute('href')).toBe('/start');
  expect(await published.getByRole('link', { name: 'Следить за экземплярами' }).getAttribute('href')).toBe('/instances');
  expect(await page.getByTestId('designer-file').getByLabel('Есть несохранённые изменения').count()).toBe(0);
  await page.getByTestId('versions-panel').locator('.version-row[data-version="2"]').getByText('текущая').waitFor();
  await shot(page, '3-published');

  // The next edit shows the canvas has moved past the deployed version,
  await nudge(page, 'DecideClaim', 'ArrowLeft');
  await page.getByTestId('published-state').getByText('Есть изменения после публикации v2 — они ещё не опубликованы').waitFor();
  await shot(page, '4-changed-after-publish');

  // and leaving, once confirmed, goes.
  const leave = nextDialog(page, true);
  await page.getByRole('link', { name: 'Входящие' }).click();
  await leave;
  await page.waitForURL((url) => url.pathname === '/inbox');
  await page.context().close();
}, 120_000);

test('a DMN deploy goes through a review that refuses the empty placeholder table, and a clean one deploys', async () => {
  const page = await suite.signedIn('admin', { viewport: { width: 1366, height: 900 } });
  await openDesigner(page);
  await page.getByRole('link', { name: 'Таблицы решений' }).click();
  await page.locator('.tjs-table').waitFor({ timeout: 30_000 });
  let deploys = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/deployments') deploys += 1;
  });

  // Given the new file's placeholder table, the review says why it cannot be deployed and offers no deploy.
  await page.getByRole('button', { name: 'Проверить и развернуть…' }).click();
  const review = page.getByTestId('decision-review');
  await review.getByRole('alert').getByText(/Таблица «Decision» \(Decision_\w+\) без правил — это заготовка новой таблицы/).waitFor();
  expect(await review.getByRole('button', { name: 'Развернуть', exact: true }).isDisabled()).toBe(true);
  await shot(page, '5-dmn-placeholder-refused');
  expect(deploys).toBe(0);

  // When a real file is opened, the review lists its decisions (first versions here), and the deploy goes through.
  await page.getByTestId('open-dmn-input').setInputFiles(rules);
  await page.getByTestId('decisions-file').getByText('c_rules.dmn').waitFor();
  await page.getByRole('button', { name: 'Проверить и развернуть…' }).click();
  await review.getByText('«Lead routing» (lead_routing) — первая версия: это решение ещё не развёрнуто').waitFor();
  await shot(page, '6-dmn-review');
  await review.getByRole('button', { name: 'Развернуть', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /Развёрнуто: .*lead_routing v1/ }).waitFor();
  expect(deploys).toBe(1);
  // The deployed file is clean: nothing to lose on leaving.
  expect(await page.getByTestId('decisions-file').getByLabel('Есть несохранённые изменения').count()).toBe(0);
  await page.context().close();
}, 90_000);

test('in English, leaving an edited decision table asks in English', async () => {
  const page = await suite.signedIn('admin', { viewport: { width: 1366, height: 900 } });
  await page.getByRole('group', { name: 'Язык интерфейса' }).getByRole('button', { name: 'EN' }).click();
  page.on('pageerror', (error) => console.log('page error', error.message));
  await page.getByRole('link', { name: 'Designer' }).click();
  await page.getByRole('link', { name: 'Decision tables' }).click().catch(async (error: unknown) => {
    await shot(page, 'debug-en');
    throw error;
  });
  await page.getByTestId('open-dmn-input').setInputFiles(rules);
  await page.getByRole('button', { name: 'Table: Lead routing' }).click();
  await typeInCell(page, 'o5', '"dealer3"');
  await page.getByTestId('decisions-file').getByLabel('Unsaved changes').waitFor();
  const asked = nextDialog(page, true);
  await page.getByRole('link', { name: 'Processes', exact: true }).click();
  expect(await asked).toEqual({ type: 'confirm', message: 'The decision table has unsaved changes. Leave the page and lose them?' });
  // The designer's modeler loads on first visit; on a busy machine that takes longer than a click's timeout.
  await page.locator('.djs-palette').waitFor({ timeout: 30_000 });
  expect(new URL(page.url()).pathname).toBe('/designer');
  await page.context().close();
}, 90_000);
