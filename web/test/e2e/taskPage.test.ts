import type { Page } from 'playwright-core';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('task-page');

/** A signed-in page on its home section (the inbox for dealers), Russian UI, laptop size. */
async function signedIn(username: string, home = 'Входящие'): Promise<Page> {
  const page = await suite.signedIn(username, { viewport: { width: 1280, height: 900 } });
  await page.getByRole('heading', { name: home }).waitFor();
  return page;
}

const shot = (page: Page, name: string) => suite.shot(page, name, { fullPage: true });

/** Opens the first inbox task at `elementId` (the demo data leaves such tasks waiting). */
async function openTask(page: Page, elementId: string): Promise<string> {
  const row = page.locator(`[data-testid="task-table"] tr[data-element="${elementId}"]`).first();
  for (let attempt = 0; attempt < 20 && (await row.count()) === 0; attempt++) {
    await page.waitForTimeout(250);
    await page.reload();
    await page.getByTestId('task-table').waitFor();
  }
  await row.click();
  await page.getByTestId('task-diagram').locator('.djs-element').first().waitFor();
  return page.url();
}

/** The diagram's element with `id`, as bpmn-js renders it. */
const element = (page: Page, id: string) => page.getByTestId('task-diagram').locator(`.djs-element[data-element-id="${id}"]`);

let taskUrl: string;

test('the diagram marks the current step and the steps done; a saved draft survives a reload', async () => {
  const staff = await signedIn('dealer2.staff');
  taskUrl = await openTask(staff, 'ProvideInformation');
  await element(staff, 'ProvideInformation').and(staff.locator('.diagram-step--active')).waitFor();
  expect(await element(staff, 'DecideClaim').getAttribute('class')).toContain('diagram-step--completed');
  // The task is named in the page's language, not by its BPMN name.
  await staff.getByRole('heading', { name: 'Предоставить дополнительную информацию' }).waitFor();
  expect(await element(staff, 'ProvideInformation').getAttribute('class')).not.toContain('diagram-step--completed');
  expect(await staff.locator('.diagram-step--active').count()).toBe(1);

  await staff.getByLabel('Ответ дилера').fill('Видео стука снимаем, акт будет завтра');
  await staff.getByRole('button', { name: 'Сохранить черновик' }).click();
  await staff.getByTestId('draft-saved').getByText(/Черновик сохранён .*Алсу Сафина/).waitFor();
  expect(await staff.getByTestId('form-message').textContent()).toBe('');

  await staff.reload();
  await staff.getByLabel('Ответ дилера').waitFor();
  expect(await staff.getByLabel('Ответ дилера').inputValue()).toBe('Видео стука снимаем, акт будет завтра');
  expect(await staff.getByLabel('Вопрос дистрибьютора').inputValue()).toBe('Приложите видео стука и акт диагностики');
  await staff.getByTestId('draft-saved').getByText(/Алсу Сафина/).waitFor();
  await element(staff, 'ProvideInformation').and(staff.locator('.diagram-step--active')).waitFor();
  await shot(staff, 'task-draft-and-diagram');
  await staff.context().close();
}, 90_000);

test('a dealer manager sees the colleague’s draft and assigns the task to that colleague', async () => {
  const manager = await signedIn('dealer2.manager');
  await manager.goto(taskUrl);
  await manager.getByLabel('Ответ дилера').waitFor();
  expect(await manager.getByLabel('Ответ дилера').inputValue()).toBe('Видео стука снимаем, акт будет завтра');
  await manager.getByRole('button', { name: 'Назначить…' }).click();
  const select = manager.getByTestId('assignee-select');
  await select.waitFor();
  // People by name, and no one chosen until the manager chooses.
  expect(await select.inputValue()).toBe('');
  expect(await select.locator('option').allTextContents()).toContain('Алсу Сафина');
  expect((await select.locator('option').allTextContents()).some((text) => text.includes('dealer2.staff') || text.includes('Светлана Мастерова'))).toBe(false);
  expect(await manager.getByRole('button', { name: 'Назначить', exact: true }).isDisabled()).toBe(true);
  await select.selectOption('dealer2.staff');
  await shot(manager, 'task-assign-picker');
  await manager.getByRole('button', { name: 'Назначить', exact: true }).click();
  await manager.getByTestId('task-assignee').getByText('Алсу Сафина').waitFor();
  // The form keeps what was on screen; nobody but the holder may save a draft now.
  expect(await manager.getByLabel('Ответ дилера').inputValue()).toBe('Видео стука снимаем, акт будет завтра');
  await shot(manager, 'task-assigned');
  await manager.context().close();
}, 60_000);

test('in English the approver sees the decision step highlighted, and staff get no assign picker', async () => {
  const approver = await signedIn('approver.warranty', 'Согласования');
  await approver.getByRole('group', { name: 'Язык интерфейса' }).getByRole('button', { name: 'EN' }).click();
  await approver.getByRole('link', { name: 'Inbox' }).click();
  await openTask(approver, 'DecideClaim');
  await approver.getByRole('heading', { name: 'Process diagram' }).waitFor();
  await element(approver, 'DecideClaim').and(approver.locator('.diagram-step--active')).waitFor();
  await approver.getByRole('button', { name: 'Save draft' }).waitFor();
  await approver.getByRole('button', { name: 'Assign to…' }).waitFor();
  await shot(approver, 'task-diagram-en');
  await approver.context().close();

  const staff = await signedIn('dealer2.staff');
  await staff.goto(taskUrl);
  await staff.getByLabel('Ответ дилера').waitFor();
  expect(await staff.getByRole('button', { name: 'Назначить…' }).count()).toBe(0);
  await staff.context().close();
}, 60_000);
