import type { Page } from 'playwright-core';
import { browserSuite } from './support/browserSuite';
import { fillWarrantyClaim } from './support/warrantyClaimForm';

const suite = browserSuite('web');
/** A 1×1 PNG: the server checks the magic bytes. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A signed-in page on its home section (the inbox for dealers), Russian UI, laptop size. */
async function signedIn(username: string, home = 'Входящие'): Promise<Page> {
  const page = await suite.signedIn(username, { viewport: { width: 1280, height: 860 } });
  await page.getByRole('heading', { name: home }).waitFor();
  return page;
}

const shot = (page: Page, name: string) => suite.shot(page, name, { fullPage: true });

/** Reloads the approval queue until the case's row is there (the engine reaches the user task on its own time). */
async function waitForQueueRow(page: Page, caseRef: string): Promise<void> {
  const row = page.locator(`[data-testid="approvals-table"] tr[data-case="${caseRef}"]`);
  for (let attempt = 0; attempt < 20 && (await row.count()) === 0; attempt++) {
    await page.getByRole('button', { name: 'Обновить' }).click();
    await page.waitForTimeout(250);
  }
  await row.waitFor();
}

async function decide(page: Page, caseRef: string, button: string, reason: string): Promise<void> {
  await page.getByRole('checkbox', { name: `Выбрать ${caseRef}` }).check();
  await page.getByLabel('Обоснование').fill(reason);
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByTestId('decision-summary').getByText('Решено: 1, с ошибкой: 0.').waitFor();
  expect(await page.locator(`tr[data-case="${caseRef}"]`).count()).toBe(0);
}

let dealer: Page;
let approver: Page;
let caseUrl: string;

test('dealer staff file a warranty claim with a photo; the approver approves it; the case completes with a credit note', async () => {
  dealer = await signedIn('dealer1.staff');
  await fillWarrantyClaim(dealer);
  await shot(dealer, 'start');
  await dealer.getByRole('button', { name: 'Запустить' }).click();
  const link = dealer.getByTestId('case-link');
  await link.waitFor();
  const caseRef = (await link.textContent()) ?? '';
  expect(caseRef).not.toBe('');

  await link.click();
  await dealer.getByTestId('case-variables').waitFor();
  caseUrl = dealer.url();
  await dealer.locator('input[type="file"]').setInputFiles({ name: 'defect-photo.png', mimeType: 'image/png', buffer: png });
  await dealer.getByTestId('attachment-list').getByRole('link', { name: 'defect-photo.png', exact: true }).waitFor();
  await dealer.getByPlaceholder('Напишите комментарий').fill('Фото дефекта приложено');
  await dealer.getByRole('button', { name: 'Добавить комментарий' }).click();
  await dealer.getByTestId('comment-list').getByText('Фото дефекта приложено').waitFor();

  approver = await signedIn('approver.warranty', 'Согласования');
  await approver.getByRole('link', { name: 'Согласования' }).click();
  await waitForQueueRow(approver, caseRef);
  expect(await approver.locator('[data-testid="approvals-table"] tbody tr').count()).toBeGreaterThan(1);
  await shot(approver, 'approvals');
  await decide(approver, caseRef, 'Одобрить', 'Дефект подтверждён фото, гарантия действует');

  for (let attempt = 0; attempt < 20; attempt++) {
    await dealer.goto(caseUrl);
    await dealer.getByTestId('case-state').waitFor();
    if ((await dealer.getByTestId('case-state').getAttribute('data-state')) === 'COMPLETED') break;
    await dealer.waitForTimeout(250);
  }
  expect(await dealer.getByTestId('case-state').getAttribute('data-state')).toBe('COMPLETED');
  expect(await dealer.getByTestId('case-state').textContent()).toBe('Завершена');
  expect(await dealer.locator('[data-variable="creditNoteNumber"] dd').textContent()).toMatch(/\S/);
  // the dealer reads who decided by name, though their directory does not list the distributor's approvers
  expect(await dealer.locator('[data-variable="decidedBy"] dd').textContent()).toBe('Олег Гарантийный');
  await shot(dealer, 'case-completed');
}, 90_000);

test('the approver asks for more information, the dealer answers in the inbox, the claim is back in the queue', async () => {
  // Another dealer1 claim from the demo data waits in the queue.
  await approver.getByRole('link', { name: 'Согласования' }).click();
  const row = approver.locator('[data-testid="approvals-table"] tbody tr').filter({ hasText: 'Автоцентр Москва' }).first();
  await row.waitFor();
  const caseRef = (await row.getAttribute('data-case')) ?? '';
  await decide(approver, caseRef, 'Запросить информацию', 'Приложите акт диагностики');

  await dealer.getByRole('link', { name: 'Входящие' }).click();
  const task = dealer.locator('[data-testid="task-table"] tr[data-element="ProvideInformation"]').filter({ hasText: caseRef });
  for (let attempt = 0; attempt < 20 && (await task.count()) === 0; attempt++) {
    await dealer.waitForTimeout(250);
    await dealer.reload();
    await dealer.getByTestId('task-table').waitFor();
  }
  await shot(dealer, 'inbox');
  await task.click();
  await dealer.getByLabel('Ответ дилера').waitFor();
  expect(await dealer.getByLabel('Вопрос дистрибьютора').inputValue()).toBe('Приложите акт диагностики');
  // Claiming keeps what was already typed.
  await dealer.getByLabel('Ответ дилера').fill('Акт диагностики приложен, код ошибки подтверждён');
  await dealer.getByRole('button', { name: 'Взять в работу' }).click();
  await dealer.getByRole('button', { name: 'Вернуть в очередь' }).waitFor();
  await dealer.getByTestId('task-assignee').getByText('Светлана Мастерова').waitFor();
  expect(await dealer.getByLabel('Ответ дилера').inputValue()).toBe('Акт диагностики приложен, код ошибки подтверждён');
  await shot(dealer, 'task');
  await dealer.getByRole('button', { name: 'Завершить задачу' }).click();
  await dealer.waitForURL('**/inbox');
  await dealer.getByTestId('inbox-notice').getByText('Задача «Предоставить дополнительную информацию» завершена.').waitFor();

  await waitForQueueRow(approver, caseRef);

  // A bulk decision where one task fails (staged: the real queue cannot be made to fail on cue): the other row goes, the failure stays with its message.
  const rows = approver.locator('[data-testid="approvals-table"] tbody tr');
  const [first, second] = [await rows.nth(0).getAttribute('data-task'), await rows.nth(1).getAttribute('data-task')];
  const staged = { results: [{ taskId: first, ok: true }, { taskId: second, ok: false, status: 409, code: 'conflict', message: 'Task 1 is claimed by approver.sales', details: { assignee: 'approver.sales' } }] };
  await approver.route('**/api/approvals/decide', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(staged) }));
  await approver.getByRole('checkbox', { name: 'Выбрать все' }).check();
  await approver.getByLabel('Обоснование').fill('Проверка пакетного решения');
  await approver.getByRole('button', { name: 'Отклонить' }).click();
  await approver.getByTestId('decision-confirm').getByRole('button', { name: 'Подтвердить' }).click();
  await approver.getByTestId('decision-summary').getByText(/Решено: 1, с ошибкой: 1\./).waitFor();
  expect(await approver.locator(`tr[data-task="${first}"]`).count()).toBe(0);
  expect(await approver.locator(`tr[data-task="${second}"] [data-testid="decision-result"]`).textContent()).toBe('Задачу уже взял(а) Мария Продажина.');
  await shot(approver, 'approvals-partial');
  await approver.context().close();
  await dealer.context().close();
}, 90_000);

test('in English the form speaks English; server field errors land on their fields; a conflict is explained', async () => {
  const page = await signedIn('dealer2.staff');
  await page.getByRole('group', { name: 'Язык интерфейса' }).getByRole('button', { name: 'EN' }).click();
  await page.getByRole('link', { name: 'Start a process' }).click();
  await page.locator('[data-process="warranty-claim"]').click();
  await page.getByRole('heading', { name: 'Warranty claim' }).waitFor();
  await page.getByLabel('VIN').fill('XW8AN2NE3PH000999');
  await page.getByLabel('Mileage, km').fill('1000');
  await page.getByLabel('Repair date').fill('2026-11-21');
  await page.getByLabel('Defect code').fill('B1001');
  await page.getByLabel('Defect description').fill('Window regulator does not work');
  await page.getByRole('button', { name: 'Add' }).click();
  await page.getByLabel('Part number').fill('P-1');
  await page.getByLabel('Name').fill('Regulator');
  await page.getByLabel('Qty').fill('1');
  await page.getByLabel('Price, ₽').fill('100');
  await page.getByLabel('Labour hours').fill('1');
  // Field errors the browser's own validation cannot know about are staged, as the server would send them.
  const invalid = { code: 'validation_failed', message: 'Invalid', details: [{ field: 'vin', message: 'VIN is not in the vehicle register' }, { field: 'parts.0.price', message: 'Price differs from the price list' }] };
  await page.route('**/api/process-instances', (route) => route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify(invalid) }));
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.locator('#root_vin__error').getByText('VIN is not in the vehicle register').waitFor();
  await page.locator('#root_parts_0_price__error').getByText('Price differs from the price list').waitFor();
  expect(await page.getByTestId('form-message').textContent()).toBe('Please correct the highlighted fields.');
  await shot(page, 'start-field-errors');
  await page.unroute('**/api/process-instances');

  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByTestId('task-table').waitFor();
  await page.getByRole('searchbox', { name: 'Search' }).fill('no-such-case-anywhere');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByText('No tasks match these filters.').waitFor();
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.locator('[data-testid="task-table"] tr[data-element="ProvideInformation"]').first().click();
  await page.getByLabel("Dealer's answer").fill('The video is attached to the case');
  const conflict = { code: 'conflict', message: 'The task is already completed', details: null };
  await page.route('**/api/tasks/*/complete', (route) => route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify(conflict) }));
  await page.getByRole('button', { name: 'Complete task' }).click();
  await page.getByTestId('form-message').getByText('Someone else got here first. Reload the page and check what changed.').waitFor();
  await page.context().close();
}, 60_000);
