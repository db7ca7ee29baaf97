import { apiAs } from './support/apiAs';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('tender-catalog');

interface Product { code: string; name: string; sortOrder: number; active: boolean }

test('an admin keeps the tender catalog: adds a model, is told a code is taken, renames one, retires it from new applications', async () => {
  const page = await suite.signedIn('admin');
  await page.getByRole('link', { name: 'Тендеры' }).click();
  const catalog = page.getByTestId('tender-catalog');
  await catalog.getByTestId('tender-catalog-table').waitFor();

  // a new model, then the same code again: refused in plain Russian, nothing added
  await catalog.getByLabel('Код').fill('ev9');
  await catalog.getByLabel('Название', { exact: true }).fill('Kia EV9');
  await catalog.getByRole('button', { name: 'Добавить модель' }).click();
  await catalog.locator('tr[data-product="EV9"]').getByText('Kia EV9').waitFor();
  await catalog.getByLabel('Код').fill('EV9');
  await catalog.getByLabel('Название', { exact: true }).fill('Ещё одна');
  await catalog.getByRole('button', { name: 'Добавить модель' }).click();
  expect(await catalog.getByRole('alert').textContent()).toBe('Модель с кодом EV9 уже есть в каталоге.');

  // rename K5 in place, then retire it
  const k5 = catalog.locator('tr[data-product="K5"]');
  await k5.getByRole('button', { name: 'Изменить' }).click();
  await k5.getByLabel('Название модели K5').fill('Kia K5 GT-Line');
  await k5.getByRole('button', { name: 'Сохранить' }).click();
  await k5.getByText('Kia K5 GT-Line').waitFor();
  await k5.getByRole('button', { name: 'Снять с предложения' }).click();
  await k5.getByText('Снята с предложения').waitFor();
  await suite.shot(page, 'admin-catalog', { fullPage: true });

  const api = await apiAs(suite.server.url, 'admin');
  const products = (await api<{ items: Product[] }>('GET', '/api/tenders/products')).body.items;
  expect(products.find((p) => p.code === 'K5')).toMatchObject({ name: 'Kia K5 GT-Line', active: false });
  expect(products.filter((p) => p.code === 'EV9')).toEqual([expect.objectContaining({ name: 'Kia EV9', active: true })]);
  await page.context().close();

  // the dealer's application offers the new model and no longer the retired one; the approver has no catalog to keep
  const dealer = await suite.signedIn('dealer1.manager');
  await dealer.getByRole('link', { name: 'Запустить процесс' }).click();
  await dealer.locator('[data-process="tender-reservation"]').click();
  await dealer.getByLabel('Модель').locator('option', { hasText: 'Kia EV9' }).waitFor({ state: 'attached' });
  const models = await dealer.getByLabel('Модель').locator('option').allTextContents();
  expect(models).toContain('Kia EV9');
  expect(models).not.toContain('Kia K5 GT-Line');
  expect(models).toContain('Sorento');
  await dealer.context().close();
  const approver = await suite.signedIn('approver.sales');
  await approver.getByRole('link', { name: 'Тендеры' }).click();
  await approver.getByTestId('tenders-panel').waitFor();
  expect(await approver.getByTestId('tender-catalog').count()).toBe(0);
  await approver.context().close();
}, 120_000);
