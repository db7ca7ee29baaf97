import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite } from './support/browserSuite';
import { openDesigner } from './support/modeler';

const suite = browserSuite('decision-diff');
const rules = join(__dirname, '..', '..', '..', 'engine', 'conformance', 'fixtures', 'c_rules.dmn');

/** Replaces the text of a decision table cell by typing into it. */
async function typeInCell(page: Page, entryId: string, text: string): Promise<void> {
  await page.locator(`td[data-element-id="${entryId}"] [contenteditable]`).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.locator('.decisions-page h1').click();
}

test('a DMN deploy review says first version, then shows what an edit changes against the deployed table, in Russian and English', async () => {
  const page = await suite.signedIn('admin', { viewport: { width: 1366, height: 900 } });
  await openDesigner(page);
  await page.getByRole('link', { name: 'Таблицы решений' }).click();
  await page.locator('.tjs-table').waitFor({ timeout: 30_000 });

  // Given a file whose decisions were never deployed, the review calls each a first version.
  await page.getByTestId('open-dmn-input').setInputFiles(rules);
  await page.getByTestId('decisions-file').getByText('c_rules.dmn').waitFor();
  await page.getByRole('button', { name: 'Проверить и развернуть…' }).click();
  const review = page.getByTestId('decision-review');
  await review.locator('[data-decision-id="lead_routing"]').getByText('«Lead routing» (lead_routing) — первая версия: это решение ещё не развёрнуто').waitFor();
  await suite.shot(page, '1-first-version');
  await review.getByRole('button', { name: 'Развернуть', exact: true }).click();
  await page.getByRole('status').filter({ hasText: /Развёрнуто: .*lead_routing v1/ }).waitFor();

  // When a result cell of the routing table is edited, the review names the rule, the column, and old → new.
  await page.getByRole('button', { name: 'Таблица: Lead routing' }).click();
  await typeInCell(page, 'o5', '"dealer3"');
  await page.getByRole('button', { name: 'Проверить и развернуть…' }).click();
  const routing = review.locator('[data-decision-id="lead_routing"]');
  await routing.getByText('«Lead routing» (lead_routing) — изменения по сравнению с развёрнутой версией 1:').waitFor();
  expect(await routing.locator('.decision-review__changes li').allInnerTexts()).toEqual(['Правило 3, результат «Dealer»: "dealer2" → "dealer3"']);
  await review.locator('[data-decision-id="lead_score"]').getByText('«Lead score» (lead_score) — без изменений по сравнению с развёрнутой версией 1').waitFor();
  // Raw codes stay out of the sentences: no "FIRST", no ids of rules.
  expect(await review.innerText()).not.toMatch(/r_volga|outputEntry/);
  await suite.shot(page, '2-changed-cell');

  // In English the same review reads in English.
  await page.getByRole('button', { name: 'Проверить и развернуть…' }).click();
  await page.getByRole('group', { name: 'Язык интерфейса' }).getByRole('button', { name: 'EN' }).click();
  await page.getByRole('button', { name: 'Review and deploy…' }).click();
  await review.locator('[data-decision-id="lead_routing"]').getByText('Rule 3, result “Dealer”: "dealer2" → "dealer3"').waitFor();
  // The notice of the earlier deploy follows the language too.
  await page.getByRole('status').filter({ hasText: /^Deployed: .*lead_routing v1/ }).waitFor();
  await suite.shot(page, '3-changed-cell-en');
  await page.context().close();
}, 120_000);
