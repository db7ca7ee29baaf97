import type { Page } from 'playwright-core';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('table-widths');

/** Each table on the page whose columns do not fit its box: its heading row's text and how many pixels it needs beyond the box. */
const overflowing = (page: Page) => page.evaluate(() => Array.from(document.querySelectorAll('table'))
  .map((table) => {
    const box = table.parentElement!;
    return { columns: Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent?.trim()).join(' | '), beyond: Math.max(table.scrollWidth, box.scrollWidth) - box.clientWidth };
  })
  .filter((table) => table.beyond > 0));

const lists: [user: string, path: string][] = [
  ['approver.warranty', '/approvals'],
  ['approver.sales', '/tenders'],
  ['approver.sales', '/leads'],
  ['dealer1.manager', '/inbox'],
  ['admin', '/cases'],
  ['admin', '/instances'],
  ['admin', '/audit'],
  ['admin', '/dealers'],
  ['admin', '/vehicles'],
  ['admin', '/tenders'],
];

test.each(lists)('on a 1280 px laptop, %s sees every column of %s without scrolling sideways', async (user, path) => {
  const page = await suite.signedIn(user, { viewport: { width: 1280, height: 800 } });
  await page.goto(suite.server.url + path);
  await page.locator('table tbody tr').first().waitFor({ timeout: 20_000 });
  await suite.shot(page, `${user}${path.replace(/\//g, '-')}`);
  expect(await overflowing(page)).toEqual([]);
  await page.context().close();
}, 60_000);
