import { Notification } from '../../src/notifications/Notification';
import { NOTIFICATION_KINDS } from '../../src/notifications/notificationKinds';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

interface Item { id: string; kind: string; params: Record<string, unknown>; link: string | null; readAt: string | null }

describe.each(testDatabases())('the notification routes on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
    // The demo cases opened at start-up notified their people, and the minutely SLA scan would warn
    // them of the demo leads' deadlines mid-test: these tests start from an empty, quiet bell.
    server.running.notificationJobs.stop();
    await server.running.dataSource.getRepository(Notification).clear();
  });
  afterAll(() => server.stop());

  const tell = (username: string, cause: string) => server.running.services.notifications.notifyNow({
    recipients: { users: [username] }, kind: 'comment.mention', params: { actorName: 'Тест', caseRef: cause, excerpt: 'проверка' }, link: `/cases/${cause}`, cause,
  });
  const bell = async (username: string) => (await (await server.as(username)).get('/api/me/notifications')).body as { items: Item[]; unread: number };

  it('lists only the user\'s own notifications, newest first, with the unread count', async () => {
    await tell('dealer2.staff', 'R-1');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await tell('dealer2.staff', 'R-2');
    await tell('dealer3.staff', 'R-3');
    const mine = await bell('dealer2.staff');
    expect(mine.items.map((n) => n.link)).toEqual(['/cases/R-2', '/cases/R-1']);
    expect(mine.unread).toBe(2);
    expect(mine.items[0]).toEqual({ id: expect.any(String), kind: 'comment.mention', params: { actorName: 'Тест', caseRef: 'R-2', excerpt: 'проверка' }, link: '/cases/R-2', createdAt: expect.any(String), readAt: null });
    expect((await bell('dealer3.staff')).items.map((n) => n.link)).toEqual(['/cases/R-3']);
    expect((await (await server.as('dealer2.staff')).get('/api/me/notifications/unread-count')).body).toEqual({ unread: 2 });
  });

  it('marks one read for its owner only; anyone else gets 404 and changes nothing', async () => {
    const [theirs] = (await bell('dealer3.staff')).items;
    const stranger = await (await server.as('dealer2.staff')).post(`/api/me/notifications/${theirs.id}/read`);
    expect(stranger.status).toBe(404);
    expect(stranger.body).toEqual({ code: 'not_found', message: expect.any(String), details: { id: theirs.id } });
    expect((await server.running.dataSource.getRepository(Notification).findOneByOrFail({ id: theirs.id })).readAt).toBeNull();
    expect((await (await server.as('dealer2.staff')).post('/api/me/notifications/not-an-id/read')).status).toBe(404);

    const own = await (await server.as('dealer3.staff')).post(`/api/me/notifications/${theirs.id}/read`);
    expect(own.status).toBe(200);
    expect(own.body.readAt).toEqual(expect.any(String));
    expect((await bell('dealer3.staff')).unread).toBe(0);
    expect((await server.running.dataSource.getRepository(Notification).findOneByOrFail({ id: theirs.id })).readAt).not.toBeNull();
  });

  it('marks all of the user\'s own read, and nobody else\'s', async () => {
    await tell('dealer3.staff', 'R-4');
    const all = await (await server.as('dealer2.staff')).post('/api/me/notifications/read-all');
    expect(all.body).toEqual({ marked: 2 });
    expect((await bell('dealer2.staff')).unread).toBe(0);
    expect((await bell('dealer3.staff')).unread).toBe(1);
    expect((await (await server.as('dealer2.staff')).get('/api/me/notifications?unread=true')).body.items).toEqual([]);
  });

  it('refuses bad input with 400 and needs a session', async () => {
    const agent = await server.as('dealer2.staff');
    expect((await agent.get('/api/me/notifications?limit=0')).status).toBe(400);
    expect((await agent.put('/api/me/notification-preferences').send({ kinds: [{ kind: 'task.created', inApp: 'yes', email: 'weekly' }] })).status).toBe(400);
    expect((await agent.put('/api/me/notification-preferences').send({ address: 'not an address' })).status).toBe(400);
    expect((await server.anonymous().get('/api/me/notifications')).status).toBe(401);
    expect((await server.anonymous().post('/api/me/notifications/read-all')).status).toBe(401);
  });

  it('keeps an e-mail address and per-kind choices for each user', async () => {
    const agent = await server.as('dealer1.manager');
    const saved = await agent.put('/api/me/notification-preferences').send({ address: 'manager@dealer1.example', kinds: [{ kind: 'task.sla', inApp: true, email: 'daily' }] });
    expect(saved.status).toBe(200);
    expect(saved.body.address).toBe('manager@dealer1.example');
    // every kind but the one only process admins receive
    expect(saved.body.kinds.map((k: { kind: string }) => k.kind)).toEqual(NOTIFICATION_KINDS.filter((kind) => kind !== 'webhook.disabled'));
    expect((await (await server.as('admin')).get('/api/me/notification-preferences')).body.kinds).toContainEqual({ kind: 'webhook.disabled', inApp: true, email: 'instant' });
    expect(saved.body.kinds).toContainEqual({ kind: 'task.sla', inApp: true, email: 'daily' });
    expect((await (await server.as('dealer1.staff')).get('/api/me/notification-preferences')).body.address).toBeNull();
    expect((await agent.put('/api/me/notification-preferences').send({ address: null })).body.address).toBeNull();
  });
});
