import type { Page } from 'playwright-core';
import { apiAs } from './support/apiAs';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('leads');

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

test('a lead arrives from the brand site, the Kazan dealer accepts it in the inbox and records the outcome', async () => {
  // the brand site sends a test-drive request from Tatarstan
  const site = await apiAs(suite.server.url, 'brand.site');
  const sent = await site<{ caseRef: string }>('POST', '/api/leads', { customerName: 'Рустем Валиев', phone: '+7 917 222-10-10', email: 'rustem@example.ru', regionCode: '16', cityCode: 'KZN', model: 'Sportage', source: 'test-drive', externalId: 'e2e-lead-1' });
  expect(sent.status).toBe(201);
  const { caseRef } = sent.body;

  // the Kazan dealer's manager sees it on the leads page, offered to the dealer, with the time left
  const dealer = await suite.signedIn('dealer2.manager');
  await dealer.getByRole('link', { name: 'Лиды' }).click();
  const row = dealer.locator(`[data-testid="leads-table"] tr[data-case="${caseRef}"]`);
  for (let attempt = 0; attempt < 20 && (await row.getByTestId('time-left').count()) === 0; attempt++) {
    await dealer.waitForTimeout(300);
    await dealer.reload();
  }
  await row.getByTestId('time-left').waitFor();
  expect(await row.getByTestId('lead-status').textContent()).toBe('Предложен');
  expect(await row.textContent()).toContain('Автоцентр Казань');
  await suite.shot(dealer, 'leads-dealer-offered', { fullPage: true });

  // it accepts the lead from its inbox
  await openTask(dealer, caseRef, 'AcceptLead');
  await dealer.getByLabel('Принять лид').check();
  await suite.shot(dealer, 'lead-accept', { fullPage: true });
  await dealer.getByRole('button', { name: 'Завершить задачу' }).click();

  // and records that the customer was lost, which needs a reason
  await openTask(dealer, caseRef, 'RecordOutcome');
  await dealer.getByLabel('Клиент потерян').check();
  await dealer.getByLabel('Причина потери').fill('Купил автомобиль у конкурента');
  await suite.shot(dealer, 'lead-outcome', { fullPage: true });
  await dealer.getByRole('button', { name: 'Завершить задачу' }).click();
  await dealer.waitForURL((url) => url.pathname === '/inbox');

  // the distributor's sales approver sees the lead lost, with the dealer by name
  const approver = await suite.signedIn('approver.sales');
  await approver.getByRole('link', { name: 'Лиды' }).click();
  const lost = approver.locator(`[data-testid="leads-table"] tr[data-case="${caseRef}"]`);
  for (let attempt = 0; attempt < 20 && !((await lost.getByTestId('lead-status').textContent().catch(() => '')) ?? '').startsWith('Потерян'); attempt++) {
    await approver.waitForTimeout(300);
    await approver.reload();
  }
  expect(await lost.getByTestId('lead-status').textContent()).toBe('Потерян');
  expect(await lost.getByTestId('lost-reason').textContent()).toBe('Купил автомобиль у конкурента');
  expect(await lost.textContent()).toContain('Автоцентр Казань');
  // the other dealers' leads are there too
  expect(await approver.locator('[data-testid="leads-table"] tbody tr').count()).toBeGreaterThan(1);
  await suite.shot(approver, 'leads-distributor', { fullPage: true });
}, 120_000);
