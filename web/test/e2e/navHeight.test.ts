import type { Page } from 'playwright-core';
import { browserSuite } from './support/browserSuite';
import { openDesigner } from './support/modeler';

const suite = browserSuite('nav-height');

/** The side navigation's rendered bottom edge and the document's full height, in CSS pixels. */
const measure = (page: Page) => page.evaluate(() => {
  const nav = document.querySelector('.side-nav')!.getBoundingClientRect();
  return { navBottom: Math.round(nav.bottom + window.scrollY), navTop: Math.round(nav.top + window.scrollY), documentHeight: document.documentElement.scrollHeight, viewport: window.innerHeight };
});

test('the side navigation’s background reaches the bottom of a designer page taller than the screen', async () => {
  // A short laptop screen, where the designer with its panels open is taller than the window.
  const page = await suite.signedIn('admin', { viewport: { width: 1366, height: 640 } });
  await openDesigner(page);
  await page.getByRole('button', { name: 'Процессы и черновики…' }).click();
  await page.getByTestId('deployed-panel').locator('.draft-row').first().waitFor();
  await page.getByRole('button', { name: 'Версии' }).click();
  await page.getByTestId('versions-panel').waitFor();

  const tall = await measure(page);
  expect(tall.documentHeight).toBeGreaterThan(tall.viewport + 100);
  expect(tall.navBottom).toBe(tall.documentHeight);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await suite.shot(page, 'designer-panels-open-bottom');
  await suite.shot(page, 'designer-panels-open', { fullPage: true });

  // A long list page too: the navigation runs the length of the page.
  await page.getByRole('link', { name: 'Аудит', exact: true }).click();
  await page.locator('table tbody tr').first().waitFor();
  const list = await measure(page);
  expect(list.navBottom).toBe(list.documentHeight);
  await page.context().close();
}, 90_000);
