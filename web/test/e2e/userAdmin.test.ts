import type { Page } from 'playwright-core';
import { apiAs } from './support/apiAs';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('users');

const rowOf = (page: Page, username: string) => page.locator(`[data-testid="users-table"] tr[data-user="${username}"]`);

test('an admin changes a dealer employee\'s role and disables another after a confirmation: that one\'s open session ends and they can no longer sign in', async () => {
  // given dealer2.staff at work in their inbox
  const staff = await suite.signedIn('dealer2.staff');

  // and the admin on the Users page, reached from the navigation
  const page = await suite.signedIn('admin');
  await page.getByRole('navigation').getByRole('link', { name: 'Пользователи' }).click();
  await page.getByRole('heading', { name: 'Пользователи', level: 1 }).waitFor();
  const manager = rowOf(page, 'dealer1.staff');
  await manager.waitFor();
  // roles by their human names, dealers by name, the distributor's staff as such
  expect(await manager.getByTestId('user-roles').textContent()).toBe('Сотрудник дилера');
  expect(await manager.textContent()).not.toContain('dealer1 ');
  expect(await rowOf(page, 'admin').getByTestId('user-roles').textContent()).toBe('Администратор процессов');
  expect(await rowOf(page, 'admin').textContent()).toContain('Дистрибьютор');
  expect(await rowOf(page, 'admin').textContent()).toContain('это вы');
  // one's own account offers no way to disable it
  expect(await rowOf(page, 'admin').getByRole('button', { name: 'Отключить' }).count()).toBe(0);
  await suite.shot(page, 'users-list', { fullPage: true });

  // when the admin makes dealer1.staff a dealer manager
  await manager.getByRole('button', { name: 'Изменить роли' }).click();
  const editor = page.locator('form.users-roles');
  await editor.getByRole('heading', { name: /Роли:/ }).waitFor();
  await editor.getByLabel('Руководитель дилера').check();
  await editor.getByLabel('Сотрудник дилера').uncheck();
  await suite.shot(page, 'roles-editor');
  await editor.getByRole('button', { name: 'Сохранить роли' }).click();

  // then the row says so, and so does the user's own next sign-in
  await page.getByRole('status').filter({ hasText: 'изменены' }).waitFor();
  expect(await manager.getByTestId('user-roles').textContent()).toBe('Руководитель дилера');
  expect(await editor.count()).toBe(0);
  const asStaff = await apiAs(suite.server.url, 'dealer1.staff');
  expect((await asStaff<{ user: { roles: string[] } }>('GET', '/api/me')).body.user.roles).toEqual(['dealer-manager']);

  // when the admin disables dealer2.staff, a confirmation comes first
  const leaving = rowOf(page, 'dealer2.staff');
  await leaving.getByRole('button', { name: 'Отключить' }).click();
  await leaving.getByText('Сотрудник сразу потеряет доступ и не сможет войти.').waitFor();
  await suite.shot(page, 'confirm-disable');
  await leaving.getByRole('button', { name: 'Да, отключить' }).click();

  // then the row shows the account disabled, with a way to enable it again
  await leaving.getByTestId('user-state').filter({ hasText: 'Отключена' }).waitFor();
  await leaving.getByRole('button', { name: 'Включить' }).waitFor();
  await suite.shot(page, 'disabled');

  // and the open session of dealer2.staff ends: the next page load goes to sign-in
  await staff.reload();
  await staff.waitForURL('**/sign-in');

  // and signing in again is refused
  await staff.getByLabel('Имя пользователя').fill('dealer2.staff');
  await staff.getByLabel('Пароль').fill('demo');
  await staff.keyboard.press('Enter');
  await staff.getByText('Неверное имя пользователя или пароль.').waitFor();
  await suite.shot(staff, 'disabled-sign-in');
  expect(new URL(staff.url()).pathname).toBe('/sign-in');

  // and the admin cannot take away their own right to manage users: the refusal is said in words
  await rowOf(page, 'admin').getByRole('button', { name: 'Изменить роли' }).click();
  await editor.getByText('Это ваша учётная запись').waitFor();
  await editor.getByLabel('Аудитор').check();
  await editor.getByLabel('Администратор процессов').uncheck();
  await editor.getByRole('button', { name: 'Сохранить роли' }).click();
  await page.getByRole('alert').filter({ hasText: 'Нельзя лишить себя права управлять пользователями' }).waitFor();
  await suite.shot(page, 'self-lockout');
  expect(await rowOf(page, 'admin').getByTestId('user-roles').textContent()).toBe('Администратор процессов');

  // and the page reads in English too, the refusal included
  await page.getByRole('group', { name: 'Язык интерфейса' }).getByRole('button', { name: 'EN' }).click();
  await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
  await page.getByRole('alert').filter({ hasText: 'You cannot take away your own right to manage users' }).waitFor();
  await editor.getByRole('button', { name: 'Cancel' }).click();
  expect(await rowOf(page, 'dealer2.staff').getByTestId('user-state').textContent()).toContain('Disabled');
  await suite.shot(page, 'users-list-en');
});

test('the Users section is not offered to a dealer manager, and its address shows no accounts', async () => {
  const page = await suite.signedIn('dealer1.manager');
  expect(await page.getByRole('navigation').getByRole('link', { name: 'Пользователи' }).count()).toBe(0);
  await page.goto(suite.server.url + '/users');
  await page.locator('main').waitFor();
  expect(await page.getByTestId('users-table').count()).toBe(0);
});
