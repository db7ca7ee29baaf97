import { browserSuite } from './support/browserSuite';

const suite = browserSuite('phone');
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

test('on a phone the inbox shows cards, keeps its filters behind a toggle, and a task form does not grab the focus', async () => {
  const page = await suite.signedIn('dealer2.staff', phone);
  await page.getByRole('heading', { name: 'Входящие' }).waitFor();
  const card = page.locator('[data-testid="task-table"] tr[data-element="ProvideInformation"]').first();
  await card.waitFor();
  expect(await card.evaluate((row) => row.ownerDocument.defaultView!.getComputedStyle(row).display)).toBe('block');
  expect(await page.locator('[data-testid="task-table"] thead').isVisible()).toBe(false);
  expect(await card.textContent()).toContain('Автоцентр Казань');

  const search = page.getByRole('searchbox', { name: 'Поиск' });
  expect(await search.isVisible()).toBe(false);
  await suite.shot(page, 'inbox-cards', { fullPage: true });
  await page.getByRole('button', { name: 'Фильтры', exact: true }).click();
  await search.waitFor();
  await suite.shot(page, 'inbox-filters-open');
  await page.getByRole('button', { name: 'Скрыть фильтры' }).click();
  await search.waitFor({ state: 'hidden' });

  await card.click();
  // The task page loads its form code on first visit: on a busy machine that takes longer than a click's wait.
  await page.getByLabel('Ответ дилера').waitFor({ timeout: 30_000 });
  expect(await page.locator('form textarea:focus, form input:focus').count()).toBe(0);
  await suite.shot(page, 'task');
  await page.context().close();
}, 60_000);
