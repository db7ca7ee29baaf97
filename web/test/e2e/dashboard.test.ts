import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('dashboard');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const HOUR = 3_600_000;

interface Summary {
  processes: { bpmnProcessId: string }[];
  openTasksByProcess: unknown[];
  openTasksByDealer: { dealerName: string }[];
  slaBreaches: { bpmnProcessId: string; overdueOpen: number; breachedInWindow: number }[];
  cycleTimes: unknown[];
  throughput: unknown[];
}

/** Cases with known due dates: two reviews late, one not yet due, and two registrations that end at once. */
async function givenKnownCases(page: Page): Promise<void> {
  for (const name of ['dashboard-review.bpmn', 'dashboard-quick.bpmn']) {
    const deployed = await page.request.post(suite.server.url + '/api/deployments', { data: { resources: [{ name, content: fixture(name) }] } });
    expect(deployed.status()).toBe(201);
  }
  const start = async (bpmnProcessId: string, dealerId: string, variables: Record<string, unknown>) => {
    const started = await page.request.post(suite.server.url + '/api/process-instances', { data: { bpmnProcessId, dealerId, variables } });
    expect(started.status()).toBe(201);
  };
  await start('dashboard-review', 'dealer1', { dueAt: new Date(Date.now() - 2 * HOUR).toISOString() });
  await start('dashboard-review', 'dealer2', { dueAt: new Date(Date.now() - 5 * HOUR).toISOString() });
  await start('dashboard-review', 'dealer3', { dueAt: new Date(Date.now() + 48 * HOUR).toISOString() });
  await start('dashboard-quick', 'dealer1', {});
  await start('dashboard-quick', 'dealer2', {});
}

/** The serious and critical WCAG 2 A/AA violations axe-core finds on the page, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run({ exclude: [['.djs-container']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

const count = (page: Page, chart: string, selector: string) => page.getByTestId(chart).locator(selector).count();

test('an admin lands on the dashboard, reads every chart and opens a process heatmap from the list', async () => {
  // The content security policy forbids injected scripts; axe is a test tool, so this profile bypasses it.
  const page = await suite.signedIn('admin', { bypassCSP: true });
  await page.getByRole('heading', { name: 'Обзор процессов', level: 1 }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/dashboard');

  await givenKnownCases(page);
  const summary = (await (await page.request.get(suite.server.url + '/api/dashboard')).json()) as Summary;
  expect(summary.slaBreaches.find((s) => s.bpmnProcessId === 'dashboard-review')).toEqual({ bpmnProcessId: 'dashboard-review', overdueOpen: 2, breachedInWindow: 2 });
  await page.reload();
  await page.getByTestId('chart-throughput').locator('.recharts-line').first().waitFor();

  // One bar per process and per dealer; two per process for SLA and cycle times; a point per day on both lines.
  expect(await count(page, 'chart-open-by-process', '.recharts-bar-rectangle')).toBe(summary.openTasksByProcess.length);
  expect(await count(page, 'chart-open-by-dealer', '.recharts-bar-rectangle')).toBe(summary.openTasksByDealer.length);
  expect(summary.openTasksByDealer.length).toBeGreaterThanOrEqual(3);
  expect(await count(page, 'chart-sla', '.recharts-bar-rectangle')).toBe(2 * summary.slaBreaches.length);
  expect(await count(page, 'chart-cycle', '.recharts-bar-rectangle')).toBe(2 * summary.cycleTimes.length);
  expect(summary.cycleTimes.length).toBeGreaterThanOrEqual(1);
  expect(await count(page, 'chart-throughput', '.recharts-line')).toBe(2);
  expect(await count(page, 'chart-throughput', '.recharts-line-dot')).toBe(2 * 30);
  // Dealers and processes by name, not by code.
  const dealerAxis = (await page.getByTestId('chart-open-by-dealer').locator('.recharts-wrapper').textContent()) ?? '';
  expect(dealerAxis).toContain('Автоцентр Москва');
  expect(dealerAxis).not.toMatch(/dealer\d/);
  expect(await page.getByTestId('chart-sla').locator('.recharts-wrapper').textContent()).toMatch(/Проверка\s*документов/);
  expect(await seriousViolations(page)).toEqual([]);
  await suite.shot(page, 'dashboard-desktop', { fullPage: true });

  // The process list leads to each process's heatmap.
  const list = page.getByTestId('dashboard-processes');
  expect(await list.locator('tbody tr').count()).toBe(summary.processes.length);
  await list.getByTestId('heatmap-link-dashboard-review').click();
  await page.waitForURL('**/dashboard/processes/dashboard-review/heatmap');
  await page.getByRole('heading', { name: 'Тепловая карта: Проверка документов', level: 1 }).waitFor();
  await page.locator('[data-testid="instance-diagram"][data-ready="true"]').waitFor();
  expect(await page.getByTestId('heat-Review').textContent()).toMatch(/^3 · /);
  expect(await page.getByTestId('heat-Start').textContent()).toMatch(/^3 · /);
  await suite.shot(page, 'heatmap-desktop');
  await page.getByRole('link', { name: '← К обзору' }).click();
  await page.getByRole('heading', { name: 'Обзор процессов', level: 1 }).waitFor();
  await page.context().close();
}, 120_000);

test('on a phone the dashboard fits the screen; others are refused it', async () => {
  const page = await suite.signedIn('admin', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.getByRole('heading', { name: 'Обзор процессов', level: 1 }).waitFor();
  await page.getByTestId('chart-throughput').locator('.recharts-line').first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await suite.shot(page, 'dashboard-phone', { fullPage: true });
  await page.getByTestId('heatmap-link-warranty-claim').click();
  await page.locator('[data-testid="instance-diagram"][data-ready="true"]').waitFor();
  await suite.shot(page, 'heatmap-phone');
  await page.context().close();

  const staff = await suite.signedIn('dealer1.staff');
  await staff.goto(suite.server.url + '/dashboard');
  await staff.getByText('У вас нет доступа к этому разделу.').waitFor();
  expect(await staff.request.get(suite.server.url + '/api/dashboard').then((r) => r.status())).toBe(403);
  await staff.context().close();
}, 120_000);
