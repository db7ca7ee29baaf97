import { browserSuite } from './support/browserSuite';

const suite = browserSuite('stock-import');

const csv = (...rows: string[]) => ({ name: 'Поставка.csv', mimeType: 'text/csv', buffer: Buffer.from(['VIN;Модель;Комплектация;Цвет;Год;Склад;Цена', ...rows].join('\n')) });

test('an administrator imports stock: bad rows are listed in Russian and nothing changes, a good file adds the vehicle', async () => {
  const admin = await suite.signedIn('admin');
  await admin.getByRole('link', { name: 'Автомобили' }).click();
  const file = admin.getByTestId('stock-import-file');

  // a file with a bad VIN and a missing price is refused whole, each problem named by row and column
  await file.setInputFiles(csv('XWENW0000000000F1;Niro;Comfort;Белый;2026;Склад Казань;3600000', 'XWENW0000000000IO;Niro;Comfort;Белый;2026;Склад Казань;'));
  const errors = admin.getByTestId('stock-import-errors');
  await errors.waitFor();
  await expect(admin.getByRole('alert').first().textContent()).resolves.toContain('Файл не загружен: 2 ошибки');
  await expect(errors.locator('tbody tr').allTextContents()).resolves.toEqual([
    expect.stringContaining('VIN — 17 символов'),
    expect.stringContaining('Не заполнено'),
  ]);
  await expect(errors.locator('tbody tr').first().textContent()).resolves.toMatch(/^3VINXWENW0000000000IO/);
  await suite.shot(admin, 'stock-import-refused', { fullPage: true });
  expect(await admin.locator('[data-testid="stock-table"] tr[data-vin="XWENW0000000000F1"]').count()).toBe(0);

  // the corrected file goes in, and the new vehicle is in the stock list
  await file.setInputFiles(csv('XWENW0000000000F1;Niro;Comfort;Белый;2026;Склад Казань;3600000'));
  await admin.getByRole('status').filter({ hasText: 'Склад обновлён: добавлено 1, изменено 0.' }).waitFor();
  await admin.locator('[data-testid="stock-table"] tr[data-vin="XWENW0000000000F1"]').waitFor();
  await suite.shot(admin, 'stock-import-done', { fullPage: true });

  // dealers browse stock but never import it
  const dealer = await suite.signedIn('dealer1.manager');
  await dealer.getByRole('link', { name: 'Автомобили' }).click();
  await dealer.getByTestId('stock-table').waitFor();
  expect(await dealer.getByTestId('stock-import').count()).toBe(0);
});
