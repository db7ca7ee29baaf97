import type { Page } from 'playwright-core';
import { apiAs } from './support/apiAs';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('approval-queue');
const shot = (page: Page, name: string) => suite.shot(page, name, { fullPage: true });

interface QueueRow {
  key: string;
  elementId: string;
  caseRef: string;
  processInstanceKey: string;
  dealerId: string;
}

async function approverOnQueue(): Promise<Page> {
  const page = await suite.signedIn('approver.warranty');
  await page.getByRole('heading', { name: 'Согласования', level: 1 }).waitFor();
  await page.getByTestId('approvals-table').waitFor();
  return page;
}

const rows = (page: Page) => page.locator('[data-testid="approvals-table"] tbody tr');
const currentCase = (page: Page) => page.locator('[data-testid="approvals-table"] tbody tr[aria-current="true"]').getAttribute('data-case');

test('j/k move through the queue, x selects, r and a ask to confirm a bulk decision with its summary', async () => {
  const page = await approverOnQueue();
  await page.getByTestId('queue-keys').getByText('j / k — следующая / предыдущая заявка, x — отметить, a — одобрить, r — отклонить').waitFor();
  const cases = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-case')));
  expect(cases.length).toBeGreaterThanOrEqual(3);

  await page.keyboard.press('j');
  expect(await currentCase(page)).toBe(cases[0]);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  expect(await currentCase(page)).toBe(cases[2]);
  await page.keyboard.press('k');
  expect(await currentCase(page)).toBe(cases[1]);
  await page.keyboard.press('x');
  await page.keyboard.press('k');
  await page.keyboard.press('x');
  expect(await page.getByRole('checkbox', { name: `Выбрать ${cases[0]}` }).isChecked()).toBe(true);
  expect(await page.getByRole('checkbox', { name: `Выбрать ${cases[1]}` }).isChecked()).toBe(true);
  expect(await page.getByRole('checkbox', { name: `Выбрать ${cases[2]}` }).isChecked()).toBe(false);

  // Without a reason the keys lead to the reason box instead of deciding.
  await page.keyboard.press('r');
  expect(await page.locator('#decision-reason:focus').count()).toBe(1);
  expect(await page.getByTestId('decision-confirm').count()).toBe(0);
  await page.getByLabel('Обоснование').fill('Проверено по фото, дефект гарантийный');
  await page.getByRole('heading', { name: 'Согласования', level: 1 }).click();

  await page.keyboard.press('r');
  const confirm = page.getByTestId('decision-confirm');
  await confirm.getByRole('heading', { name: 'Отклонить 2 заявки?' }).waitFor();
  expect(await confirm.textContent()).toContain(`${cases[0]}, ${cases[1]}`);
  expect(await confirm.textContent()).toMatch(/Автоцентр/);
  expect(await confirm.textContent()).toMatch(/\d\s₽/);
  await confirm.getByRole('button', { name: 'Отмена' }).click();
  await confirm.waitFor({ state: 'detached' });
  expect(await rows(page).count()).toBe(cases.length);

  await page.keyboard.press('a');
  await confirm.getByRole('heading', { name: 'Одобрить 2 заявки?' }).waitFor();
  await shot(page, 'bulk-confirm');
  await confirm.getByRole('button', { name: 'Подтвердить' }).click();
  await page.getByTestId('decision-summary').getByText('Решено: 2, с ошибкой: 0.').waitFor();
  expect(await page.locator(`tr[data-case="${cases[0]}"]`).count()).toBe(0);
  expect(await page.getByLabel('Обоснование').inputValue()).toBe('');
  await page.context().close();
}, 60_000);

test('the next round of a claim starts with an empty decision; deciding on the task page returns to the queue', async () => {
  const approverApi = await apiAs(suite.server.url, 'approver.warranty');
  const queue = (await approverApi<{ items: QueueRow[] }>('GET', '/api/approvals')).body.items;
  const target = queue.find((row) => row.dealerId === 'dealer3')!;
  expect((await approverApi('POST', `/api/tasks/${target.key}/complete`, { variables: { decision: 'requestInfo', decisionReason: 'Нужны фото двери' } })).status).toBe(204);
  const dealer = await apiAs(suite.server.url, 'dealer3.staff');
  let answer: QueueRow | undefined;
  for (let attempt = 0; attempt < 40 && !answer; attempt++) {
    const open = (await dealer<{ items: QueueRow[] }>('GET', '/api/tasks?state=open')).body.items;
    answer = open.find((task) => task.processInstanceKey === target.processInstanceKey && task.elementId === 'ProvideInformation');
    if (!answer) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect((await dealer('POST', `/api/tasks/${answer!.key}/complete`, { variables: { dealerResponse: 'Фото двери приложены к заявке' } })).status).toBe(204);
  let again: QueueRow | undefined;
  for (let attempt = 0; attempt < 40 && !again; attempt++) {
    again = (await approverApi<{ items: QueueRow[] }>('GET', '/api/approvals')).body.items.find((row) => row.processInstanceKey === target.processInstanceKey);
    if (!again) await new Promise((resolve) => setTimeout(resolve, 250));
  }

  const page = await approverOnQueue();
  await page.locator(`tr[data-task="${again!.key}"]`).getByRole('link', { name: 'Решение по гарантийной заявке' }).click();
  await page.getByLabel('Обоснование').waitFor();
  expect(await page.getByLabel('Обоснование').inputValue()).toBe('');
  expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);
  await shot(page, 'second-round-empty');
  await page.getByRole('radio', { name: 'Одобрить' }).check();
  await page.getByLabel('Обоснование').fill('Фото подтверждают дефект');
  await page.getByRole('button', { name: 'Завершить задачу' }).click();
  await page.waitForURL('**/approvals');
  await page.getByTestId('approvals-notice').getByText('Задача «Решение по гарантийной заявке» решена.').waitFor();
  expect(await page.locator(`tr[data-task="${again!.key}"]`).count()).toBe(0);
  await page.context().close();
}, 60_000);
