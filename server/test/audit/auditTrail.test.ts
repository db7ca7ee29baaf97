import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuditTrail } from '../../src/audit/AuditTrail';
import { openDatabase } from '../../src/db/createDataSource';
import { testDatabases, type TestDatabase } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

describe.each(testDatabases())('audit trail on %s', (_kind, database) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let audit: AuditTrail;
  beforeEach(async () => {
    db = database();
    dataSource = await openDatabase(await db.create());
    audit = new AuditTrail(dataSource);
  });
  afterEach(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const appendMany = (count: number) =>
    Promise.all(Array.from({ length: count }, (_, i) =>
      dataSource.transaction((manager) => audit.append(manager, { actor: `user${i}`, action: 'test.event', subjectType: 'Thing', subjectId: String(i), payload: { i, note: 'ёлка' } }))));

  it('chains concurrent appends without gaps or forks', async () => {
    await appendMany(30);
    const entries = await audit.list({ limit: 1000 });
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(new Set(entries.map((e) => e.prevHash)).size).toBe(30);
    expect(await audit.verify()).toEqual({ ok: true, entries: 30, lastHash: entries[29].hash });
  });

  it('detects an edited payload and names the entry', async () => {
    await appendMany(5);
    await dataSource.query(`UPDATE audit_entry SET payload = '{"i":99}' WHERE seq = 3`);
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: 3, entries: 2, reason: expect.stringMatching(/content/) });
  });

  it('detects an entry whose hash was recomputed by the tamperer, at the next link', async () => {
    await appendMany(5);
    const [row] = await dataSource.query('SELECT prevHash FROM audit_entry WHERE seq = 2');
    const forged = createHash('sha256').update(row.prevHash).update('forged').digest('hex');
    await dataSource.query(`UPDATE audit_entry SET hash = '${forged}' WHERE seq = 2`);
    const result = await audit.verify();
    expect(result).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('detects a deleted entry', async () => {
    await appendMany(5);
    await dataSource.query('DELETE FROM audit_entry WHERE seq = 4');
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: 4, reason: 'entry 4 is missing' });
  });

  it('detects a truncated tail through the head', async () => {
    await appendMany(5);
    await dataSource.query('DELETE FROM audit_entry WHERE seq = 5');
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: 5 });
  });

  it('rolls the entry back with the transaction it belongs to', async () => {
    await expect(dataSource.transaction(async (manager) => {
      await audit.append(manager, { actor: 'a', action: 'x', subjectType: 'T', subjectId: '1' });
      throw new Error('business step failed');
    })).rejects.toThrow('business step failed');
    expect(await audit.list()).toEqual([]);
    expect(await audit.verify()).toMatchObject({ ok: true, entries: 0 });
  });

  it('refuses to append outside a transaction', async () => {
    await expect(audit.append(dataSource.manager, { actor: 'a', action: 'x', subjectType: 'T', subjectId: '1' })).rejects.toThrow(/inside a transaction/);
  });
});

describe('audit verify over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(testDatabases()[0][1]());
  });
  afterAll(() => server.stop());

  it('reports OK, then names the row changed behind its back', async () => {
    const auditor = await server.as('auditor');
    const good = await auditor.get('/api/audit/verify');
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ ok: true, entries: expect.any(Number) });
    expect(good.body.entries).toBeGreaterThanOrEqual(3); // roles, demo data, the auditor's sign-in

    await server.running.dataSource.query(`UPDATE audit_entry SET actor = 'someone-else' WHERE seq = 2`);
    const bad = await auditor.get('/api/audit/verify');
    expect(bad.status).toBe(200);
    expect(bad.body).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
