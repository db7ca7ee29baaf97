import type { Page } from 'playwright-core';

/** Fills the warranty claim's start form (opened from "Запустить процесс") with the demo vehicle's window-regulator claim. */
export async function fillWarrantyClaim(dealer: Page): Promise<void> {
  await dealer.getByRole('link', { name: 'Запустить процесс' }).click();
  await dealer.locator('[data-process="warranty-claim"]').click();
  await dealer.getByRole('heading', { name: 'Гарантийная заявка' }).waitFor();
  await dealer.getByLabel('VIN').fill('XW8AN2NE3PH000101');
  await dealer.getByLabel('Пробег, км').fill('30000');
  await dealer.getByLabel('Дата ремонта').fill('2026-11-20');
  await dealer.getByLabel('Код дефекта').fill('B1001');
  await dealer.getByLabel('Описание дефекта').fill('Стеклоподъёмник водительской двери не работает');
  await dealer.getByRole('button', { name: 'Добавить' }).click();
  await dealer.getByLabel('Каталожный номер').fill('P-B1001');
  await dealer.getByLabel('Наименование').fill('Стеклоподъёмник');
  await dealer.getByLabel('Кол-во').fill('1');
  await dealer.getByLabel('Цена, ₽').fill('48900');
  await dealer.getByLabel('Нормо-часы').fill('1.5');
}
