import { errors, type Locator, type Page } from 'playwright-core';
import { browserSuite } from './support/browserSuite';
import { fillWarrantyClaim } from './support/warrantyClaimForm';

/**
 * The warranty claim end to end with the server on a standalone engine (ENGINE=zeebe): the inbox
 * is fed by the engine's user task listener jobs and case ends are synced a moment later, so every
 * step waits on what the user sees, refreshing the page as a user would.
 */
const suite = browserSuite('web-over-the-wire', { engine: 'zeebe' });
/** A 1×1 PNG: the server checks the magic bytes. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const shot = (page: Page, name: string) => suite.shot(page, name, { fullPage: true });

/** Waits until `target` is shown, calling `refresh` whenever a few seconds pass without it. */
async function untilShown(target: Locator, refresh: () => Promise<unknown>, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await target.waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      if (!(error instanceof errors.TimeoutError) || Date.now() > deadline) throw error;
      await refresh();
    }
  }
}

async function signedIn(username: string, home: string): Promise<Page> {
  const page = await suite.signedIn(username);
  await page.getByRole('heading', { name: home }).waitFor();
  return page;
}

/** The approval queue's row of the case, once the engine's listener has put its task there. */
async function queueRow(approver: Page, caseRef: string): Promise<Locator> {
  const row = approver.locator(`[data-testid="approvals-table"] tr[data-case="${caseRef}"]`);
  await untilShown(row, () => approver.getByRole('button', { name: 'Обновить' }).click());
  return row;
}

async function decide(approver: Page, caseRef: string, button: string, reason: string): Promise<void> {
  await approver.getByRole('checkbox', { name: `Выбрать ${caseRef}` }).check();
  await approver.getByLabel('Обоснование').fill(reason);
  await approver.getByRole('button', { name: button, exact: true }).click();
  await approver.getByTestId('decision-summary').getByText('Решено: 1, с ошибкой: 0.').waitFor();
  await approver.locator(`tr[data-case="${caseRef}"]`).waitFor({ state: 'detached' });
}

/** Opens the case page and waits until the engine's completion has reached the case list; returns the credit note number shown. */
async function completedCase(dealer: Page, caseUrl: string): Promise<string> {
  await dealer.goto(caseUrl);
  await untilShown(dealer.locator('[data-testid="case-state"][data-state="COMPLETED"]'), () => dealer.reload());
  expect(await dealer.getByTestId('case-state').textContent()).toBe('Завершена');
  // the diagram comes from the engine's process XML and the path from its element history
  await dealer.locator('.case-diagram .djs-container svg').first().waitFor();
  return (await dealer.locator('[data-variable="creditNoteNumber"] dd').textContent()) ?? '';
}

let dealer: Page;
let approver: Page;

test('dealer staff file a warranty claim with a photo; the approver approves it; the case completes with a credit note', async () => {
  dealer = await signedIn('dealer1.staff', 'Входящие');
  await fillWarrantyClaim(dealer);
  await dealer.getByRole('button', { name: 'Запустить' }).click();
  const link = dealer.getByTestId('case-link');
  await link.waitFor();
  const caseRef = (await link.textContent()) ?? '';
  expect(caseRef).toMatch(/\S/);

  await link.click();
  await dealer.getByTestId('case-variables').waitFor();
  expect(await dealer.getByTestId('case-state').getAttribute('data-state')).toBe('ACTIVE');
  const caseUrl = dealer.url();
  await dealer.locator('input[type="file"]').setInputFiles({ name: 'defect-photo.png', mimeType: 'image/png', buffer: png });
  await dealer.getByTestId('attachment-list').getByRole('link', { name: 'defect-photo.png', exact: true }).waitFor();
  await dealer.getByPlaceholder('Напишите комментарий').fill('Фото дефекта приложено');
  await dealer.getByRole('button', { name: 'Добавить комментарий' }).click();
  await dealer.getByTestId('comment-list').getByText('Фото дефекта приложено').waitFor();
  await shot(dealer, 'case-filed');

  approver = await signedIn('approver.warranty', 'Согласования');
  await approver.getByRole('link', { name: 'Согласования' }).click();
  const row = await queueRow(approver, caseRef);
  expect(await row.textContent()).toContain('Автоцентр Москва');
  await shot(approver, 'approvals');
  await decide(approver, caseRef, 'Одобрить', 'Дефект подтверждён фото, гарантия действует');

  expect(await completedCase(dealer, caseUrl)).toMatch(/\S/);
  await shot(dealer, 'case-completed');
}, 120_000);

test('the approver asks for more information, the dealer answers in the inbox, the claim comes back and is approved', async () => {
  // A dealer1 claim from the demo data waits in the queue.
  await approver.getByRole('link', { name: 'Согласования' }).click();
  const waiting = approver.locator('[data-testid="approvals-table"] tbody tr').filter({ hasText: 'Автоцентр Москва' }).first();
  await untilShown(waiting, () => approver.getByRole('button', { name: 'Обновить' }).click());
  const caseRef = (await waiting.getAttribute('data-case')) ?? '';
  expect(caseRef).toMatch(/\S/);
  const caseUrl = new URL((await waiting.getByRole('link', { name: caseRef }).getAttribute('href')) ?? '', suite.server.url).href;
  await decide(approver, caseRef, 'Запросить информацию', 'Приложите акт диагностики');

  await dealer.getByRole('link', { name: 'Входящие' }).click();
  await dealer.getByTestId('task-table').waitFor();
  const task = dealer.locator('[data-testid="task-table"] tr[data-element="ProvideInformation"]').filter({ hasText: caseRef });
  await untilShown(task, () => dealer.reload());
  await shot(dealer, 'inbox');
  await task.click();
  await dealer.getByLabel('Ответ дилера').waitFor();
  expect(await dealer.getByLabel('Вопрос дистрибьютора').inputValue()).toBe('Приложите акт диагностики');
  await dealer.getByLabel('Ответ дилера').fill('Акт диагностики приложен, код ошибки подтверждён');
  await dealer.getByRole('button', { name: 'Взять в работу' }).click();
  await dealer.getByRole('button', { name: 'Вернуть в очередь' }).waitFor();
  await dealer.getByTestId('task-assignee').getByText('Светлана Мастерова').waitFor();
  expect(await dealer.getByLabel('Ответ дилера').inputValue()).toBe('Акт диагностики приложен, код ошибки подтверждён');
  await shot(dealer, 'task');
  await dealer.getByRole('button', { name: 'Завершить задачу' }).click();
  await dealer.waitForURL('**/inbox');
  await dealer.getByTestId('inbox-notice').getByText('Задача «Предоставить дополнительную информацию» завершена.').waitFor();
  await task.waitFor({ state: 'detached' });

  // The answer is back with the approver, who now approves the claim.
  await queueRow(approver, caseRef);
  await shot(approver, 'approvals-answered');
  await decide(approver, caseRef, 'Одобрить', 'Акт диагностики подтверждает дефект');

  expect(await completedCase(dealer, caseUrl)).toMatch(/\S/);
  await shot(dealer, 'answered-case-completed');
  await approver.context().close();
  await dealer.context().close();
}, 120_000);
