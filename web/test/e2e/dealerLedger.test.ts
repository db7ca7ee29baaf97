import ExcelJS from 'exceljs';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('dealer-ledger');

const openDebt = async (page: import('playwright-core').Page) => ((await page.locator('[data-field="openDebt"] dd').textContent()) ?? '').replace(/\D/g, '');

test('an administrator books a dealer\'s payment and the open debt falls; finance reads the documents but books nothing', async () => {
  const admin = await suite.signedIn('admin', { acceptDownloads: true });
  await admin.getByRole('link', { name: 'Автомобили' }).click();
  await admin.getByTestId('exposure-panel').locator('select[data-filter="dealer"]').selectOption({ label: 'Автоцентр Новосибирск' });
  const ledger = admin.getByTestId('ledger-panel');
  await ledger.locator('tr[data-reference="INV-2026-0302"]').waitFor();
  expect(await openDebt(admin)).toBe('18700000');

  const form = admin.getByRole('form', { name: 'Провести документ' });
  await form.getByLabel('Документ').selectOption({ label: 'Оплата' });
  await form.getByLabel('Номер').fill('PAY-2026-0355');
  await form.getByLabel('Сумма').fill('2 500 000');
  await form.getByRole('button', { name: 'Провести документ' }).click();
  await ledger.locator('tr[data-reference="PAY-2026-0355"]').getByText('Оплата').waitFor();
  await admin.waitForFunction(() => document.querySelector('[data-field="openDebt"] dd')?.textContent?.replace(/\D/g, '') === '16200000');
  await suite.shot(admin, 'ledger-booked', { fullPage: true });

  // the documents export to Excel, payments as negative amounts
  const [download] = await Promise.all([admin.waitForEvent('download'), ledger.getByRole('button', { name: 'Выгрузить в Excel' }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(2)));
  expect(rows).toContainEqual(['Оплата', 'PAY-2026-0355', -2_500_000]);
  expect(rows).toContainEqual(['Счёт', 'INV-2026-0302', 7_900_000]);

  // the same document again is refused in plain words
  await form.getByLabel('Номер').fill('PAY-2026-0355');
  await form.getByLabel('Сумма').fill('2 500 000');
  await form.getByRole('button', { name: 'Провести документ' }).click();
  await form.getByRole('alert').waitFor();
  expect(await form.getByRole('alert').textContent()).not.toMatch(/PAY-2026-0355 is already|conflict/);
  expect(await ledger.locator('tr[data-reference="PAY-2026-0355"]').count()).toBe(1);

  const finance = await suite.signedIn('approver.finance');
  await finance.getByRole('link', { name: 'Автомобили' }).click();
  await finance.getByTestId('ledger-panel').locator('[data-testid="ledger-table"]').waitFor();
  expect(await finance.getByRole('form', { name: 'Провести документ' }).count()).toBe(0);
});
