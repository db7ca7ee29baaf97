import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Response } from 'supertest';
import { nodeSnippet, pythonSnippet } from '../../src/audit/verifyGuide';
import { eventually } from '../support/eventually';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';
import type { Bilingual } from '../../src/audit/AuditNames';

const claim = {
  vin: 'XW8AN2NE3PH000777', mileage: 30000, repairDate: '2026-11-20', defectCode: 'B1001', defectDescription: 'Стеклоподъёмник не работает',
  parts: [{ partNumber: '6RU837461', name: 'Стеклоподъёмник', quantity: 1, price: 48900 }], labourHours: 1.5,
};
interface Item { seq: number; at: string; actor: string; action: string; subjectType: string; subjectId: string; payload: unknown; prevHash: string; hash: string; actorName: Bilingual; text: Bilingual; fields: { label: Bilingual; value: Bilingual }[]; case?: { instanceKey: string; caseRef: string } }
/** The PDF's text as pdf.js reads it (in a child process: pdf.js loads its worker by a dynamic import jest's VM does not allow). */
const pdfText = (pdf: Buffer): string => execFileSync(process.execPath, ['-e', "const { PDFParse } = require('pdf-parse'); const chunks = []; process.stdin.on('data', (c) => chunks.push(c)); process.stdin.on('end', async () => { const parser = new PDFParse({ data: Buffer.concat(chunks) }); process.stdout.write((await parser.getText()).text); await parser.destroy(); });"], { input: pdf, cwd: __dirname, maxBuffer: 64 * 1024 * 1024 }).toString();
const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe.each(testDatabases())('the Audit page API and case evidence on %s', (_kind, database) => {
  let server: TestServer;
  let caseA: { instanceKey: string; caseRef: string };
  let caseB: { instanceKey: string; caseRef: string };
  const today = new Date().toISOString().slice(0, 10);
  const get = async (who: string, path: string) => (await server.as(who)).get(path);
  const items = async (query: string) => {
    const response = await get('auditor', `/api/audit?${query}`);
    expect(response.status).toBe(200);
    return response.body as { items: Item[]; nextCursor?: string };
  };
  const sql = (text: string, params: unknown[] = []) => server.running.dataSource.query(text, params) as Promise<Record<string, unknown>[]>;
  const count = async () => Number((await sql('SELECT COUNT(*) AS n FROM audit_entry'))[0].n);

  beforeAll(async () => {
    server = await startTestServer(database());
    const start = async (who: string) => (await (await server.as(who)).post('/api/process-instances').send({ bpmnProcessId: 'warranty-claim', variables: claim })).body as { instanceKey: string; caseRef: string };
    caseA = await start('dealer1.staff');
    caseB = await start('dealer2.staff');
    const approver = await server.as('approver.warranty');
    const task = await eventually(async () => {
      const found = ((await approver.get('/api/tasks')).body.items as { key: string; caseRef: string; elementId: string }[]).find((t) => t.caseRef === caseA.caseRef && t.elementId === 'DecideClaim');
      if (!found) throw new Error('no decision task yet');
      return found;
    });
    expect((await approver.post(`/api/tasks/${task.key}/complete`).send({ variables: { decision: 'approve', decisionReason: 'Дефект подтверждён', approvedAmount: 1000 } })).status).toBe(204);
  }, 120_000);
  afterAll(() => server.stop());

  it('reads one case newest first, by instance key or by case reference, in sentences with names', async () => {
    const { items: byKey } = await items(`instanceKey=${caseA.instanceKey}&limit=1000`);
    const { items: byRef } = await items(`caseRef=${encodeURIComponent(caseA.caseRef)}&limit=1000`);
    expect(byRef.map((e) => e.seq)).toEqual(byKey.map((e) => e.seq));
    expect(byKey.map((e) => e.seq)).toEqual([...byKey.map((e) => e.seq)].sort((a, b) => b - a));
    const rows = await sql("SELECT seq FROM audit_entry WHERE subjectType = 'ProcessInstance' AND subjectId = ? ORDER BY seq DESC", [caseA.instanceKey]);
    expect(byKey.map((e) => e.seq)).toEqual(rows.map((r) => Number(r.seq)));
    const [dealer] = await sql("SELECT name FROM dealer WHERE id = 'dealer1'");
    const [approver] = await sql("SELECT displayName FROM app_user WHERE username = 'approver.warranty'");
    const started = byKey.find((e) => e.action === 'instance.start')!;
    expect(started.text.ru).toContain(`Дилер «${String(dealer.name)}» подал заявку «Гарантийная заявка» ${caseA.caseRef}`);
    expect(started.case).toMatchObject({ instanceKey: caseA.instanceKey, caseRef: caseA.caseRef });
    const decided = byKey.find((e) => e.action === 'task.complete' && e.actor === 'approver.warranty')!;
    expect(decided.actorName.ru).toBe(approver.displayName);
    // the step by its name in each language, as the shipped process translates it
    expect(decided.text.en).toMatch(/approved “Decide warranty claim” with reason “Дефект подтверждён”$/);
    expect(decided.text.ru).toContain('одобрил(а) «Решение по гарантийной заявке» с обоснованием «Дефект подтверждён»');
    expect(decided.fields.slice(0, 2)).toEqual([
      { label: { ru: 'Решение', en: 'Decision' }, value: { ru: 'одобрено', en: 'approved' } },
      { label: { ru: 'Обоснование', en: 'Reason' }, value: { ru: 'Дефект подтверждён', en: 'Дефект подтверждён' } },
    ]);
    // Logins in the details read as names too; no field shows a login or JSON.
    expect(decided.fields.find((f) => f.label.en === 'Decided by')?.value.ru).toBe(approver.displayName);
    for (const field of decided.fields) expect(`${field.value.ru} ${field.value.en}`).not.toMatch(/approver\.warranty|[{[]"/);
  });

  it('filters by actor, action and date range in SQL, and pages with a cursor without gaps or repeats', async () => {
    const expected = (await sql('SELECT seq FROM audit_entry WHERE actor = ? ORDER BY seq DESC', ['dealer1.staff'])).map((r) => Number(r.seq));
    expect(expected.length).toBeGreaterThan(3);
    const walked: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await items(`actor=dealer1.staff&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.every((e) => e.actor === 'dealer1.staff')).toBe(true);
      walked.push(...page.items.map((e) => e.seq));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    expect(walked).toEqual(expected);
    const completions = (await items('action=task.complete&limit=1000')).items;
    expect(completions.length).toBe(Number((await sql("SELECT COUNT(*) AS n FROM audit_entry WHERE action = 'task.complete'"))[0].n));
    expect((await items('action=task&limit=1000')).items.every((e) => e.action.startsWith('task.'))).toBe(true);
    const both = (await items(`actor=approver.warranty&instanceKey=${caseA.instanceKey}`)).items;
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((e) => e.actor === 'approver.warranty' && e.subjectId === caseA.instanceKey)).toBe(true);
    expect((await items(`instanceKey=${caseB.instanceKey}&actor=approver.warranty`)).items).toEqual([]);
    expect((await items(`from=${today}&to=${today}&limit=1000`)).items.length).toBe(Math.min(1000, await count()));
    expect((await items('from=2001-01-01&to=2001-01-02')).items).toEqual([]);
    expect((await items('caseRef=NO-SUCH-CASE')).items).toEqual([]);
  });

  it('keeps the indexes the filters use', async () => {
    const names = server.running.dataSource.options.type === 'better-sqlite3'
      ? (await sql("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_entry'")).map((r) => String(r.name))
      : (await sql('SHOW INDEX FROM audit_entry')).map((r) => String(r.Key_name));
    expect(names).toEqual(expect.arrayContaining(['IDX_audit_entry_actor_seq', 'IDX_audit_entry_action_seq', 'IDX_audit_entry_subject_seq', 'IDX_audit_entry_at']));
  });

  it('refuses readers without the right and bad filters, writing nothing', async () => {
    await server.as('dealer1.manager');
    await server.as('approver.warranty');
    const before = await count();
    expect((await get('dealer1.manager', `/api/audit?instanceKey=${caseA.instanceKey}`)).status).toBe(403);
    expect((await get('approver.warranty', '/api/audit?actor=auditor')).status).toBe(403);
    expect((await get('dealer1.manager', `/api/audit/evidence?instanceKey=${caseA.instanceKey}`)).status).toBe(403);
    for (const bad of ['action=x%3Bdrop', 'from=2026-13-01', 'cursor=abc', 'limit=lots', 'colour=red']) {
      const response = await get('auditor', `/api/audit?${bad}`);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'validation_failed', message: expect.any(String) });
    }
    expect((await get('auditor', '/api/audit/evidence')).status).toBe(400);
    expect((await get('auditor', '/api/audit/evidence?instanceKey=999999999')).status).toBe(404);
    expect(await count()).toBe(before);
  });

  it('exports one case as a PDF naming everything, with every hash, verifiable by the guide’s snippets; the export is one entry', async () => {
    const auditor = await server.as('auditor');
    const before = await count();
    const response: Response = await auditor.get(`/api/audit/evidence?instanceKey=${caseA.instanceKey}`).buffer(true).parse(binary);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(`evidence-${caseA.caseRef}.pdf`);
    expect(await count()).toBe(before + 1);
    const own = await sql('SELECT actor, action, subjectId FROM audit_entry WHERE seq = ?', [before + 1]);
    expect(own).toEqual([{ actor: 'auditor', action: 'audit.evidence', subjectId: caseA.instanceKey }]);

    const text = pdfText(response.body as Buffer);
    const [dealer] = await sql("SELECT name FROM dealer WHERE id = 'dealer1'");
    const [auditorUser] = await sql("SELECT displayName FROM app_user WHERE username = 'auditor'");
    for (const expected of [caseA.caseRef, String(dealer.name), String(auditorUser.displayName), 'Гарантийная заявка', 'Как проверить самостоятельно', 'How to verify independently', 'GET /api/audit/verify', 'выгрузил(а) доказательный пакет', 'with reason “Дефект подтверждён”']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain(caseB.instanceKey);
    const caseRows = await sql("SELECT seq, hash, prevHash FROM audit_entry WHERE subjectType = 'ProcessInstance' AND subjectId = ? ORDER BY seq", [caseA.instanceKey]);
    expect(caseRows.length).toBeGreaterThan(3);
    for (const row of caseRows) {
      expect(text).toMatch(new RegExp(`hash\\s+${String(row.hash)}\\s`));
      expect(text).toMatch(new RegExp(`prevHash\\s+${String(row.prevHash)}\\s+\\(#${Number(row.seq) - 1}\\)`));
    }

    // The whole chain, fetched as the guide says, verifies with both snippets, and links each case entry to its predecessor.
    const chain: Item[] = [];
    for (;;) {
      const page = await items(`afterSeq=${chain.length ? chain[chain.length - 1].seq : 0}&limit=1000`);
      chain.push(...page.items);
      if (page.items.length < 1000) break;
    }
    const head = (await get('auditor', '/api/audit/verify')).body as { ok: boolean; lastHash: string };
    expect(head.ok).toBe(true);
    const plain = chain.map(({ seq, at, actor, action, subjectType, subjectId, payload, prevHash, hash }) => ({ seq, at, actor, action, subjectType, subjectId, payload, prevHash, hash }));
    const run = new Function('require', 'entries', `${nodeSnippet}\nreturn verify(entries);`) as (r: NodeJS.Require, e: unknown) => string;
    expect(run(createRequire(__filename), plain)).toBe(`ok ${head.lastHash}`);
    const python = execFileSync('python3', ['-c', `${pythonSnippet}\nimport sys\nprint(verify(json.load(sys.stdin)))`], { input: JSON.stringify(plain) }).toString().trim();
    expect(python).toBe(`ok ${head.lastHash}`);
    for (const row of caseRows) expect(chain[Number(row.seq) - 2]?.hash).toBe(row.prevHash);
  }, 60_000);
});
