import type { Page } from 'playwright-core';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('tenders');
const notice = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

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
  await page.getByRole('button', { name: 'Завершить задачу' }).waitFor().catch(async (error: unknown) => {
    await suite.shot(page, `task-${elementId}-failed`, { fullPage: true });
    throw error;
  });
}

/** The dealer's row of the case on the Tenders page, once its status reads `status`. */
async function tenderRow(page: Page, caseRef: string, status: RegExp) {
  const row = page.locator(`[data-testid="tenders-table"] tr[data-case="${caseRef}"]`);
  for (let attempt = 0; attempt < 30; attempt++) {
    await page.getByRole('link', { name: 'Тендеры' }).click();
    await page.getByTestId('tenders-panel').waitFor();
    if (status.test((await row.getByTestId('tender-status').textContent().catch(() => '')) ?? '')) return row;
    await page.waitForTimeout(300);
    await page.reload();
  }
  await suite.shot(page, `tenders-without-${caseRef}`, { fullPage: true });
  throw new Error(`the row of ${caseRef} never read ${status}`);
}

test('a dealer applies for a tender with a document, the sales approver locks it, the dealer reports it won', async () => {
  // the dealer manager fills the application; a wrong INN is caught on the form
  const dealer = await suite.signedIn('dealer1.manager');
  await dealer.getByRole('link', { name: 'Запустить процесс' }).click();
  await dealer.locator('[data-process="tender-reservation"]').click();
  await dealer.getByRole('heading', { name: 'Заявка на резервирование тендера' }).waitFor();
  await dealer.getByLabel('ИНН заказчика').fill('7736207544');
  await dealer.getByLabel(/^Заказчик/).fill('ООО «Яндекс»');
  await dealer.getByLabel('Номер закупки').fill('32615011223');
  await dealer.getByLabel('Площадка').selectOption({ label: 'РТС-тендер' });
  await dealer.getByLabel('Объект закупки').fill('Поставка служебных автомобилей K5 для офиса в Москве');
  await dealer.getByLabel('Модель').selectOption({ label: 'K5' });
  await dealer.getByLabel('Количество').fill('6');
  await dealer.getByLabel('Ожидаемая дата подведения итогов').fill('2027-01-25');
  await dealer.getByLabel(/^Документы/).setInputFiles({ name: 'Извещение.pdf', mimeType: 'application/pdf', buffer: notice });
  await dealer.getByText('Извещение.pdf').waitFor();
  await dealer.getByRole('button', { name: 'Запустить' }).click();
  await dealer.getByText(/неверный ИНН/).waitFor();
  await suite.shot(dealer, 'application-wrong-inn', { fullPage: true });
  await dealer.getByLabel('ИНН заказчика').fill('7736207543');
  await suite.shot(dealer, 'application', { fullPage: true });
  await dealer.getByRole('button', { name: 'Запустить' }).click();
  const caseLink = dealer.getByTestId('case-link');
  await caseLink.waitFor();
  const caseRef = (await caseLink.textContent()) ?? '';
  expect(caseRef).toMatch(/^TR-/);
  await tenderRow(dealer, caseRef, /На проверке/);

  // the sales approver sees the document on the case and locks the tender for 30 days
  const approver = await suite.signedIn('approver.sales');
  await openTask(approver, caseRef, 'VerifyTender');
  await approver.getByText('Извещение.pdf').first().waitFor();
  await approver.getByLabel('Закрепить тендер за дилером').check();
  await approver.getByLabel('Срок закрепления, дней').fill('30');
  await approver.getByLabel('Обоснование').fill('Извещение и письмо заказчика проверены');
  await suite.shot(approver, 'verification', { fullPage: true });
  await approver.getByRole('button', { name: 'Завершить задачу' }).click();
  await approver.waitForURL((url) => url.pathname === '/approvals');

  // the dealer sees the lock and its expiry, then reports the tender won
  const locked = await tenderRow(dealer, caseRef, /Закреплён до/);
  expect(await locked.locator('[data-testid="tender-status"] + td').textContent()).toMatch(/\d{4}/);
  await suite.shot(dealer, 'tenders-dealer-locked', { fullPage: true });
  await openTask(dealer, caseRef, 'ReportOutcome');
  await dealer.getByLabel('Выиграли').check();
  await suite.shot(dealer, 'outcome', { fullPage: true });
  await dealer.getByRole('button', { name: 'Завершить задачу' }).click();
  await dealer.waitForURL((url) => url.pathname === '/inbox');
  await tenderRow(dealer, caseRef, /Выигран/);
  await suite.shot(dealer, 'tenders-dealer-won', { fullPage: true });

  // the distributor sees every dealer's tenders, with the dealer named, and may extend a lock
  await approver.getByRole('link', { name: 'Тендеры' }).click();
  await approver.locator('[data-testid="tenders-table"] tr[data-case]').first().waitFor();
  expect(await approver.locator('[data-testid="tenders-table"] th', { hasText: 'Дилер' }).count()).toBe(1);
  expect(await approver.getByRole('button', { name: 'Продлить' }).count()).toBeGreaterThan(0);
  await suite.shot(approver, 'tenders-distributor', { fullPage: true });
}, 240_000);
