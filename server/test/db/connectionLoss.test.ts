import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { loadConfig } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server';
import { eventually } from '../support/eventually';
import { killConnections, readElsewhere } from '../support/faultInjection';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

jest.setTimeout(120_000); // a server boot migrates and seeds a fresh database

const claim = {
  vin: 'XW8AN2NE3PH000101', mileage: 30000, repairDate: '2026-11-20', defectCode: 'B1001', defectDescription: 'Window regulator dead',
  parts: [{ partNumber: 'X-1', name: 'Window regulator', quantity: 1, price: 48900 }], labourHours: 1.5,
};
const mariadb = testDatabases().find(([kind]) => kind === 'mariadb');

(mariadb ? describe : describe.skip)('MariaDB drops the server’s connections in the middle of traffic', () => {
  let db: TestDatabase;
  let url: string;
  let server: RunningServer;
  let staff: TestAgent;
  let caseKey: string;
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'df-files-'));
  const acknowledged: string[] = [];
  const statuses = new Map<number, number>();

  async function comment(body: string): Promise<number> {
    const response = await staff.post(`/api/process-instances/${caseKey}/comments`).send({ body });
    if (response.status === 201) acknowledged.push(response.body.id);
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    return response.status;
  }
  const start = () => staff.post('/api/process-instances').send({ bpmnProcessId: 'warranty-claim', variables: claim });

  beforeAll(async () => {
    db = mariadb![1]();
    url = await db.create();
    server = await startServer({ ...loadConfig({}), databaseUrl: url, port: 0, webRoot: '/nonexistent', attachmentsDir }, { logger: pino({ level: 'silent' }) });
    staff = request.agent(server.url);
    expect((await staff.post('/api/auth/login').send({ username: 'dealer1.staff', password: 'demo' })).status).toBe(200);
    const started = await start();
    expect(started.status).toBe(201);
    caseKey = started.body.instanceKey;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await db?.drop();
    rmSync(attachmentsDir, { recursive: true, force: true });
  });

  it('writes recover by themselves, health says so, and every acknowledged comment is committed', async () => {
    // given 300 comment writes, ten at a time, while every connection of this database is killed for 3 s
    let killing = true;
    const killer = (async () => {
      const until = Date.now() + 3000;
      while (Date.now() < until) {
        await killConnections(url);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      killing = false;
    })();
    let next = 0;
    const writers = Array.from({ length: 10 }, async () => {
      while (next < 300) await comment(`under fire ${next++}`);
    });
    await Promise.all([killer, ...writers]);
    expect(killing).toBe(false);
    // then refused writes say why, instead of a bare 500
    expect([...statuses.keys()].filter((status) => status !== 201 && status !== 503)).toEqual([]);
    // and within seconds health is up and writes — comments and engine steps — succeed again
    await eventually(async () => {
      const health = await request(server.url).get('/api/health');
      if (health.status !== 200) throw new Error(`health: ${JSON.stringify(health.body)}`);
    }, 15_000);
    for (let i = 0; i < 20; i += 1) expect(await comment(`after ${i}`)).toBe(201);
    for (let i = 0; i < 3; i += 1) expect((await start()).status).toBe(201);
    // and every comment that got 201 is in the database, as another connection reads it
    const committed = (await readElsewhere<{ id: string }>(url, 'SELECT id FROM comment')).map((r) => r.id);
    expect(committed).toEqual(expect.arrayContaining(acknowledged));
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);
  });

  it('a connection killed inside a transaction fails that request alone; the next commit', async () => {
    // a comment is inside its transaction while the audit head row is locked by another session
    const name = new URL(url.replace(/^mariadb:/, 'mysql:')).pathname.slice(1);
    const blocker = await (await import('mysql2/promise')).createConnection(url.replace(/^mariadb:/, 'mysql:'));
    try {
      await blocker.query('START TRANSACTION');
      await blocker.query('SELECT * FROM audit_head WHERE id = 1 FOR UPDATE');
      const pending = comment('waits for the audit lock');
      await eventually(async () => {
        const [rows] = await blocker.query("SELECT id FROM information_schema.processlist WHERE db = ? AND info LIKE '%audit_head%FOR UPDATE%' AND id <> CONNECTION_ID()", [name]);
        if ((rows as unknown[]).length === 0) throw new Error('the comment is not waiting yet');
        for (const { id } of rows as Array<{ id: number }>) await blocker.query(`KILL CONNECTION ${Number(id)}`);
      });
      expect(await pending).toBe(503);
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    for (let i = 0; i < 5; i += 1) expect(await comment(`after the kill ${i}`)).toBe(201);
    expect((await start()).status).toBe(201);
    const committed = (await readElsewhere<{ id: string }>(url, 'SELECT id FROM comment')).map((r) => r.id);
    expect(committed).toEqual(expect.arrayContaining(acknowledged));
  });
});
