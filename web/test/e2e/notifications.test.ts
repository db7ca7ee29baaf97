import type { Page } from 'playwright-core';
import { apiAs } from './support/apiAs';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('notifications');
const shot = (page: Page, name: string) => suite.shot(page, name);

const claim = {
  vin: 'XW8AN2NE3PH000155', mileage: 52000, repairDate: '2026-11-25', defectCode: 'B1701', defectDescription: 'Не работает обогрев заднего стекла',
  parts: [{ partNumber: 'P-B1701', name: 'Нить обогрева', quantity: 1, price: 64200 }], labourHours: 2,
};

const count = async (page: Page) => {
  const badge = page.getByTestId('notification-count');
  return (await badge.count()) ? Number(await badge.textContent()) : 0;
};

test('dealer staff file a warranty claim; the approver\'s bell counts it, lists it by name and opens the task', async () => {
  const approver = await suite.signedIn('approver.warranty');
  const bell = approver.getByTestId('notification-bell');
  await bell.waitFor();
  // Start from an empty bell: the demo cases opened at start-up notified the approver already.
  await bell.click();
  await approver.getByRole('dialog', { name: 'Уведомления' }).waitFor();
  await shot(approver, 'bell-demo-cases');
  if (await count(approver)) await approver.getByRole('button', { name: 'Прочитать все' }).click();
  await approver.getByTestId('notification-count').waitFor({ state: 'detached' });
  await approver.keyboard.press('Escape');
  expect(await count(approver)).toBe(0);

  const dealer = await apiAs(suite.server.url, 'dealer1.staff');
  const started = await dealer<{ instanceKey: string; caseRef: string }>('POST', '/api/process-instances', { bpmnProcessId: 'warranty-claim', variables: claim });
  expect(started.status).toBe(201);

  // The task stream hints the new task; the bell refetches without a reload.
  await approver.getByTestId('notification-count').waitFor({ timeout: 20_000 });
  expect(await count(approver)).toBe(1);
  await shot(approver, 'bell-count');
  await bell.click();
  const item = approver.getByTestId('notification-list').getByRole('button', { name: new RegExp(`Новая задача «Решение по гарантийной заявке» по делу ${started.body.caseRef}`) });
  await item.waitFor();
  expect(await item.textContent()).toContain('(');
  expect(await item.textContent()).not.toContain('dealer1');
  await shot(approver, 'bell-open');
  await item.click();
  await approver.waitForURL(/\/inbox\/\d+/);
  await approver.getByRole('heading', { name: 'Решение по гарантийной заявке' }).waitFor();
  await approver.getByTestId('notification-count').waitFor({ state: 'detached' });
  await shot(approver, 'task-opened');
}, 90_000);

test('the settings page keeps per-kind choices and the address, in Russian', async () => {
  const page = await suite.signedIn('dealer1.manager');
  await page.getByTestId('notification-bell').click();
  await page.getByRole('link', { name: 'Настроить уведомления' }).click();
  await page.getByRole('heading', { name: 'Уведомления' }).waitFor();
  await page.getByLabel('Адрес электронной почты').fill('manager@dealer1.example');
  await page.getByLabel('Почта: Срок задачи скоро истечёт').selectOption('daily');
  await page.getByLabel('В приложении: Упоминание в комментарии').uncheck();
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await page.getByRole('status').getByText('Настройки сохранены.').waitFor();
  await shot(page, 'settings');
  const api = await apiAs(suite.server.url, 'dealer1.manager');
  const saved = await api<{ address: string; kinds: { kind: string; inApp: boolean; email: string }[] }>('GET', '/api/me/notification-preferences');
  expect(saved.body.address).toBe('manager@dealer1.example');
  expect(saved.body.kinds).toContainEqual({ kind: 'task.sla', inApp: true, email: 'daily' });
  expect(saved.body.kinds).toContainEqual({ kind: 'comment.mention', inApp: false, email: 'instant' });
}, 60_000);
