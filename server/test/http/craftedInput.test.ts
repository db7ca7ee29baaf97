import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

const cursorOf = (raw: string) => Buffer.from(raw).toString('base64url');

/** `{ "a": { "a": … 1 } }` nested `depth` levels, as text (JSON.stringify would recurse). */
const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe.each(testDatabases())('crafted input on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  }, 120_000);
  afterAll(() => server.stop(), 60_000);

  it('refuses inbox cursors with numbers, strings or dates out of range with 400', async () => {
    const staff = await server.as('dealer1.staff');
    const cases: [string, string][] = [
      ['priority', '[1e400,"1"]'],
      ['priority', '[-1e400,"1"]'],
      ['priority', `[1,"${'9'.repeat(500)}"]`],
      ['due', '["+275760-09-13T00:00:00.000Z","1"]'],
      ['due', `["${'2026'.repeat(100)}","1"]`],
      ['created', '["0000-01-01T00:00:00.000Z","1"]'],
    ];
    for (const [sort, raw] of cases) {
      const response = await staff.get(`/api/tasks?sort=${sort}&cursor=${cursorOf(raw)}`);
      expect({ raw, status: response.status, code: response.body.code }).toEqual({ raw, status: 400, code: 'validation_failed' });
    }
    expect((await staff.get(`/api/tasks?sort=priority&cursor=${'A'.repeat(5000)}`)).status).toBe(400);
  });

  it('still pages the inbox with the cursors it gives out', async () => {
    const staff = await server.as('dealer1.staff');
    for (const sort of ['priority', 'due', 'created']) {
      const first = await staff.get(`/api/tasks?sort=${sort}&limit=1`);
      expect(first.status).toBe(200);
      if (first.body.nextCursor) expect((await staff.get(`/api/tasks?sort=${sort}&limit=1&cursor=${first.body.nextCursor}`)).status).toBe(200);
    }
  });

  it('refuses instance list cursors out of range with 400', async () => {
    const admin = await server.as('admin');
    for (const raw of ['["+275760-09-13T00:00:00.000Z","1"]', `["2026-01-01T00:00:00.000Z","${'1'.repeat(500)}"]`, '[1e400,"1"]']) {
      const response = await admin.get(`/api/process-instances?cursor=${cursorOf(raw)}`);
      expect({ raw, status: response.status, code: response.body.code }).toEqual({ raw, status: 400, code: 'validation_failed' });
    }
  });

  it('refuses a draft nested 10,000 levels deep with 400 json_too_deep', async () => {
    const staff = await server.as('dealer1.staff');
    const task = (await staff.get('/api/tasks?limit=1')).body.items[0] as { key: string };
    const response = await staff.put(`/api/tasks/${task.key}/draft`).set('Content-Type', 'application/json').send(`{"variables":${nested(10_000)}}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: 'json_too_deep', message: expect.stringContaining('32'), details: { maxDepth: 32 } });
  });

  it('refuses start variables nested 10,000 levels deep with 400 and starts nothing', async () => {
    const staff = await server.as('dealer1.staff');
    const before = await server.running.dataSource.query('SELECT COUNT(*) AS n FROM process_instance');
    const response = await staff.post('/api/process-instances').set('Content-Type', 'application/json').send(`{"bpmnProcessId":"warranty-claim","variables":{"vin":${nested(10_000)}}}`);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('json_too_deep');
    expect(await server.running.dataSource.query('SELECT COUNT(*) AS n FROM process_instance')).toEqual(before);
  });

  it('accepts JSON exactly 32 levels deep', async () => {
    const staff = await server.as('dealer1.staff');
    const task = (await staff.get('/api/tasks?limit=1')).body.items[0] as { key: string };
    // The body object is level 1 and variables (the first nested object) level 2: 31 nested objects make 32 levels.
    const response = await staff.put(`/api/tasks/${task.key}/draft`).set('Content-Type', 'application/json').send(`{"variables":${nested(31)}}`);
    expect(response.body.code).not.toBe('json_too_deep');
    const deeper = await staff.put(`/api/tasks/${task.key}/draft`).set('Content-Type', 'application/json').send(`{"variables":${nested(32)}}`);
    expect(deeper.body.code).toBe('json_too_deep');
  });
});
