import type { Page } from 'playwright-core';
import { apiAs } from './support/apiAs';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('task-holder');
const shot = (page: Page, name: string) => suite.shot(page, name, { fullPage: true });

interface TaskRow {
  key: string;
  elementId: string;
}

/** The keys of dealer2's open "provide more information" tasks (the demo data leaves them waiting). */
async function waitingTasks(): Promise<string[]> {
  const staff = await apiAs(suite.server.url, 'dealer2.staff');
  const { items } = (await staff<{ items: TaskRow[] }>('GET', '/api/tasks?state=open')).body;
  return items.filter((task) => task.elementId === 'ProvideInformation').map((task) => task.key);
}

test('a task held by a colleague opens read-only and says who holds it; staff cannot take it over', async () => {
  const [key] = await waitingTasks();
  const manager = await apiAs(suite.server.url, 'dealer2.manager');
  expect((await manager('POST', `/api/tasks/${key}/claim`)).status).toBeLessThan(300);

  const page = await suite.signedIn('dealer2.staff');
  await page.goto(`${suite.server.url}/inbox/${key}`);
  await page.getByTestId('held-by').getByText('Задачу ведёт Рустам Галиев. Форма открыта только для чтения; изменить и завершить задачу может только он(а).').waitFor();
  expect(await page.getByLabel('Ответ дилера').isEditable()).toBe(false);
  expect(await page.getByRole('button', { name: 'Завершить задачу' }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Взять на себя' }).count()).toBe(0);
  expect(await page.locator('main').textContent()).not.toContain('dealer2.manager');
  await shot(page, 'held-read-only');
  await page.context().close();
}, 60_000);

test('a manager takes over a task a colleague holds and can then work on it', async () => {
  // The same task: the manager hands it back, then the staff member takes it.
  const [key] = await waitingTasks();
  const manager = await apiAs(suite.server.url, 'dealer2.manager');
  expect((await manager('POST', `/api/tasks/${key}/unclaim`)).status).toBeLessThan(300);
  const staff = await apiAs(suite.server.url, 'dealer2.staff');
  expect((await staff('POST', `/api/tasks/${key}/claim`)).status).toBeLessThan(300);

  const page = await suite.signedIn('dealer2.manager');
  await page.goto(`${suite.server.url}/inbox/${key}`);
  const notice = page.getByTestId('held-by');
  await notice.getByText('Задачу ведёт Алсу Сафина. Форма открыта только для чтения. Вы можете взять задачу на себя.').waitFor();
  expect(await page.getByLabel('Ответ дилера').isEditable()).toBe(false);
  await shot(page, 'take-over-offered');
  await notice.getByRole('button', { name: 'Взять на себя' }).click();
  await page.getByTestId('task-assignee').getByText('Рустам Галиев').waitFor();
  await notice.waitFor({ state: 'detached' });
  await page.getByLabel('Ответ дилера').fill('Акт диагностики приложен');
  await page.getByRole('button', { name: 'Завершить задачу' }).click();
  await page.waitForURL('**/inbox');
  await page.context().close();
}, 60_000);
