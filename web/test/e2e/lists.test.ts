import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { apiAs } from './support/apiAs';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('web');
const { artifacts } = suite;

interface QueueRow { key: string; caseRef: string; dealerId: string; processInstanceKey: string; dueDate: string; summary: { vin?: string; claimAmount?: number } }

const signedIn = (username: string) => suite.signedIn(username, { timezoneId: 'Europe/Moscow', acceptDownloads: true });

/** Clicks the page's export button and reads the downloaded workbook back: sheet name and rows of cell values. */
async function exported(page: Page, button = 'Выгрузить в Excel'): Promise<{ fileName: string; sheet: string; rows: unknown[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { fileName: download.suggestedFilename(), sheet: sheet.name, rows };
}

const claim = (vin: string, price: number) => ({
  vin, mileage: 30000, repairDate: '2026-11-20', defectCode: 'B1001', defectDescription: 'Стеклоподъёмник водительской двери не работает',
  parts: [{ partNumber: 'P-B1001', name: 'Стеклоподъёмник', quantity: 1, price }], labourHours: 1,
});

test('saved views: the current filters are saved under a name, picked after a reload, a duplicate name is refused, the view is deleted', async () => {
  const page = await signedIn('dealer1.staff');
  await page.getByRole('heading', { name: 'Входящие' }).waitFor();
  await page.getByLabel('Исполнитель').selectOption('unassigned');
  await page.getByLabel('Сортировка').selectOption('priority');
  await page.getByRole('searchbox', { name: 'Поиск' }).fill('WC-');
  await page.getByRole('button', { name: 'Применить' }).click();
  await page.getByRole('button', { name: 'Сохранить фильтры…' }).click();
  await page.getByLabel('Название представления').fill('Без исполнителя');
  await page.keyboard.press('Enter');
  const views = page.getByLabel('Представление');
  await page.getByRole('button', { name: 'Удалить представление' }).waitFor();
  expect(await views.locator('option:checked').textContent()).toBe('Без исполнителя');

  await page.reload();
  await views.locator('option', { hasText: 'Без исполнителя' }).waitFor({ state: 'attached' });
  expect(await page.getByLabel('Исполнитель').inputValue()).toBe('all');
  await views.selectOption({ label: 'Без исполнителя' });
  expect(await page.getByLabel('Исполнитель').inputValue()).toBe('unassigned');
  expect(await page.getByLabel('Сортировка').inputValue()).toBe('priority');
  expect(await page.getByRole('searchbox', { name: 'Поиск' }).inputValue()).toBe('WC-');
  // Changing a filter leaves the view; the list no longer claims to show it.
  await page.getByLabel('Сортировка').selectOption('due');
  expect(await views.inputValue()).toBe('');
  await views.selectOption({ label: 'Без исполнителя' });

  await page.getByRole('button', { name: 'Сохранить фильтры…' }).click();
  await page.getByLabel('Название представления').fill('без ИСПОЛНИТЕЛЯ');
  await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await page.getByRole('alert').getByText('Представление «без ИСПОЛНИТЕЛЯ» уже есть. Выберите другое название.').waitFor();
  await page.screenshot({ path: join(artifacts, 'inbox-views.png'), fullPage: true });
  await page.keyboard.press('Escape');
  expect(await page.getByRole('alert').count()).toBe(0);

  await page.getByRole('button', { name: 'Удалить представление' }).click();
  await page.getByRole('button', { name: 'Удалить представление' }).waitFor({ state: 'detached' });
  expect(await views.locator('option').allTextContents()).toEqual(['Нет сохранённых']);
  const api = await apiAs(suite.server.url, 'dealer1.staff');
  expect((await api<{ items: unknown[] }>('GET', '/api/me/views')).body.items).toEqual([]);
  await page.context().close();
}, 60_000);

test('live: another person\'s actions make rows appear and disappear in an open inbox and approval queue, no reload', async () => {
  const dealer = await signedIn('dealer1.staff');
  await dealer.getByRole('heading', { name: 'Входящие' }).waitFor();
  await dealer.locator('[data-testid="live-status"][data-connected="true"]').waitFor();
  const approverApi = await apiAs(suite.server.url, 'approver.warranty');
  const queue = (await approverApi<{ items: QueueRow[] }>('GET', '/api/approvals')).body.items;
  const target = queue.find((row) => row.dealerId === 'dealer1')!;
  const asked = await approverApi('POST', `/api/tasks/${target.key}/complete`, { variables: { decision: 'requestInfo', decisionReason: 'Приложите акт диагностики' } });
  expect(asked.status).toBe(204);

  const row = dealer.locator('[data-testid="task-table"] tr[data-element="ProvideInformation"]').filter({ hasText: target.caseRef });
  await row.waitFor();
  expect(await row.locator('td').first().textContent()).toBe('Предоставить дополнительную информацию');
  await dealer.getByTestId('live-status').getByText(/обновлено в/).waitFor();
  await dealer.screenshot({ path: join(artifacts, 'inbox-live.png'), fullPage: true });

  const manager = await apiAs(suite.server.url, 'dealer1.manager');
  const answered = await manager('POST', `/api/tasks/${await row.getAttribute('data-task')}/complete`, { variables: { dealerResponse: 'Акт диагностики приложен к заявке' } });
  expect(answered.status).toBe(204);
  await row.waitFor({ state: 'detached' });

  const approver = await signedIn('approver.warranty');
  await approver.getByRole('link', { name: 'Согласования' }).click();
  await approver.locator('[data-testid="live-status"][data-connected="true"]').waitFor();
  const staff = await apiAs(suite.server.url, 'dealer1.staff');
  const started = await staff<{ caseRef: string }>('POST', '/api/process-instances', { bpmnProcessId: 'warranty-claim', variables: claim('XW8TC4KF5RH000201', 90000) });
  expect(started.status).toBe(201);
  const fresh = approver.locator(`[data-testid="approvals-table"] tr[data-case="${started.body.caseRef}"]`);
  await fresh.waitFor();
  expect(await fresh.locator('[data-column="vin"]').textContent()).toBe('XW8TC4KF5RH000201');
  expect((await fresh.locator('[data-column="amount"]').textContent())?.replace(/\s/g, ' ')).toBe('92 500 ₽');
  await approver.screenshot({ path: join(artifacts, 'approvals-live.png'), fullPage: true });
  await dealer.context().close();
  await approver.context().close();
}, 60_000);

test('live: after the stream drops, the inbox refetches what it missed; a refused stream says so', async () => {
  const page = await (await suite.browser.newContext({ locale: 'ru-RU' })).newPage();
  page.context().setDefaultTimeout(10_000);
  let missed: () => void = () => undefined;
  const missedDone = new Promise<void>((resolve) => (missed = resolve));
  let connections = 0;
  await page.route('**/api/tasks/stream', async (route) => {
    connections += 1;
    // The first connection ends at once and asks for a quick retry; the retry waits until a change happened meanwhile.
    if (connections === 1) return route.fulfill({ status: 200, contentType: 'text/event-stream', body: 'retry: 300\n: bye\n\n' });
    await missedDone;
    return route.continue();
  });
  await page.goto(suite.server.url + '/sign-in');
  await page.getByLabel('Имя пользователя').fill('dealer3.staff');
  await page.getByLabel('Пароль').fill('demo');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Входящие' }).waitFor();
  // dealer3's inbox holds its demo case that waits for an answer; the case below is not there yet.
  await page.getByTestId('task-table').locator('tr[data-element="ProvideInformation"]').first().waitFor();
  expect(await page.getByTestId('task-table').locator('tr[data-element="ProvideInformation"]').count()).toBe(1);

  const approver = await apiAs(suite.server.url, 'approver.warranty');
  const target = (await approver<{ items: QueueRow[] }>('GET', '/api/approvals')).body.items.find((row) => row.dealerId === 'dealer3')!;
  expect((await approver('POST', `/api/tasks/${target.key}/complete`, { variables: { decision: 'requestInfo', decisionReason: 'Нужны фото двери' } })).status).toBe(204);
  missed();
  await page.locator('[data-testid="task-table"] tr[data-element="ProvideInformation"]').filter({ hasText: target.caseRef }).waitFor();
  expect(connections).toBeGreaterThanOrEqual(2);

  await page.unroute('**/api/tasks/stream');
  await page.route('**/api/tasks/stream', (route) => route.fulfill({ status: 401, contentType: 'application/json', body: '{"code":"unauthorized","message":"Sign in first","details":null}' }));
  // The page holds one stream for the inbox and the bell: a fresh page connects anew.
  await page.reload();
  await page.getByTestId('live-status').getByText('Автообновление остановлено — обновите страницу').waitFor();
  await page.context().close();
}, 60_000);

test('export: approvals, inbox, audit and dealers download as .xlsx with translated headers and every filtered row, page after page', async () => {
  const approver = await signedIn('approver.warranty');
  const scripts: string[] = [];
  approver.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
  await approver.getByRole('link', { name: 'Согласования' }).click();
  await approver.getByTestId('approvals-table').waitFor();
  // exceljs is not part of what the app loads until someone exports.
  expect(scripts.filter((url) => /exceljs/i.test(url))).toEqual([]);
  // Two rows a page, so the export has to follow the cursor.
  const cursors: string[] = [];
  await approver.route('**/api/approvals?*', async (route) => {
    const url = new URL(route.request().url());
    if (url.searchParams.has('cursor')) cursors.push(url.searchParams.get('cursor')!);
    url.searchParams.set('limit', '2');
    await route.continue({ url: url.toString() });
  });
  const approvals = await exported(approver);
  expect(scripts.filter((url) => /exceljs/i.test(url))).toHaveLength(1);
  const queue = (await (await apiAs(suite.server.url, 'approver.warranty'))<{ items: QueueRow[] }>('GET', '/api/approvals')).body.items;
  expect(queue.length).toBeGreaterThan(2);
  expect(cursors.length).toBeGreaterThanOrEqual(Math.ceil(queue.length / 2) - 1);
  expect(approvals.fileName).toMatch(/^approvals-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(approvals.sheet).toBe('Согласования');
  expect(approvals.rows[0]).toEqual(['Заявка', 'Задача', 'Дилер', 'Название дилера', 'VIN', 'Клиент', 'Сумма', 'Срок']);
  const body = approvals.rows.slice(1);
  expect(body).toHaveLength(queue.length);
  for (const item of queue) {
    const line = body.find((cells) => cells[0] === item.caseRef);
    expect(line?.slice(1, 5)).toEqual(['Решение по гарантийной заявке', item.dealerId, expect.stringMatching(/^Автоцентр /), item.summary.vin]);
    expect(line?.[6]).toBe(item.summary.claimAmount);
    // Moscow wall-clock time (UTC+3), as the app shows it: Excel cells have no time zone.
    expect(line?.[7]).toEqual(new Date(new Date(item.dueDate).getTime() + 3 * 3600_000));
  }
  await approver.unroute('**/api/approvals?*');

  await approver.getByRole('link', { name: 'Дилеры' }).click();
  await approver.getByTestId('dealers-table').waitFor();
  const dealers = await exported(approver);
  expect(dealers.rows[0]).toEqual(['Код', 'Название', 'Регион', 'Территории', 'Рейтинг', 'Кредитный лимит']);
  expect(dealers.rows.slice(1).map((cells) => cells[0])).toEqual(['dealer1', 'dealer2', 'dealer3']);
  await approver.context().close();

  const dealer = await signedIn('dealer2.staff');
  await dealer.getByTestId('task-table').waitFor();
  const inbox = await exported(dealer);
  expect(inbox.rows[0]).toEqual(['Задача', 'Заявка', 'Дилер', 'Исполнитель', 'Состояние', 'Срок', 'Приоритет', 'Создана']);
  const tasks = (await (await apiAs(suite.server.url, 'dealer2.staff'))<{ items: { caseRef: string }[] }>('GET', '/api/tasks?state=open')).body.items;
  expect(inbox.rows.slice(1).map((cells) => cells[1])).toEqual(tasks.map((task) => task.caseRef));
  // dealer2's demo inbox holds a warranty claim waiting for its answer and the leads offered to it
  expect(inbox.rows.slice(1).every((cells) => cells[2] === 'dealer2' && cells[4] === 'Открыта')).toBe(true);
  expect(inbox.rows.slice(1).map((cells) => cells[0])).toContain('Предоставить дополнительную информацию');
  await dealer.context().close();

  // The auditor works in English (their profile's language): the headers follow.
  const auditor = await signedIn('auditor');
  await auditor.getByRole('link', { name: 'Audit' }).click();
  await auditor.getByTestId('audit-table').waitFor();
  const auditorApi = await apiAs(suite.server.url, 'auditor'); // signs in (an audited event) before the export
  const audit = await exported(auditor, 'Export to Excel');
  const trail = (await auditorApi<{ items: { seq: number; hash: string }[] }>('GET', '/api/audit?limit=1000')).body.items;
  expect(audit.rows[0]).toEqual(['#', 'Time', 'Actor', 'Action', 'Subject', 'Subject ID', 'Details', 'Hash']);
  expect(audit.sheet).toBe('Audit');
  expect(audit.rows.slice(1).map((cells) => [cells[0], cells[7]])).toEqual(trail.map((entry) => [entry.seq, entry.hash]));
  await auditor.context().close();
}, 90_000);
