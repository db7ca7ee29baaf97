import type { Page } from 'playwright-core';
import { browserSuite } from './support/browserSuite';
import { openGroup, openDesigner } from './support/modeler';

const suite = browserSuite('form-builder');

const shot = (page: Page, name: string) => suite.shot(page, name, { fullPage: true });

test('an admin edits a form field and sees the preview change, links a form, then test-runs the warranty diagram through a user task', async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  try {
    await walkThrough(page);
  } catch (error) {
    await shot(page, 'failure');
    throw error;
  } finally {
    await context.close();
  }
});

async function walkThrough(page: Page): Promise<void> {
  await page.goto(suite.server.url + '/');
  await page.getByLabel('Имя пользователя').fill('admin');
  await page.getByLabel('Пароль').fill('demo');
  await page.keyboard.press('Enter');
  await openDesigner(page);
  await page.getByRole('button', { name: 'Процессы и черновики…' }).click();
  await page.getByTestId('deployed-panel').locator('.draft-row[data-process-id="warranty-claim"]').click();
  await page.locator('.djs-element[data-element-id="DecideClaim"]').waitFor();

  // Given the decision form in the builder,
  await page.getByRole('tab', { name: 'Конструктор форм' }).click();
  const builder = page.locator('.form-builder');
  await builder.getByTestId('form-select').selectOption('warranty-decision');
  const preview = builder.getByTestId('form-preview');
  await preview.locator('label', { hasText: 'Обоснование' }).waitFor();
  // the financial amount is marked as masked for dealer staff, the reason is not.
  expect(await builder.getByTestId('visibility-approvedAmount').textContent()).toContain('Сотрудник дилера');
  expect(await builder.getByTestId('visibility-decisionReason').textContent()).toBe('видно всем ролям');

  // When a field's Russian title changes, the preview shows it at once.
  const reasonRow = builder.locator('tr[data-field="decisionReason"]');
  await reasonRow.getByLabel('Название (RU)').fill('Причина решения');
  await preview.locator('label', { hasText: 'Причина решения' }).waitFor();
  expect(await preview.locator('label', { hasText: 'Обоснование' }).count()).toBe(0);

  // Sample data is checked by the shared validator as it is typed.
  await preview.getByLabel('Причина решения').fill('ок');
  await builder.getByTestId('sample-validation').getByText('must NOT have fewer than 5 characters').waitFor();
  expect(await builder.getByTestId('sample-data').inputValue()).toContain('"decisionReason": "ок"');
  await preview.getByLabel('Одобрить').check();
  await preview.getByLabel('Причина решения').fill('Гарантийный случай');
  await builder.getByTestId('sample-validation').getByText('Пример данных проходит проверку формы.').waitFor();
  await shot(page, 'form-builder');

  // Linking another form to the selected user task goes through modeling: the panel shows it, undo takes it back.
  // (leaving the edited form asks first; its edits stay with this session's test runs)
  page.once('dialog', (dialog) => void dialog.accept());
  await builder.getByTestId('form-select').selectOption('warranty-more-information');
  await preview.locator('label', { hasText: 'Ответ дилера' }).waitFor();
  await page.locator('.djs-element[data-element-id="DecideClaim"]').click();
  await builder.getByRole('button', { name: 'Привязать к «Decide warranty claim»' }).click();
  await openGroup(page, 'form');
  expect(await page.locator('#bio-properties-panel-externalReference').inputValue()).toBe('warranty-more-information');
  await page.getByRole('button', { name: 'Отменить' }).click();
  expect(await page.locator('#bio-properties-panel-externalReference').inputValue()).toBe('warranty-decision');

  // The test run starts the open diagram from its start form, without touching real data.
  await page.getByRole('tab', { name: 'Тестовый запуск' }).click();
  const run = page.getByTestId('test-run');
  await run.getByLabel('VIN').fill('XW8AN2NE3PH000101');
  await run.getByLabel('Пробег, км').fill('30000');
  await run.getByLabel('Дата ремонта').fill('2026-11-20');
  await run.getByLabel('Код дефекта').fill('B1001');
  await run.getByLabel('Описание дефекта').fill('Стеклоподъёмник водительской двери не работает');
  await run.getByRole('button', { name: 'Добавить' }).click();
  await run.getByLabel('Каталожный номер').fill('P-B1001');
  await run.getByLabel('Наименование').fill('Стеклоподъёмник');
  await run.getByLabel('Кол-во').fill('1');
  await run.getByLabel('Цена, ₽').fill('48900');
  await run.getByLabel('Нормо-часы').fill('1.5');
  await run.getByRole('button', { name: 'Запустить тест' }).click();

  // It waits in the decision task, which is highlighted on the canvas with the path before it.
  const task = run.getByTestId('run-task-DecideClaim');
  await task.waitFor();
  expect(await run.getByTestId('run-state').textContent()).toBe('выполняется');
  await page.locator('.djs-element.df-run-active[data-element-id="DecideClaim"]').waitFor();
  expect(await page.locator('.djs-element.df-run-done[data-element-id="CheckCoverage"]').count()).toBe(1);
  expect(await page.locator('.djs-element.df-run-done.djs-connection').count()).toBeGreaterThan(1);
  await shot(page, 'test-run-waiting');

  // The task's form is the one being edited in the builder; completing it ends the process.
  await task.getByLabel('Отклонить').check();
  await task.getByLabel('Причина решения').fill('Дефект не гарантийный');
  await task.getByRole('button', { name: 'Завершить задачу' }).click();
  await run.getByText('Процесс завершён.').waitFor();
  expect(await run.getByTestId('run-state').textContent()).toBe('завершён');
  expect(await run.getByTestId('run-effects').textContent()).toContain('notify');
  expect(await page.locator('.djs-element.df-run-done[data-element-id="DecideClaim"]').count()).toBe(1);
  await shot(page, 'test-run-ended');

  // Closing the run takes its markers off the diagram.
  await run.getByRole('button', { name: 'Закрыть тестовый запуск' }).click();
  expect(await page.locator('.djs-element.df-run-done, .djs-element.df-run-active').count()).toBe(0);

  // The builder speaks English too: titles, column heads and role names.
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await page.getByRole('tab', { name: 'Form builder' }).click();
  await builder.getByRole('columnheader', { name: 'Masked for' }).waitFor();
  await preview.locator('label', { hasText: 'Dealer\'s answer' }).waitFor();
  await shot(page, 'form-builder-en');
}
