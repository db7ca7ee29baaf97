import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../launchChromium';
import { startWebServer, type WebServer } from './startWebServer';

/** What a browser test file works with; `server` and `browser` are there once its tests run. */
export interface BrowserSuite {
  server: WebServer;
  browser: Browser;
  /** Where this file's screenshots go: `test-artifacts/<name>`. */
  artifacts: string;
  /** Saves a screenshot of the page as `<name>.png` in the artifacts folder. */
  shot(page: Page, name: string, options?: { fullPage?: boolean }): Promise<void>;
  /** A page in its own browser profile (Russian UI, laptop size unless `context` says otherwise), signed in as `username`. */
  signedIn(username: string, context?: BrowserContextOptions): Promise<Page>;
}

/**
 * Starts one real server (fresh SQLite, demo data) and Debian's chromium before a test file's
 * tests and stops both after them. `serverOptions` go to the server (a login throttle, say;
 * `engine: 'zeebe'` runs it on a standalone engine of its own).
 */
export function browserSuite(name: string, serverOptions?: Parameters<typeof startWebServer>[0]): BrowserSuite {
  const artifacts = join(__dirname, '..', '..', '..', '..', 'test-artifacts', name);
  const suite = {
    artifacts,
    async shot(page: Page, shotName: string, options: { fullPage?: boolean } = {}) {
      await page.screenshot({ path: join(artifacts, `${shotName}.png`), fullPage: options.fullPage });
    },
    async signedIn(username: string, context: BrowserContextOptions = {}) {
      const browserContext = await suite.browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'ru-RU', ...context });
      browserContext.setDefaultTimeout(10_000);
      const page = await browserContext.newPage();
      // The first page of a fresh profile loads the app's code: on a busy machine that takes longer than a click's wait.
      await page.goto(suite.server.url + '/sign-in', { timeout: 30_000 });
      await page.getByLabel('Имя пользователя').fill(username);
      await page.getByLabel('Пароль').fill('demo');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
      await page.getByRole('navigation').waitFor();
      return page;
    },
  } as BrowserSuite;
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    suite.server = await startWebServer(serverOptions);
    suite.browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
