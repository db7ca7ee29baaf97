import { browserSuite } from './support/browserSuite';

const suite = browserSuite('dealer-ledger');

const openDebt = async (page: import('playwright-core').Page) => ((await page.locator('[data-field="openDebt"] dd').textContent()) ?? '').replace(/\D/g, '');

test('an administrator books a dealer\'s payment and the open debt falls; finance reads the documents but books nothing', async () => {
  const admin = await suite.signedIn('admin');
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
