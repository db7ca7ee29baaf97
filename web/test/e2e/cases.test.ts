import type { Page } from 'playwright-core';
import { browserSuite } from './support/browserSuite';
import { fillWarrantyClaim } from './support/warrantyClaimForm';

const suite = browserSuite('cases');
/** A small PNG (4×4, blue): the server checks the magic bytes, the preview shows it. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGOQj18BRwzEcQDVcxJhC177lAAAAABJRU5ErkJggg==', 'base64');
const vin = 'XW8AN2NE3PH000555';

const shot = (page: Page, name: string) => suite.shot(page, name, { fullPage: true });

/** Fills the VIN field of the Cases search and searches. */
async function searchByVin(page: Page, value: string): Promise<void> {
  await page.getByRole('search', { name: 'Поиск заявок' }).getByLabel('VIN').fill(value);
  await page.getByRole('button', { name: 'Найти' }).click();
}

let caseRef = '';

test('dealer staff file a warranty claim and find it on the Cases page by the start of its VIN; the search survives a reload', async () => {
  const dealer = await suite.signedIn('dealer1.staff');
  await fillWarrantyClaim(dealer, { vin, mileage: '42000', repairDate: '2026-11-25', customer: 'Смирнова Ольга', defectDescription: 'Не работает стеклоподъёмник пассажирской двери' });
  await dealer.getByRole('button', { name: 'Запустить' }).click();
  await dealer.getByTestId('case-link').waitFor();
  caseRef = (await dealer.getByTestId('case-link').textContent()) ?? '';
  expect(caseRef).toMatch(/^WC-\d{4}-/);

  await dealer.getByRole('link', { name: 'Заявки', exact: true }).click();
  await dealer.getByRole('heading', { name: 'Заявки' }).waitFor();
  await searchByVin(dealer, vin.slice(0, 15).toLowerCase());
  const row = dealer.locator('[data-testid="case-table"] tbody tr');
  await row.filter({ hasText: caseRef }).waitFor();
  expect(await row.count()).toBe(1);
  expect(await row.first().innerText()).toContain('Смирнова Ольга');
  expect(await row.first().innerText()).toContain('Гарантийная заявка');
  // A dealer sees only its own dealer's cases: no dealer column to tell them apart.
  expect(await dealer.getByRole('columnheader', { name: 'Дилер' }).count()).toBe(0);
  expect(new URL(dealer.url()).searchParams.get('vin')).toBe(vin.slice(0, 15).toLowerCase());
  await dealer.reload();
  await row.filter({ hasText: caseRef }).waitFor();
  expect(await dealer.getByRole('search', { name: 'Поиск заявок' }).getByLabel('VIN').inputValue()).toBe(vin.slice(0, 15).toLowerCase());
  await shot(dealer, 'cases-dealer');

  // The case page: where it waits now, the steps it passed, the diagram, and a preview of an attached photo.
  await dealer.getByRole('link', { name: caseRef }).click();
  await dealer.getByTestId('case-current-step').getByText(/Сейчас: Решение по гарантийной заявке/).waitFor();
  const timeline = await dealer.getByTestId('case-timeline').innerText();
  expect(timeline).toContain('Заявка подана');
  expect(timeline).toContain('Проверка гарантийного покрытия');
  expect(timeline).not.toMatch(/AutoApprove|Покрыта и небольшая\?/);
  await dealer.locator('.case-diagram .djs-container svg').first().waitFor();
  await dealer.locator('input[type="file"]').setInputFiles({ name: 'defect-photo.png', mimeType: 'image/png', buffer: png });
  const preview = dealer.getByTestId('attachment-preview');
  await preview.waitFor();
  await dealer.waitForFunction(() => (document.querySelector('[data-testid="attachment-preview"]') as HTMLImageElement | null)?.naturalWidth === 4);
  expect(await preview.getAttribute('alt')).toBe('Просмотр defect-photo.png');
  await shot(dealer, 'case-page');

  // Another dealer does not find it.
  const other = await suite.signedIn('dealer2.staff');
  await other.getByRole('link', { name: 'Заявки', exact: true }).click();
  await searchByVin(other, vin);
  await other.getByText('Нет заявок, подходящих под поиск.', { exact: false }).waitFor();
  await other.context().close();
  await dealer.context().close();
}, 120_000);

test('the distributor searches every dealer by customer and dealer, and sees the dealer by name', async () => {
  const approver = await suite.signedIn('approver.warranty');
  await approver.goto(`${suite.server.url}/cases?customer=${encodeURIComponent('смирнова о')}`);
  const row = approver.locator('[data-testid="case-table"] tbody tr').filter({ hasText: caseRef });
  await row.waitFor();
  expect(await row.innerText()).toContain('Автоцентр Москва');
  const search = approver.getByRole('search', { name: 'Поиск заявок' });
  expect(await search.getByLabel('Клиент').inputValue()).toBe('смирнова о');
  await search.getByLabel('Дилер').selectOption({ label: 'Автоцентр Казань' });
  await approver.getByRole('button', { name: 'Найти' }).click();
  await approver.getByText('Нет заявок, подходящих под поиск.', { exact: false }).waitFor();
  await approver.getByRole('button', { name: 'Сбросить' }).click();
  await approver.locator('[data-testid="case-table"] tbody tr').nth(2).waitFor();
  const dealers = await approver.locator('[data-testid="case-table"] tbody tr td[data-label="Дилер"]').allInnerTexts();
  expect(new Set(dealers).size).toBeGreaterThan(1);
  expect(dealers.every((name) => !/^dealer\d/.test(name))).toBe(true);
  await shot(approver, 'cases-approver');
  await approver.context().close();
}, 60_000);

test('on a phone the cases are cards and the search opens from a toggle', async () => {
  const phone = await suite.signedIn('dealer1.staff', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.goto(`${suite.server.url}/cases`);
  await phone.locator('[data-testid="case-table"] tbody tr').first().waitFor();
  expect(await phone.getByRole('search', { name: 'Поиск заявок' }).isVisible()).toBe(false);
  await phone.getByRole('button', { name: 'Поиск и фильтры' }).click();
  await searchByVin(phone, vin);
  await phone.locator('[data-testid="case-table"] tbody tr').filter({ hasText: caseRef }).waitFor();
  await shot(phone, 'cases-phone');
  await phone.context().close();
}, 60_000);
