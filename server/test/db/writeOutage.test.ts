import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { loadConfig } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server';
import { driverError, failAfter, readElsewhere } from '../support/faultInjection';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

/** Whether this machine lets us make a file immutable (root on a local file system). */
function canMakeImmutable(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'df-immutable-'));
  try {
    writeFileSync(join(dir, 'probe'), '');
    execFileSync('chattr', ['+i', join(dir, 'probe')], { stdio: 'ignore' });
    execFileSync('chattr', ['-i', join(dir, 'probe')], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const claim = {
  vin: 'XW8AN2NE3PH000101', mileage: 30000, repairDate: '2026-11-20', defectCode: 'B1001', defectDescription: 'Window regulator dead',
  parts: [{ partNumber: 'X-1', name: 'Window regulator', quantity: 1, price: 48900 }], labourHours: 1.5,
};

jest.setTimeout(120_000); // a server boot migrates and seeds a fresh database

describe.each(testDatabases())('writes while the database fails, on %s', (kind, make) => {
  let db: TestDatabase;
  let url: string;
  let server: RunningServer;
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'df-files-'));
  const comments: string[] = [];
  const instances: string[] = [];
  let caseKey: string;

  const boot = () => startServer({ ...loadConfig({}), databaseUrl: url, port: 0, webRoot: '/nonexistent', attachmentsDir }, { logger: pino({ level: 'silent' }) });
  async function signIn(username: string): Promise<TestAgent> {
    const agent = request.agent(server.url);
    const response = await agent.post('/api/auth/login').send({ username, password: 'demo' });
    if (response.status !== 200) throw new Error(`login as ${username}: ${response.status}`);
    return agent;
  }
  /** Adds a comment; remembers its id when acknowledged. Returns the status. */
  async function comment(agent: TestAgent, body: string): Promise<number> {
    const response = await agent.post(`/api/process-instances/${caseKey}/comments`).send({ body });
    if (response.status === 201) comments.push(response.body.id);
    return response.status;
  }
  async function start(agent: TestAgent): Promise<request.Response> {
    const response = await agent.post('/api/process-instances').send({ bpmnProcessId: 'warranty-claim', variables: claim });
    if (response.status === 201) instances.push(response.body.instanceKey);
    return response;
  }
  async function expectAllCommitted(): Promise<void> {
    const ids = (await readElsewhere<{ id: string }>(url, 'SELECT id FROM comment')).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(comments));
    const keys = (await readElsewhere<{ instance_key: string }>(url, 'SELECT instance_key FROM engine_instance')).map((r) => String(r.instance_key));
    expect(keys).toEqual(expect.arrayContaining(instances));
  }

  beforeAll(async () => {
    db = make();
    url = await db.create();
    server = await boot();
    const started = await start(await signIn('dealer1.staff'));
    expect(started.status).toBe(201);
    caseKey = started.body.instanceKey;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await db?.drop();
    rmSync(attachmentsDir, { recursive: true, force: true });
  });

  it('a COMMIT and then a ROLLBACK that fail: 503, and later writes commit for good', async () => {
    const staff = await signIn('dealer1.staff');
    const fault = kind === 'sqlite' ? driverError('SQLITE_IOERR_WRITE', 'disk I/O error') : driverError('ER_CONNECTION_KILLED', 'Connection was killed');
    failAfter(server.dataSource, /INSERT INTO .comment./, [/^COMMIT/, /^ROLLBACK/], fault);
    const refused = await staff.post(`/api/process-instances/${caseKey}/comments`).send({ body: 'lost?' });
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 'database_unavailable', details: expect.anything() });
    failAfter(server.dataSource, /INSERT\b.*\bINTO .process_instance./, [/^COMMIT/, /^ROLLBACK/], fault);
    expect((await start(staff)).status).toBe(503);
    for (let i = 0; i < 5; i += 1) expect(await comment(staff, `after the fault ${i}`)).toBe(201);
    for (let i = 0; i < 3; i += 1) expect((await start(staff)).status).toBe(201);
    await expectAllCommitted();
  });

  (kind === 'sqlite' && canMakeImmutable() ? it : it.skip)('an immutable database file: writes and health fail, then both recover', async () => {
    const staff = await signIn('dealer1.staff');
    const file = url.slice('sqlite:'.length);
    const files = [file, `${file}-wal`].filter((f) => existsSync(f)); // not -shm: it is mapped, and writing it would fault the process
    await new Promise((resolve) => setTimeout(resolve, 1600)); // let the last healthy answer expire
    execFileSync('chattr', ['+i', ...files]);
    try {
      expect(await comment(staff, 'while immutable')).toBe(503);
      expect((await start(staff)).status).toBe(503);
      expect((await request(server.url).post('/api/auth/login').send({ username: 'admin', password: 'demo' })).status).toBe(503);
      const health = await request(server.url).get('/api/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: 'degraded', db: 'down' });
    } finally {
      execFileSync('chattr', ['-i', ...files]);
    }
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect((await request(server.url).get('/api/health')).body).toMatchObject({ status: 'ok', db: 'up', engine: { status: 'up' } });
    for (let i = 0; i < 5; i += 1) expect(await comment(staff, `writable again ${i}`)).toBe(201);
    for (let i = 0; i < 3; i += 1) expect((await start(staff)).status).toBe(201);
    await expectAllCommitted();
  });

  it('after a restart every acknowledged comment and case is there and the audit chain verifies', async () => {
    await server.close();
    server = await boot();
    await expectAllCommitted();
    const listed = await (await signIn('dealer1.staff')).get(`/api/process-instances/${caseKey}/comments`);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(comments));
    expect(listed.body.items).toHaveLength(comments.length);
    const verify = await (await signIn('auditor')).get('/api/audit/verify');
    expect(verify.body).toMatchObject({ ok: true });
    expect((await request(server.url).get('/api/health')).body).toMatchObject({ status: 'ok', db: 'up', engine: { type: 'embedded', status: 'up' } });
  });
});
