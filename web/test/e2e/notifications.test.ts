import type { Page } from 'playwright-core';
import { apiAs } from './support/apiAs';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('notifications');
const shot = (page: Page, name: string) => suite.shot(page, name);

const claim = {
  vin: 'XW8AN2NE3PH000155', mileage: 52000, repairDate: '2026-11-25', defectCode: 'B1701', defectDescription: 'Не работает обогрев заднего стекла',
  parts: [{ partNumber: 'P-B1701', name: 'Нить обогрева', quantity: 1, price: 64200 }], labourHours: 2,
};

let instanceKey = '';

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
  instanceKey = started.body.instanceKey;

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

test('a colleague picked in the comment box is mentioned and notified by name', async () => {
  if (!instanceKey) {
    const filed = await (await apiAs(suite.server.url, 'dealer1.staff'))<{ instanceKey: string }>('POST', '/api/process-instances', { bpmnProcessId: 'warranty-claim', variables: claim });
    instanceKey = filed.body.instanceKey;
  }
  const approver = await suite.signedIn('approver.warranty');
  await approver.goto(`${suite.server.url}/cases/${instanceKey}`);
  const picker = approver.getByLabel('Упомянуть коллегу в комментарии');
  await picker.waitFor();
  await approver.getByLabel('Напишите комментарий').fill('Приложите, пожалуйста, фото нити обогрева.');
  await picker.selectOption({ label: 'Светлана Мастерова' });
  expect(await approver.getByLabel('Напишите комментарий').inputValue()).toBe('Приложите, пожалуйста, фото нити обогрева. @dealer1.staff ');
  await approver.getByLabel('Напишите комментарий').scrollIntoViewIfNeeded();
  await shot(approver, 'mention-picker');
  await approver.getByRole('button', { name: 'Добавить комментарий' }).click();
  await approver.getByTestId('comment-list').getByText('фото нити обогрева').waitFor();

  const dealer = await suite.signedIn('dealer1.staff');
  await dealer.getByTestId('notification-bell').click();
  const item = dealer.getByTestId('notification-list').getByRole('button', { name: /Олег Гарантийный упомянул\(а\) вас в комментарии к делу WC-/ });
  await item.waitFor({ timeout: 35_000 });
  await shot(dealer, 'mention-bell');
  await item.click();
  await dealer.waitForURL(new RegExp(`/cases/${instanceKey}$`));
}, 90_000);

test('on a phone the bell\'s list fits the screen', async () => {
  const page = await suite.signedIn('dealer2.staff', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.getByTestId('notification-bell').click();
  const panel = page.getByRole('dialog', { name: 'Уведомления' });
  await panel.waitFor();
  const box = (await panel.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  // It opens below the bell, leaving the bell visible.
  expect(box.y).toBeGreaterThanOrEqual((await page.getByTestId('notification-bell').boundingBox())!.y + 30);
  await shot(page, 'bell-phone');
}, 60_000);
