import type { Page } from 'playwright-core';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('approval-filters');

const column = (page: Page, name: string) => page.locator(`[data-testid="approvals-table"] tbody [data-column="${name}"]`).allInnerTexts();
const amounts = async (page: Page) => (await column(page, 'amount')).map((text) => Number(text.replace(/[^\d,]/g, '').replace(',', '.')));

test('the approver orders the queue by amount and narrows it by dealer and coverage; the choice survives a reload', async () => {
  const page = await suite.signedIn('approver.warranty');
  await page.getByTestId('approvals-table').waitFor();
  // Every claim shows its coverage verdict in words, and its customer beside the VIN.
  const coverage = await column(page, 'coverage');
  expect(coverage.length).toBeGreaterThan(2);
  expect(coverage.every((text) => ['Гарантия', 'Сервисная кампания', 'Не покрыто'].includes(text))).toBe(true);
  expect(await page.getByRole('columnheader', { name: 'VIN и клиент' }).count()).toBe(1);

  const filters = page.getByRole('search', { name: 'Порядок и фильтры очереди' });
  await filters.getByLabel('Порядок').selectOption({ label: 'Сначала крупные' });
  await page.waitForURL(/sort=amount/);
  await page.waitForFunction(() => {
    const cells = Array.from(document.querySelectorAll('[data-testid="approvals-table"] td[data-column="amount"]')).map((td) => Number((td.textContent ?? '').replace(/[^\d,]/g, '').replace(',', '.')));
    return cells.length > 1 && cells.every((value, i) => i === 0 || cells[i - 1] >= value);
  });
  const sorted = await amounts(page);
  expect(sorted).toEqual([...sorted].sort((a, b) => b - a));

  await filters.getByRole('combobox', { name: /^Дилер/ }).selectOption({ label: 'Автоцентр Казань' });
  await page.waitForURL(/dealerId=dealer2/);
  await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid="approvals-table"] tbody tr')).every((tr) => tr.textContent?.includes('Автоцентр Казань')));
  await filters.getByLabel('Покрытие').selectOption({ label: 'Покрыто' });
  await page.waitForURL(/coverage=covered/);
  await page.reload();
  await page.getByTestId('approvals-table').waitFor();
  expect(await filters.getByRole('combobox', { name: /^Дилер/ }).inputValue()).toBe('dealer2');
  expect(await filters.getByLabel('Покрытие').inputValue()).toBe('covered');
  expect(await filters.getByLabel('Порядок').inputValue()).toBe('amount');
  const covered = await column(page, 'coverage');
  expect(covered.length).toBeGreaterThan(0);
  expect(covered.every((text) => text === 'Гарантия' || text === 'Сервисная кампания')).toBe(true);
  expect(await page.locator('[data-testid="approvals-table"] tbody tr').allInnerTexts()).toEqual(covered.map(() => expect.stringContaining('Автоцентр Казань')));

  await filters.getByLabel('Покрытие').selectOption({ label: 'Не покрыто' });
  await page.getByText('Нет задач, подходящих под фильтры.').waitFor();
  await suite.shot(page, 'approvals-filtered', { fullPage: true });

  await filters.getByRole('button', { name: 'Сбросить' }).click();
  await page.waitForURL((url) => url.search === '');
  await page.getByTestId('approvals-table').waitFor();
  await suite.shot(page, 'approvals', { fullPage: true });
  await page.context().close();
}, 90_000);

test('the approver orders the queue by dealer name, A to Z, in their language', async () => {
  const page = await suite.signedIn('approver.warranty');
  await page.getByTestId('approvals-table').waitFor();
  const filters = page.getByRole('search', { name: 'Порядок и фильтры очереди' });
  await filters.getByLabel('Порядок').selectOption({ label: 'По дилеру, А–Я' });
  await page.waitForURL(/sort=dealer/);
  const ordered = () => Array.from(document.querySelectorAll('[data-testid="approvals-table"] td[data-column="dealer"]')).map((td) => (td.textContent ?? '').trim());
  await page.waitForFunction((source) => {
    const names = (new Function(`return (${source})()`) as () => string[])();
    return names.length > 1 && names.every((name, i) => i === 0 || names[i - 1].localeCompare(name, 'ru') <= 0);
  }, ordered.toString());
  const names = await column(page, 'dealer');
  expect(names[0]).toBe('Автоцентр Казань');
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'ru')));
  await page.reload();
  await page.getByTestId('approvals-table').waitFor();
  expect(await filters.getByLabel('Порядок').inputValue()).toBe('dealer');
  await suite.shot(page, 'approvals-by-dealer', { fullPage: true });
  await page.context().close();
}, 90_000);
