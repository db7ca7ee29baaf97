import type { Page } from 'playwright-core';
import { apiAs } from './support/apiAs';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('web');

/** Searches the user's inbox for the case until its task at `elementId` is listed, then opens it. */
async function openTask(page: Page, caseRef: string, elementId: string): Promise<void> {
  await page.getByRole('link', { name: 'Входящие' }).click();
  const row = page.locator(`[data-testid="task-table"] tr[data-element="${elementId}"]`, { hasText: caseRef });
  for (let attempt = 0; attempt < 30 && (await row.count()) === 0; attempt++) {
    await page.getByRole('searchbox', { name: 'Поиск' }).fill(caseRef);
    await page.getByRole('button', { name: 'Применить' }).click();
    await page.waitForTimeout(300);
  }
  if ((await row.count()) === 0) await suite.shot(page, `inbox-without-${elementId}`, { fullPage: true });
  await row.click();
  await page.getByRole('button', { name: 'Завершить задачу' }).waitFor();
}

test('a dealer manager requests a car, the sales approver allocates it, the dealer confirms receipt and sees the order', async () => {
  // the dealer manager files the request from the start form
  const dealer = await suite.signedIn('dealer1.manager');
  await dealer.getByRole('link', { name: 'Запустить процесс' }).click();
  await dealer.locator('[data-process="vehicle-allocation"]').click();
  await dealer.getByRole('heading', { name: 'Заявка на автомобили' }).waitFor();
  // the form opens with one line, since a request needs at least one
  await dealer.getByRole('textbox', { name: 'Модель' }).fill('Sorento');
  await dealer.getByLabel('Количество').fill('1');
  await suite.shot(dealer, 'vehicle-request', { fullPage: true });
  await dealer.getByRole('button', { name: 'Запустить' }).click();
  const caseLink = dealer.getByTestId('case-link');
  await caseLink.waitFor();
  const caseRef = (await caseLink.textContent()) ?? '';
  expect(caseRef).toMatch(/\S/);

  // the reservation shows on the vehicles page with its countdown
  await dealer.getByRole('link', { name: 'Автомобили' }).click();
  await dealer.locator(`[data-testid="reservations-table"] tr[data-case="${caseRef}"]`).getByTestId('countdown').waitFor();
  await suite.shot(dealer, 'vehicles-dealer', { fullPage: true });

  // the sales approver allocates it
  const approver = await suite.signedIn('approver.sales');
  await openTask(approver, caseRef, 'DecideAllocation');
  await approver.getByLabel('Распределить все').check();
  await approver.getByLabel('Обоснование').fill('План продаж на декабрь выполнен');
  await suite.shot(approver, 'vehicle-decision', { fullPage: true });
  await approver.getByRole('button', { name: 'Завершить задачу' }).click();
  // a decision takes the approver back to the approval queue
  await approver.waitForURL((url) => url.pathname === '/approvals').catch(async (error: unknown) => {
    await suite.shot(approver, 'vehicle-decision-failed', { fullPage: true });
    throw error;
  });

  // the dealer confirms receipt of the order
  await openTask(dealer, caseRef, 'ConfirmReceipt');
  await dealer.getByLabel('Дата получения').fill('2026-12-10');
  await dealer.getByRole('button', { name: 'Завершить задачу' }).click();
  await dealer.waitForURL((url) => url.pathname === '/inbox');

  // the order is received, and dealer staff see it without its amount
  const api = await apiAs(suite.server.url, 'dealer1.staff');
  for (let attempt = 0; attempt < 30; attempt++) {
    const orders = await api<{ items: { caseRef: string; status: string }[] }>('GET', '/api/orders');
    if (orders.body.items.some((o) => o.caseRef === caseRef && o.status === 'delivered')) break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const staff = await suite.signedIn('dealer1.staff');
  await staff.getByRole('link', { name: 'Автомобили' }).click();
  const order = staff.locator('[data-testid="orders-table"] tr', { hasText: caseRef });
  await order.getByText('Получен').waitFor();
  expect(await staff.locator('[data-testid="orders-table"] th', { hasText: 'Сумма' }).count()).toBe(0);
  await suite.shot(staff, 'vehicles-staff', { fullPage: true });
});

test('a dealer manager picks specific cars from the live free stock, and the request holds exactly those', async () => {
  const dealer = await suite.signedIn('dealer2.manager');
  await dealer.getByRole('link', { name: 'Запустить процесс' }).click();
  await dealer.locator('[data-process="vehicle-allocation"]').click();
  const picker = dealer.getByTestId('free-stock-picker');
  await picker.getByText(/Свободно \d+ автомобил/).waitFor();
  await picker.getByLabel('Модель').selectOption('Carnival');
  await picker.getByLabel('Цвет').selectOption('Синий');
  const offered = picker.locator('.stock-picker__list input[type="checkbox"]');
  expect(await offered.count()).toBeGreaterThan(0);
  const vin = ((await picker.locator('.stock-picker__list li .mono').first().textContent()) ?? '').trim();
  expect(vin).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/);
  await offered.first().check();
  await picker.getByRole('list', { name: 'Выбранные автомобили' }).getByText(vin).waitFor();
  // specific cars instead of a model line: the empty line goes
  await dealer.getByTitle('Удалить').click();
  await suite.shot(dealer, 'vehicle-picker', { fullPage: true });
  await dealer.getByRole('button', { name: 'Запустить' }).click();
  const caseLink = dealer.getByTestId('case-link');
  await caseLink.waitFor().catch(async (error: unknown) => {
    await suite.shot(dealer, 'vehicle-picker-refused', { fullPage: true });
    throw error;
  });
  const caseRef = (await caseLink.textContent()) ?? '';

  // exactly the chosen car is held for the request
  const api = await apiAs(suite.server.url, 'dealer2.manager');
  let held: string[] = [];
  for (let attempt = 0; attempt < 30 && held.length === 0; attempt++) {
    const reservations = await api<{ items: { caseRef: string; vin: string }[] }>('GET', '/api/reservations');
    held = reservations.body.items.filter((r) => r.caseRef === caseRef).map((r) => r.vin);
    if (held.length === 0) await new Promise((resolve) => setTimeout(resolve, 300));
  }
  expect(held).toEqual([vin]);
});
