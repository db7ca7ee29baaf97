import type { Page } from 'playwright-core';
import { apiAs } from './support/apiAs';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('plain-errors');
const shot = (page: Page, name: string) => suite.shot(page, name, { fullPage: true });
/** Fragments of the validator's own English that must never reach a person. */
const rawEnglish = /must have required property|must match pattern|must be >=|must NOT have/;

async function openStartForm(page: Page, link: string, heading: string): Promise<void> {
  await page.getByRole('link', { name: link }).click();
  // dealer staff may start more than one process: they choose the warranty claim
  await page.locator('[data-process="warranty-claim"]').click();
  await page.getByRole('heading', { name: heading }).waitFor();
}

test('the start form names the missing field by its label and explains the VIN, in Russian', async () => {
  const page = await suite.signedIn('dealer1.staff');
  await openStartForm(page, 'Запустить процесс', 'Гарантийная заявка');
  await page.getByRole('button', { name: 'Запустить' }).click();
  await page.locator('#root_vin__error').getByText('Заполните поле «VIN».').waitFor();
  await page.locator('#root_defectDescription__error').getByText('Заполните поле «Описание дефекта».').waitFor();

  await page.getByLabel('VIN').fill('XW8AN2NE3PH00010O');
  await page.getByLabel('Пробег, км').fill('-5');
  await page.getByLabel('Код дефекта').fill('1001');
  await page.getByLabel('Описание дефекта').fill('Стук');
  await page.getByRole('button', { name: 'Запустить' }).click();
  await page.locator('#root_vin__error').getByText('VIN — 17 символов: латинские заглавные буквы и цифры, без I, O и Q.').waitFor();
  await page.locator('#root_mileage__error').getByText('«Пробег, км»: не меньше 0.').waitFor();
  await page.locator('#root_defectCode__error').getByText(/^Код дефекта — заглавная латинская буква/).waitFor();
  await page.locator('#root_defectDescription__error').getByText('В поле «Описание дефекта» нужно не меньше 10 символов.').waitFor();
  expect(await page.locator('main').textContent()).not.toMatch(rawEnglish);
  await shot(page, 'start-form-ru');
  await page.context().close();
}, 60_000);

test('in English the same form speaks English', async () => {
  const page = await suite.signedIn('dealer1.staff');
  await page.getByRole('group', { name: 'Язык интерфейса' }).getByRole('button', { name: 'EN' }).click();
  await openStartForm(page, 'Start a process', 'Warranty claim');
  await page.getByLabel('VIN').fill('XW8AN2NE3PH0001');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.locator('#root_vin__error').getByText('A VIN has 17 characters: capital Latin letters and digits, without I, O and Q.').waitFor();
  await page.locator('#root_mileage__error').getByText('Fill in “Mileage, km”.').waitFor();
  expect(await page.locator('main').textContent()).not.toMatch(rawEnglish);
  await shot(page, 'start-form-en');
  await page.context().close();
}, 60_000);

test('a task form names the missing answer; a colleague who took the task is named; the case shows labels, names and roubles', async () => {
  const page = await suite.signedIn('dealer2.staff');
  const row = page.locator('[data-testid="task-table"] tr[data-element="ProvideInformation"]').first();
  await row.waitFor();
  const taskKey = (await row.getAttribute('data-task')) ?? '';
  await row.click();
  await page.getByLabel('Ответ дилера').waitFor();
  await page.getByRole('button', { name: 'Завершить задачу' }).click();
  await page.locator('#root_dealerResponse__error').getByText('Заполните поле «Ответ дилера».').waitFor();

  // Meanwhile the dealer's manager takes the task.
  const manager = await apiAs(suite.server.url, 'dealer2.manager');
  expect((await manager('POST', `/api/tasks/${taskKey}/claim`)).status).toBeLessThan(300);
  await page.getByLabel('Ответ дилера').fill('Акт диагностики приложен');
  await page.getByRole('button', { name: 'Завершить задачу' }).click();
  await page.getByTestId('form-message').getByText('Задачу уже взял(а) Рустам Галиев.').waitFor();
  expect(await page.locator('main').textContent()).not.toMatch(/claimed by|dealer2\.manager/);

  const variables = page.getByTestId('case-variables');
  await variables.locator('[data-variable="decision"] dd').getByText('Запросить информацию').waitFor();
  await variables.locator('[data-variable="dealerId"] dd').getByText('Автоцентр Казань').waitFor();
  expect(await variables.locator('[data-variable="claimAmount"] dd').textContent()).toMatch(/^\d{1,3}(\s\d{3})*\s₽$/);
  await shot(page, 'task-claimed-by-colleague');
  await page.context().close();
}, 60_000);
