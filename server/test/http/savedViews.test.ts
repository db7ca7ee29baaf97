import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

interface View { id: string; name: string; filters: Record<string, unknown>; createdAt: string }

describe.each(testDatabases())('saved views on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());

  const viewsOf = async (username: string) => (await (await server.as(username)).get('/api/me/views')).body.items as View[];
  const save = async (username: string, body: unknown) => (await server.as(username)).post('/api/me/views').send(body as object);

  it('saves, lists by name and deletes a user\'s views', async () => {
    const overdue = await save('dealer1.staff', { name: '  Мои открытые ', filters: { state: 'open', assignee: 'me', sort: 'due' } });
    expect(overdue.status).toBe(201);
    expect(overdue.body).toEqual({ id: expect.any(String), name: 'Мои открытые', filters: { state: 'open', assignee: 'me', sort: 'due' }, createdAt: expect.any(String) });
    expect((await save('dealer1.staff', { name: 'All VINs XW8', filters: { q: 'XW8', sort: 'created' } })).status).toBe(201);
    expect((await viewsOf('dealer1.staff')).map((v) => v.name)).toEqual(['All VINs XW8', 'Мои открытые']);

    const removed = await (await server.as('dealer1.staff')).delete(`/api/me/views/${overdue.body.id}`);
    expect(removed.status).toBe(204);
    expect((await viewsOf('dealer1.staff')).map((v) => v.name)).toEqual(['All VINs XW8']);
    const again = await (await server.as('dealer1.staff')).delete(`/api/me/views/${overdue.body.id}`);
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ code: 'not_found', message: expect.any(String), details: { id: overdue.body.id } });
  });

  it('keeps each user\'s views to themselves: another user neither sees nor deletes them', async () => {
    const mine = await save('dealer2.staff', { name: 'Kazan only', filters: { state: 'completed' } });
    expect(mine.status).toBe(201);
    expect(await viewsOf('dealer2.manager')).toEqual([]);
    expect((await viewsOf('approver.warranty')).some((v) => v.id === mine.body.id)).toBe(false);
    const stranger = await (await server.as('dealer2.manager')).delete(`/api/me/views/${mine.body.id}`);
    expect(stranger.status).toBe(404);
    expect((await viewsOf('dealer2.staff')).map((v) => v.id)).toContain(mine.body.id);
    // The same name is free for another user.
    expect((await save('dealer2.manager', { name: 'Kazan only', filters: {} })).status).toBe(201);
  });

  it('answers 409 for a name the user already has, whatever its case, and stores nothing', async () => {
    expect((await save('dealer3.staff', { name: 'Срочные', filters: { sort: 'priority' } })).status).toBe(201);
    const duplicate = await save('dealer3.staff', { name: 'СРОЧНЫЕ', filters: { sort: 'due' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toEqual({ code: 'conflict', message: expect.stringContaining('СРОЧНЫЕ'), details: { field: 'name' } });
    expect(await viewsOf('dealer3.staff')).toEqual([expect.objectContaining({ name: 'Срочные', filters: { sort: 'priority' } })]);
  });

  it('answers 400 naming the bad fields and stores nothing', async () => {
    const cases: [unknown, string][] = [
      [{ filters: {} }, 'name'],
      [{ name: '   ', filters: {} }, 'name'],
      [{ name: 'x'.repeat(81), filters: {} }, 'name'],
      [{ name: 'ok' }, 'filters'],
      [{ name: 'ok', filters: { state: 'lost' } }, 'filters.state'],
      [{ name: 'ok', filters: { cursor: 'abc' } }, 'filters.cursor'],
      [{ name: 'ok', filters: { dueBefore: 'tomorrow' } }, 'filters.dueBefore'],
      [{ name: 'ok', filters: {}, owner: 'admin' }, 'owner'],
    ];
    for (const [body, field] of cases) {
      const response = await save('approver.sales', body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect(await viewsOf('approver.sales')).toEqual([]);
  });

  it('refuses callers without a session', async () => {
    expect((await server.anonymous().get('/api/me/views')).status).toBe(401);
    expect((await server.anonymous().post('/api/me/views').send({ name: 'x', filters: {} })).status).toBe(401);
  });
});
