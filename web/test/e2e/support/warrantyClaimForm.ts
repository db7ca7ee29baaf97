import type { Page } from 'playwright-core';

/** What a test writes into the claim's own fields; the part and the labour are the window regulator's. */
export interface ClaimFields {
  vin: string;
  mileage: string;
  repairDate: string;
  customer?: string;
  defectDescription: string;
}

/** The demo vehicle's window-regulator claim. */
const windowRegulator: ClaimFields = { vin: 'XW8AN2NE3PH000101', mileage: '30000', repairDate: '2026-11-20', defectDescription: 'Стеклоподъёмник водительской двери не работает' };

/** Fills the warranty claim's start form (opened from "Запустить процесс"), by default with the demo vehicle's window-regulator claim. */
export async function fillWarrantyClaim(dealer: Page, claim: ClaimFields = windowRegulator): Promise<void> {
  await dealer.getByRole('link', { name: 'Запустить процесс' }).click();
  await dealer.locator('[data-process="warranty-claim"]').click();
  await dealer.getByRole('heading', { name: 'Гарантийная заявка' }).waitFor();
  await dealer.getByLabel('VIN').fill(claim.vin);
  await dealer.getByLabel('Пробег, км').fill(claim.mileage);
  await dealer.getByLabel('Дата ремонта').fill(claim.repairDate);
  if (claim.customer) await dealer.getByLabel('Клиент').fill(claim.customer);
  await dealer.getByLabel('Код дефекта').fill('B1001');
  await dealer.getByLabel('Описание дефекта').fill(claim.defectDescription);
  await dealer.getByRole('button', { name: 'Добавить' }).click();
  await dealer.getByLabel('Каталожный номер').fill('P-B1001');
  await dealer.getByLabel('Наименование').fill('Стеклоподъёмник');
  await dealer.getByLabel('Кол-во').fill('1');
  await dealer.getByLabel('Цена, ₽').fill('48900');
  await dealer.getByLabel('Нормо-часы').fill('1.5');
}
