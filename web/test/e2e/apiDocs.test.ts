import { browserSuite } from './support/browserSuite';

const suite = browserSuite('api-docs');

test('the API reference opens from our own server under the app\'s content security policy and lists the described routes', async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) refused.push(message.text());
  });
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(suite.server.url) && !request.url().startsWith('data:')) foreign.push(request.url());
  });
  await page.goto(suite.server.url + '/api/docs');
  await page.getByText('Dealerflow API').first().waitFor({ timeout: 20_000 });
  await page.getByText('/api/tasks/{key}/complete').first().waitFor();
  await page.getByText('/api/approvals/decide').first().waitFor();
  await suite.shot(page, 'reference');
  expect(await page.getByText('Warning', { exact: true }).count()).toBe(0);
  expect(refused).toEqual([]);
  expect(foreign).toEqual([]);
  await context.close();
}, 90_000);
