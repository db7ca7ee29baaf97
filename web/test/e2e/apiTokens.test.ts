import { browserSuite } from './support/browserSuite';

const suite = browserSuite('api-tokens');

test('an admin creates a token, sees its secret once, copies it, and revokes it; the token works until then', async () => {
  // given the admin on the API tokens page, reached from the navigation
  const page = await suite.signedIn('admin', { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByRole('navigation').getByRole('link', { name: 'API-токены' }).click();
  await page.getByRole('heading', { name: 'API-токены', level: 1 }).waitFor();
  await page.getByText('Токенов пока нет.').waitFor();
  await suite.shot(page, 'empty');

  // when they create a token for dealer1's accounting system with the integration and dealer-staff roles
  await page.getByLabel('Название учётной записи').fill('1С Москва');
  await page.getByLabel('Сотрудник дилера', { exact: true }).check();
  await page.getByLabel('Дилер', { exact: true }).selectOption({ index: 1 });
  const dealerName = await page.getByLabel('Дилер', { exact: true }).evaluate((select: HTMLSelectElement) => select.selectedOptions[0].text);
  await page.getByLabel('Срок действия').selectOption('365');
  await page.getByRole('button', { name: 'Создать токен' }).click();

  // then the secret is shown once, and the copy button puts it on the clipboard
  await page.getByRole('heading', { name: 'Токен «1С Москва» создан' }).waitFor();
  const secret = (await page.getByTestId('token-secret-value').textContent()) ?? '';
  expect(secret).toMatch(/^dft_/);
  await page.getByRole('button', { name: 'Скопировать' }).click();
  await page.getByText('Скопировано в буфер обмена.').waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await suite.shot(page, 'created');

  // and the token works, as its service account with its dealer
  const me = await fetch(`${suite.server.url}/api/me`, { headers: { Authorization: `Bearer ${secret}` } });
  expect(me.status).toBe(200);
  expect(((await me.json()) as { user: { username: string; dealerId: string } }).user).toMatchObject({ username: 'api:1С Москва', dealerId: 'dealer1' });

  // when the admin closes the secret, it is gone from the page; the list shows the account by name, its dealer and its use
  await page.getByRole('button', { name: 'Я сохранил(а) токен' }).click();
  await page.getByLabel('Название учётной записи').waitFor();
  expect(await page.content()).not.toContain(secret);
  await page.reload();
  const row = page.locator('tr[data-token="1С Москва"]');
  await row.waitFor();
  expect(await row.textContent()).toContain(dealerName);
  expect(await row.textContent()).toContain('Интеграция (внешняя система), Сотрудник дилера');
  expect(await row.getByTestId('token-state').textContent()).toBe('Действует');
  expect(await row.textContent()).not.toContain('ещё не использовался');
  expect(await page.content()).not.toContain(secret);

  // when they revoke it, confirming first
  await row.getByRole('button', { name: 'Отозвать' }).click();
  await suite.shot(page, 'confirm-revoke');
  await row.getByRole('button', { name: 'Отозвать навсегда' }).click();

  // then the list shows it revoked by the admin, by name, and the token is refused at once
  await row.getByTestId('token-state').getByText('Отозван').waitFor();
  expect(await row.getByTestId('token-state').textContent()).toMatch(/отозвал\(а\) (?!admin)/);
  expect(await row.getByRole('button').count()).toBe(0);
  const refused = await fetch(`${suite.server.url}/api/me`, { headers: { Authorization: `Bearer ${secret}` } });
  expect(refused.status).toBe(401);
  expect(((await refused.json()) as { code: string }).code).toBe('token_revoked');
  await suite.shot(page, 'revoked');
  await page.context().close();
}, 90_000);

test('the form says what is missing instead of sending it', async () => {
  const page = await suite.signedIn('admin');
  await page.goto(suite.server.url + '/api-tokens');
  await page.getByRole('button', { name: 'Создать токен' }).click();
  await page.getByText('Укажите название учётной записи.').waitFor();
  await page.getByLabel('Название учётной записи').fill('Сайт');
  await page.getByLabel('Интеграция (внешняя система)').uncheck();
  await page.getByRole('button', { name: 'Создать токен' }).click();
  await page.getByText('Выберите хотя бы одну роль.').waitFor();
  await suite.shot(page, 'missing-roles');
  await page.context().close();
}, 60_000);
