import type { BrowserContext, Page } from 'playwright-core';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('web', { loginThrottle: { perAccount: 3, perAddress: 100, windowSeconds: 60 } });

/** A fresh browser profile (no cookies, no stored language) at a laptop size. */
async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU' });
  context.setDefaultTimeout(8_000);
  return { context, page: await context.newPage() };
}

/** Fills the form through its labels (so they must be tied to the inputs) and submits with Enter. */
async function signIn(page: Page, username: string, password = 'demo'): Promise<void> {
  await page.getByLabel('Имя пользователя').fill(username);
  await page.getByLabel('Пароль').fill(password);
  await page.keyboard.press('Enter');
}

const shot = (page: Page, name: string) => suite.shot(page, name, { fullPage: true });

async function navLabels(page: Page): Promise<string[]> {
  return page.locator('nav .side-nav__link').evaluateAll((links) => links.map((link) => link.getAttribute('data-section') ?? ''));
}

async function columnHeaders(page: Page, table: string): Promise<string[]> {
  return page.locator(`[data-testid="${table}"] thead th`).allTextContents();
}

test('a wrong password shows a clear error, and repeated failures are throttled with the wait time', async () => {
  const { context, page } = await freshPage();
  await page.goto(suite.server.url + '/');
  await page.locator('#sign-in-username').waitFor();
  expect(new URL(page.url()).pathname).toBe('/sign-in');
  expect(await page.locator('#sign-in-username:focus').count()).toBe(1);

  let answer = () => {};
  const held = new Promise<void>((resolve) => (answer = resolve));
  await page.route('**/api/auth/login', async (route) => {
    await held;
    await route.continue();
  });
  await signIn(page, 'dealer2.staff', 'wrong');
  expect(await page.getByRole('button', { name: 'Вход…' }).isDisabled()).toBe(true);
  answer();
  await page.getByRole('alert').filter({ hasText: 'Неверное имя пользователя или пароль.' }).waitFor();
  expect(await page.locator('#sign-in-password:focus').count()).toBe(1);
  await shot(page, 'sign-in-error');
  await page.unroute('**/api/auth/login');

  // The server here allows three failures per account: two more fail plainly, the next one answers 429.
  for (const expected of [401, 401, 429]) {
    await page.locator('#sign-in-password').fill('wrong');
    const [response] = await Promise.all([page.waitForResponse('**/api/auth/login'), page.getByRole('button', { name: 'Войти' }).click()]);
    expect(response.status()).toBe(expected);
  }
  await page.getByRole('alert').filter({ hasText: /Слишком много попыток\. Повторите через \d+ с\./ }).waitFor();
  expect(await page.getByRole('button', { name: 'Войти' }).isDisabled()).toBe(true);
  await shot(page, 'sign-in-rate-limited');
  await context.close();
});

test('dealer staff see only their own dealer, without the credit limit', async () => {
  const { context, page } = await freshPage();
  await page.goto(suite.server.url + '/');
  await signIn(page, 'dealer1.staff');
  await page.getByRole('heading', { name: 'Входящие' }).waitFor();
  expect(await page.getByTestId('user-name').textContent()).toBe('Светлана Мастерова');
  await page.getByTestId('user-dealer').getByText('Автоцентр Москва').waitFor();
  expect(await page.getByTestId('user-roles').textContent()).toBe('Сотрудник дилера');
  expect(await navLabels(page)).toEqual(['inbox', 'cases', 'start', 'dealers', 'vehicles', 'tenders', 'leads', 'kpi']);
  await shot(page, 'inbox-staff');

  await page.getByRole('link', { name: 'Дилеры' }).click();
  await page.getByTestId('dealers-table').waitFor();
  expect(await page.locator('[data-testid="dealers-table"] tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-dealer')))).toEqual(['dealer1']);
  expect(await columnHeaders(page, 'dealers-table')).toEqual(['Код', 'Название', 'Регион', 'Территории', 'Рейтинг']);
  await shot(page, 'dealers-staff');
  await context.close();
});

test('an admin sees all three dealers with credit limits; a lost session returns to sign-in', async () => {
  const { context, page } = await freshPage();
  await page.goto(suite.server.url + '/dealers');
  await page.waitForURL('**/sign-in');
  await signIn(page, 'admin');
  await page.getByTestId('dealers-table').waitFor();
  expect(page.url()).toBe(suite.server.url + '/dealers');
  expect(await columnHeaders(page, 'dealers-table')).toContain('Кредитный лимит');
  const limits = await page.locator('[data-testid="dealers-table"] tbody tr td:last-child').allTextContents();
  expect(limits.map((text) => text.replace(/\D/g, ''))).toEqual(['50000000', '25000000', '20000000']);
  expect(await navLabels(page)).toEqual(['dashboard', 'inbox', 'approvals', 'cases', 'start', 'designer', 'instances', 'audit', 'dealers', 'vehicles', 'tenders', 'leads', 'kpi', 'users', 'apiTokens', 'webhooks']);
  await shot(page, 'dealers-admin');

  // The real server cannot be made to fail or to hold no dealers on cue, so these two answers are staged in the browser.
  const staged = { status: 503, body: { code: 'unavailable', message: 'The database is restarting', details: null } };
  await page.route('**/api/dealers', (route) => route.fulfill({ status: staged.status, contentType: 'application/json', body: JSON.stringify(staged.body) }));
  await page.getByRole('link', { name: 'Входящие' }).click();
  await page.getByRole('link', { name: 'Дилеры' }).click();
  await page.getByRole('alert').filter({ hasText: 'Не удалось загрузить данные.' }).waitFor();
  await shot(page, 'dealers-error');
  Object.assign(staged, { status: 200, body: { items: [] } });
  await page.getByRole('button', { name: 'Повторить' }).click();
  await page.getByText('Нет дилеров, доступных вам.').waitFor();
  await page.unroute('**/api/dealers');
  await page.getByRole('link', { name: 'Входящие' }).click();
  await page.getByRole('link', { name: 'Дилеры' }).click();
  await page.getByTestId('dealers-table').waitFor();

  await page.setViewportSize({ width: 860, height: 700 });
  await shot(page, 'dealers-admin-narrow');

  await context.clearCookies();
  await page.getByRole('link', { name: 'Аудит' }).click();
  await page.getByText('Сеанс завершён. Войдите снова.').waitFor();
  expect(new URL(page.url()).pathname).toBe('/sign-in');
  await context.close();
});

test('an auditor verifies the chain, switches the language, and signs out', async () => {
  const { context, page } = await freshPage();
  await page.goto(suite.server.url + '/');
  await signIn(page, 'auditor');
  // Nothing is stored on this device yet, so the auditor's profile locale (en) applies.
  await page.getByRole('link', { name: 'Audit' }).click();
  await page.getByTestId('audit-table').waitFor();
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await page.getByTestId('chain-verdict').getByText(/The chain is intact\. Entries verified: \d+/).waitFor();
  await shot(page, 'audit-verified');

  await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: 'RU' }).click();
  await page.getByRole('button', { name: 'Проверить цепочку' }).waitFor();
  expect(await page.getByRole('link', { name: 'Аудит' }).count()).toBe(1);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.reload();
  await page.getByRole('heading', { name: 'Аудит' }).waitFor();
  await page.getByTestId('audit-table').waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('ru');
  await shot(page, 'audit-ru');

  await page.getByRole('button', { name: 'Выйти' }).click();
  await page.getByRole('heading', { name: 'Вход' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/sign-in');
  await page.goto(suite.server.url + '/audit');
  await page.getByRole('heading', { name: 'Вход' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/sign-in');
  await shot(page, 'signed-out');
  await context.close();
});
