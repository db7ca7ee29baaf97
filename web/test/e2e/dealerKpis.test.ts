import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { apiAs } from './support/apiAs';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('kpi');
const options = { timezoneId: 'Europe/Moscow', acceptDownloads: true };
const phone = { ...options, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

interface Cell { plan: number | null; fact: number | null }
interface Report { month: string; measures: { id: string; unit: string }[]; dealers: { dealerId: string; dealerName: string; measures: Record<string, Cell> }[] }

/** Excel keeps a duration as days since 30 December 1899, which exceljs reads back as a date: as seconds again. */
const excelEpoch = Date.UTC(1899, 11, 30);
const seconds = (value: unknown) => (value instanceof Date ? Math.round((value.getTime() - excelEpoch) / 1000) : value);

/** Clicks the export button and reads the workbook back: sheet name and rows of cell values. */
async function exported(page: Page): Promise<{ fileName: string; sheet: string; rows: unknown[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Выгрузить в Excel' }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => rows.push(Array.from({ length: sheet.columnCount }, (_, i) => seconds(row.getCell(i + 1).value))));
  return { fileName: download.suggestedFilename(), sheet: sheet.name, rows };
}

/** The report row as the workbook must hold it: plan and fact per measure. */
const expectedRow = (report: Report, dealer: Report['dealers'][number]) => [dealer.dealerName, ...report.measures.flatMap((m) => [dealer.measures[m.id].plan, dealer.measures[m.id].fact])];

const tableDealers = async (page: Page) => [...new Set(await page.locator('[data-testid="kpi-table"] tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-dealer'))))];

async function openKpis(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Показатели' }).click();
  await page.getByRole('heading', { name: 'Показатели дилеров', level: 1 }).waitFor();
  await page.getByTestId('kpi-table').waitFor();
  // the charts' library loads on first visit
  await page.getByTestId('kpi-chart-warrantyCycle').locator('svg.recharts-surface').first().waitFor({ timeout: 30_000 });
}

test('the sales approver sees every dealer by name, sets a plan in the table, and exports what the page shows', async () => {
  const page = await suite.signedIn('approver.sales', options);
  await openKpis(page);
  expect(await tableDealers(page)).toEqual(['dealer2', 'dealer1', 'dealer3']);
  expect(await page.locator('[data-testid="kpi-table"] tbody th').allTextContents()).toEqual(['Автоцентр Казань', 'Автоцентр Москва', 'Автоцентр Новосибирск']);
  // six charts, each with plan and fact bars for the three dealers
  expect(await page.locator('figure.kpi-chart').count()).toBe(6);
  expect(await page.getByTestId('kpi-chart-leadsTaken').locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(3);
  // the demo plan of Moscow, formatted
  const moscowLeads = page.locator('[data-testid="kpi-table"] tr[data-dealer="dealer1"] td[data-measure="leadsTaken"]');
  expect(await moscowLeads.getByTestId('kpi-plan').textContent()).toContain('план 40');
  expect(await page.locator('tr[data-dealer="dealer1"] td[data-measure="warrantyCycle"]').getByTestId('kpi-plan').textContent()).toContain('план 3 д 0 ч');
  expect(await page.locator('tr[data-dealer="dealer1"] td[data-measure="conversion"]').getByTestId('kpi-plan').textContent()).toContain('план 25,0 %');
  await suite.shot(page, 'distributor', { fullPage: true });

  // a nonsense target is refused in the page; then Kazan's plan becomes 33 leads and a 20-minute median
  await page.getByRole('button', { name: 'Изменить план' }).click();
  const kazanLeads = page.getByLabel('План «Взято лидов» для Автоцентр Казань');
  expect(await kazanLeads.inputValue()).toBe('30');
  await kazanLeads.fill('много');
  await page.getByRole('button', { name: 'Сохранить план' }).click();
  expect(await page.getByRole('alert').textContent()).toContain('План «Взято лидов» для Автоцентр Казань');
  await kazanLeads.fill('33');
  expect(await page.getByRole('alert').count()).toBe(0);
  await page.getByLabel('План «Время ответа на лид, медиана» для Автоцентр Казань').fill('20');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await suite.shot(page, 'distributor-editing', { fullPage: true });
  await page.getByRole('button', { name: 'Сохранить план' }).click();
  await page.getByText('План сохранён: 2 изменения.').waitFor();
  await page.locator('tr[data-dealer="dealer2"] td[data-measure="leadsTaken"]').getByText('план 33').waitFor();
  const api = await apiAs(suite.server.url, 'approver.sales');
  const report = (await api<Report>('GET', '/api/kpi')).body;
  const kazan = report.dealers.find((d) => d.dealerId === 'dealer2')!;
  expect(kazan.measures.leadsTaken.plan).toBe(33);
  expect(kazan.measures.responseP50.plan).toBe(1200);

  // the workbook holds the same numbers, in Excel's formats, with translated headers
  const file = await exported(page);
  expect(file.fileName).toMatch(new RegExp(`^kpi-${report.month}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
  expect(file.sheet).toBe(`Показатели ${report.month}`);
  expect(file.rows[0].slice(0, 5)).toEqual(['Дилер', 'Взято лидов: План', 'Взято лидов: Факт', 'Время ответа на лид, медиана: План', 'Время ответа на лид, медиана: Факт']);
  expect(file.rows.slice(1)).toEqual(report.dealers.map((d) => expectedRow(report, d)));
  expect(file.rows[2][0]).toBe('Автоцентр Москва');
  expect(file.rows[1][1]).toBe(33);

  // one dealer chosen by name: the table, the charts and the export narrow to it
  await page.getByTestId('kpi-dealer').selectOption({ label: 'Автоцентр Казань' });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="kpi-table"] tbody tr:not([data-dealer="dealer2"])').length === 0);
  expect(await tableDealers(page)).toEqual(['dealer2']);
  expect((await exported(page)).rows.slice(1).map((row) => row[0])).toEqual(['Автоцентр Казань']);
  await suite.shot(page, 'distributor-one-dealer', { fullPage: true });
  await page.getByTestId('kpi-dealer').selectOption({ label: 'Все дилеры' });
  await page.locator('[data-testid="kpi-table"] tbody tr[data-dealer="dealer1"]').first().waitFor();

  // last month has its own demo plans and no edit of this month
  const months = await page.getByTestId('kpi-month').locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  const previous = months[months.indexOf(report.month) + 1];
  await page.getByTestId('kpi-month').selectOption(previous);
  await page.locator('tr[data-dealer="dealer2"] td[data-measure="leadsTaken"]').getByText('план 30').waitFor();
  expect(await page.getByTestId('kpi-month').locator('option:checked').textContent()).toMatch(/^[а-я]+ \d{4}/);
  await page.context().close();
}, 120_000);

test('a dealer manager sees only their own dealer, cannot edit plans, exports one row; on a phone the charts fit the screen', async () => {
  const page = await suite.signedIn('dealer1.manager', options);
  await openKpis(page);
  expect(await tableDealers(page)).toEqual(['dealer1']);
  expect(await page.getByRole('button', { name: 'Изменить план' }).count()).toBe(0);
  expect(await page.getByTestId('kpi-dealer').count()).toBe(0);
  expect(await page.textContent('main')).not.toContain('Автоцентр Казань');
  await suite.shot(page, 'dealer-manager', { fullPage: true });
  const file = await exported(page);
  expect(file.rows.map((row) => row[0])).toEqual(['Дилер', 'Автоцентр Москва']);
  const api = await apiAs(suite.server.url, 'dealer1.manager');
  const own = (await api<Report>('GET', '/api/kpi')).body;
  expect(file.rows[1]).toEqual(expectedRow(own, own.dealers[0]));
  // another dealer's KPIs do not exist for this user
  expect((await api('GET', '/api/kpi?dealerId=dealer2')).status).toBe(404);
  await page.context().close();

  const small = await suite.signedIn('dealer1.manager', phone);
  await small.goto(suite.server.url + '/kpi');
  await small.getByTestId('kpi-chart-leadsTaken').locator('svg.recharts-surface').first().waitFor();
  const widths = await small.locator('figure.kpi-chart').evaluateAll((charts) => charts.map((c) => c.getBoundingClientRect().right));
  for (const right of widths) expect(right).toBeLessThanOrEqual(390);
  expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await suite.shot(small, 'dealer-phone', { fullPage: true });
  await small.getByRole('button', { name: 'EN' }).click();
  await small.getByRole('heading', { name: 'Dealer KPIs', level: 1 }).waitFor();
  await small.getByRole('rowheader', { name: 'Lead response time, 90th percentile' }).waitFor();
  await suite.shot(small, 'dealer-phone-en');
  await small.context().close();
}, 120_000);
