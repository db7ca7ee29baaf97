import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite } from './support/browserSuite';
import { openDesigner } from './support/modeler';

const suite = browserSuite('decisions');
const rules = join(__dirname, '..', '..', '..', 'engine', 'conformance', 'fixtures', 'c_rules.dmn');
const coverage = join(__dirname, 'fixtures', 'warrantyCoverage.dmn');

const shot = (page: Page, name: string) => suite.shot(page, name, { fullPage: true });

/** Replaces the text of a decision table cell by typing into it, as a user would. */
async function typeInCell(page: Page, entryId: string, text: string): Promise<void> {
  const cell = page.locator(`td[data-element-id="${entryId}"] [contenteditable]`);
  await cell.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.locator('.decisions-page h1').click();
}

/** Signs the admin in (Russian UI) and opens the decision tables tab. */
async function openDecisions(page: Page): Promise<void> {
  await page.goto(suite.server.url + '/');
  await page.getByLabel('Имя пользователя').fill('admin');
  await page.getByLabel('Пароль').fill('demo');
  await page.keyboard.press('Enter');
  await openDesigner(page);
  await page.getByRole('link', { name: 'Таблицы решений' }).click();
  await page.getByRole('heading', { name: 'Таблицы решений' }).waitFor();
}

test('an admin tries a draft table before deploying: enters inputs, sees the output and the rule that matched, highlighted', async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  // given the distributor's warranty coverage table, opened in the designer
  await openDecisions(page);
  await page.getByTestId('open-dmn-input').setInputFiles(coverage);
  await page.getByTestId('decisions-file').getByText('warrantyCoverage.dmn').waitFor();
  const panel = page.getByTestId('decision-test');
  await panel.getByRole('heading', { name: 'Проверить решение' }).waitFor();
  // when the admin tries a four-year-old car with 120 000 km
  await panel.getByLabel('Возраст автомобиля, мес.').fill('48');
  await panel.getByLabel('Пробег, км').fill('120000');
  await panel.getByRole('button', { name: 'Проверить' }).click();
  // then rule 2 matched, with its output, and its row is highlighted in the table
  const result = page.getByTestId('decision-test-result');
  await result.filter({ hasText: 'Сработало правило 2' }).waitFor();
  expect(await result.textContent()).toContain('Покрытие = "powertrain"; Доля дилера = 0.3');
  expect(await page.locator('td.decision-rule--matched').count()).toBeGreaterThan(0);
  expect(await page.locator('td.decision-rule--matched[data-row-id="extended_warranty"]').count()).toBe(await page.locator('td.decision-rule--matched').count());
  await shot(page, '4-test-run');
  await context.close();
}, 90_000);

test('an admin opens a DMN file, edits a rule, deploys it as a version, and sees a broken entry named on the next deploy', async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await page.goto(suite.server.url + '/');
  await page.getByLabel('Имя пользователя').fill('admin');
  await page.getByLabel('Пароль').fill('demo');
  await page.keyboard.press('Enter');
  await openDesigner(page);
  await page.getByRole('link', { name: 'Таблицы решений' }).click();
  await page.getByRole('heading', { name: 'Таблицы решений' }).waitFor();
  // A new file starts as one empty decision table.
  await page.locator('.tjs-table').waitFor();
  await shot(page, '1-new-table');

  // when the admin opens a file with several decisions, they are offered as views
  await page.getByTestId('open-dmn-input').setInputFiles(rules);
  await page.getByTestId('decisions-file').getByText('c_rules.dmn').waitFor();
  await page.getByRole('button', { name: 'Таблица: Lead routing' }).click();
  await page.locator('td[data-element-id="o5"]').waitFor();
  // and edits the dealer of the Volga rule
  await typeInCell(page, 'o5', '"dealer3"');
  await page.getByTestId('decisions-file').getByLabel('Есть несохранённые изменения').waitFor();
  await shot(page, '2-edited');

  // then a deploy creates version 1 of every decision in the file
  await page.getByRole('button', { name: 'Проверить и развернуть…' }).click();
  await page.getByTestId('decision-review').getByRole('button', { name: 'Развернуть', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /Развёрнуто: .*lead_routing v1/ }).waitFor();

  // and a broken entry is refused, named by its id, and nothing is deployed
  await typeInCell(page, 'o5', '"dealer3" +');
  await page.getByRole('button', { name: 'Проверить и развернуть…' }).click();
  await page.getByTestId('decision-review').getByRole('button', { name: 'Развернуть', exact: true }).click();
  await page.getByTestId('decision-problems').filter({ hasText: /o5.*output entry/ }).waitFor();
  // the review could not compare the broken file, and the deploy says it deployed nothing
  expect(await page.getByTestId('decision-review').getByRole('alert').textContent()).toMatch(/^Не удалось сравнить с развёрнутой версией/);
  expect(await page.getByRole('alert').filter({ hasText: 'Не развёрнуто' }).allTextContents()).toEqual(['Не развёрнуто: в таблицах есть ошибки, они перечислены ниже. Ничего не изменилось.']);
  await shot(page, '3-problems');
  await context.close();
}, 90_000);
