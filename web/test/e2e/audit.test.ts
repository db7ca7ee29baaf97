import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { apiAs } from './support/apiAs';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('audit');
const shot = (page: Page, name: string) => suite.shot(page, name, { fullPage: true });
const claim = {
  vin: 'XW8AN2NE3PH000888', mileage: 30000, repairDate: '2026-11-20', defectCode: 'B1001', defectDescription: 'Стеклоподъёмник не работает',
  parts: [{ partNumber: 'P-B1001', name: 'Стеклоподъёмник', quantity: 1, price: 48900 }], labourHours: 1,
};
/** The PDF's text as pdf.js reads it, in a child process (pdf.js loads its worker by a dynamic import). */
const pdfText = (pdf: Buffer): string => execFileSync(process.execPath, ['-e', "const { PDFParse } = require('pdf-parse'); const chunks = []; process.stdin.on('data', (c) => chunks.push(c)); process.stdin.on('end', async () => { const parser = new PDFParse({ data: Buffer.concat(chunks) }); process.stdout.write((await parser.getText()).text); await parser.destroy(); });"], { input: pdf, cwd: __dirname, maxBuffer: 64 * 1024 * 1024 }).toString();

test('an auditor filters the trail by person and case, opens the case from it, and exports the case evidence as a PDF', async () => {
  // Given a claim of Автоцентр Москва, approved with a reason.
  const dealer = await apiAs(suite.server.url, 'dealer1.staff');
  const { body: started } = await dealer<{ instanceKey: string; caseRef: string }>('POST', '/api/process-instances', { bpmnProcessId: 'warranty-claim', variables: claim });
  const approver = await apiAs(suite.server.url, 'approver.warranty');
  let taskKey = '';
  for (let attempt = 0; attempt < 50 && !taskKey; attempt += 1) {
    const { body } = await approver<{ items: { key: string; caseRef: string; elementId: string }[] }>('GET', '/api/tasks');
    taskKey = body.items.find((t) => t.caseRef === started.caseRef && t.elementId === 'DecideClaim')?.key ?? '';
    if (!taskKey) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect((await approver('POST', `/api/tasks/${taskKey}/complete`, { variables: { decision: 'approve', decisionReason: 'Дефект подтверждён', approvedAmount: 1000 } })).status).toBe(204);

  // The auditor (English profile) filters by the approver, by name.
  const auditor = await suite.signedIn('auditor');
  await auditor.getByRole('link', { name: 'Audit' }).click();
  await auditor.getByTestId('audit-table').waitFor();
  const filters = auditor.getByRole('search', { name: 'Audit filters' });
  await filters.getByLabel('Actor').selectOption({ label: 'Олег Гарантийный' });
  await filters.getByRole('button', { name: 'Show' }).click();
  await auditor.waitForURL((url) => url.searchParams.get('actor') === 'approver.warranty');
  const rows = auditor.locator('[data-testid="audit-table"] tbody tr');
  await rows.filter({ hasText: 'with reason “Дефект подтверждён”' }).first().waitFor();
  const actors = await rows.locator('td:nth-child(3)').allInnerTexts();
  expect(new Set(actors)).toEqual(new Set(['Олег Гарантийный']));
  const seqs = (await rows.locator('td:nth-child(1)').allInnerTexts()).map(Number);
  expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  expect(await auditor.getByTestId('audit-evidence').count()).toBe(0);

  // … then by the case reference: only this case, newest first, in sentences, with its evidence button.
  await filters.getByLabel('Actor').selectOption({ label: 'Anyone' });
  await filters.getByLabel('Case reference').fill(started.caseRef);
  await filters.getByRole('button', { name: 'Show' }).click();
  await rows.filter({ hasText: 'Dealer “Автоцентр Москва” filed the “Warranty claim approval” case' }).waitFor();
  const caseCells = await rows.locator('td:nth-child(5)').allInnerTexts();
  expect(new Set(caseCells)).toEqual(new Set([started.caseRef]));
  expect(await rows.getByText('{').count()).toBe(0); // no JSON for people
  const decided = rows.filter({ hasText: 'approved' }).first();
  expect(await decided.innerText()).toMatch(/Олег Гарантийный[\s\S]*Олег Гарантийный approved “.+” with reason “Дефект подтверждён”/);
  await decided.getByText('Details').click();
  await decided.getByText('Decision').waitFor();
  expect(await decided.locator('dl').innerText()).toMatch(/^Decision\s+approved\s+Reason\s+Дефект подтверждён/);
  await shot(auditor, 'audit-filtered-case');

  // The evidence PDF: named after the case, holding every hash shown, and its export is on the trail.
  const [download] = await Promise.all([auditor.waitForEvent('download'), auditor.getByTestId('audit-evidence').click()]);
  expect(download.suggestedFilename()).toBe(`evidence-${started.caseRef}.pdf`);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(pdf);
  const api = await apiAs(suite.server.url, 'auditor');
  const { body: trail } = await api<{ items: { hash: string; action: string; actor: string }[] }>('GET', `/api/audit?caseRef=${encodeURIComponent(started.caseRef)}&limit=1000`);
  expect(trail.items[0]).toMatchObject({ action: 'audit.evidence', actor: 'auditor' });
  for (const entry of trail.items.slice(1)) expect(text).toContain(entry.hash);
  expect(text).toContain('Автоцентр Москва');
  expect(text).toContain('How to verify independently');

  // From the trail to the case page, which links back to its trail and offers the same evidence.
  await auditor.reload();
  await rows.first().waitFor();
  await auditor.getByTestId('audit-case-link').first().click();
  await auditor.waitForURL(`**/cases/${started.instanceKey}`);
  await auditor.getByRole('link', { name: 'Case\'s audit trail' }).waitFor();
  expect(await auditor.getByTestId('audit-evidence').count()).toBe(1);
  await shot(auditor, 'case-page-auditor');
  await auditor.getByRole('link', { name: 'Case\'s audit trail' }).click();
  await auditor.waitForURL((url) => url.pathname === '/audit' && url.searchParams.get('instanceKey') === started.instanceKey);
  await rows.first().waitFor();
  await auditor.context().close();

  // A process admin reads it in Russian; dealer staff get no audit buttons on their case.
  const admin = await suite.signedIn('admin');
  await admin.goto(`${suite.server.url}/audit?caseRef=${encodeURIComponent(started.caseRef)}`);
  await admin.locator('[data-testid="audit-table"] tbody tr').filter({ hasText: 'Дилер «Автоцентр Москва» подал заявку «Гарантийная заявка»' }).waitFor();
  await admin.locator('[data-testid="audit-table"] tbody tr').filter({ hasText: 'одобрил(а)' }).getByText('Подробности').click();
  await shot(admin, 'audit-case-ru');
  await admin.context().close();
  const staff = await suite.signedIn('dealer1.staff');
  await staff.goto(`${suite.server.url}/cases/${started.instanceKey}`);
  await staff.getByRole('link', { name: 'Все заявки' }).waitFor();
  expect(await staff.getByTestId('audit-evidence').count()).toBe(0);
  await staff.context().close();
}, 180_000);
