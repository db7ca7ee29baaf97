import { execFileSync, spawn } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Notification } from '../../src/notifications/Notification';
import { AddressPolicy } from '../../src/webhooks/addressPolicy';
import { SecretBox } from '../../src/webhooks/secretBox';
import { WebhookAttempt } from '../../src/webhooks/WebhookAttempt';
import { WebhookDelivery } from '../../src/webhooks/WebhookDelivery';
import { WebhookDeliveryWorker } from '../../src/webhooks/WebhookDeliveryWorker';
import { WebhookEvent } from '../../src/webhooks/WebhookEvent';
import { WebhookOutbox } from '../../src/webhooks/WebhookOutbox';
import { WebhookSubscription } from '../../src/webhooks/WebhookSubscription';
import { eventually } from '../support/eventually';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';
import { tinyProcess } from '../support/tinyProcess';
import { startReceiver, type LocalReceiver } from './localReceiver';

/** Resolves once something accepts connections on the port, rejects otherwise. */
const accepting = (port: number) => new Promise<void>((resolve, reject) => {
  const socket = connect(port, '127.0.0.1', () => {
    socket.end();
    resolve();
  }).once('error', reject);
});

const SESSION_SECRET = 'webhook-test-session-secret';

/** The receiver examples of the integration guide, as published. */
const guide = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'integration.md'), 'utf8');
const example = (language: string) => {
  const block = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(guide.slice(guide.indexOf('### Verify the signature')));
  if (!block) throw new Error(`no ${language} example in the guide`);
  return block[1];
};
const freePort = () => new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});
const DAY = 24 * 3600_000;

/** What a receiver does (docs/integration.md): recompute the HMAC over `t.body` and compare in constant time. */
function verified(secret: string, header: string | string[] | undefined, body: string): boolean {
  const parts = Object.fromEntries(String(header).split(',').map((kv) => kv.split('=') as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) && Math.abs(Date.now() / 1000 - Number(parts.t)) < 300;
}

describe.each(testDatabases())('outgoing webhooks on %s', (_kind, database) => {
  let server: TestServer;
  let receiver: LocalReceiver;
  let processNo = 0;
  /** The worker's clock: each test moves it past every back-off by whole days. */
  let clock = Date.now();
  beforeAll(async () => {
    receiver = await startReceiver();
    server = await startTestServer(database(), { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_DISABLE_AFTER: '3', WEBHOOK_MAX_ATTEMPTS: '5', WEBHOOK_TIMEOUT_MS: '3000', SESSION_SECRET });
    server.running.webhookJobs.stop();
    server.running.notificationJobs.stop();
  }, 180_000);
  afterAll(async () => {
    await server.stop();
    await receiver.close();
  });

  const worker = () => server.running.webhookJobs.worker;
  const tick = (w = worker()) => w.tick(new Date((clock += DAY)));
  const repo = <T extends object>(entity: new () => T) => server.running.dataSource.getRepository(entity);
  /** A fresh one-task process of its own, so each test's subscription filter sees only its own cases. */
  const freshProcess = async () => {
    const id = `hook-${++processNo}`;
    await server.running.services.engine.deploy([{ name: `${id}.bpmn`, content: tinyProcess({ id }) }]);
    return id;
  };
  const subscribe = async (path: string, body: object) => {
    const response = await (await server.as('admin')).post('/api/webhooks').send({ url: receiver.url(path), ...body });
    expect(response.status).toBe(201);
    return response.body as { webhook: { id: string }; secret: string };
  };
  const deliveriesOf = async (id: string) => (await (await server.as('admin')).get(`/api/webhooks/${id}/deliveries`).expect(200)).body.items as { id: number; status: string; eventType: string; attempts: { outcome: string; responseCode: number | null; error: string | null }[] }[];

  it('delivers a new task to its subscriber exactly once, signed with the secret shown at creation', async () => {
    // given a subscription to one process's new tasks, and another process nobody listens to
    const processId = await freshProcess();
    const other = await freshProcess();
    const { webhook, secret } = await subscribe('/once', { events: ['task.created'], processId });
    expect(secret).toMatch(/^whsec_/);
    const stored = await repo(WebhookSubscription).createQueryBuilder('s').addSelect('s.secretSealed').where('s.id = :id', { id: webhook.id }).getOneOrFail();
    expect(stored.secretSealed).not.toContain(secret.slice(6));

    // when a case of each starts and the worker runs twice
    const { processInstanceKey } = await server.running.services.engine.createInstance(processId, { dealerId: 'dealer1', caseRef: 'HOOK-1' });
    await server.running.services.engine.createInstance(other, { dealerId: 'dealer1', caseRef: 'HOOK-2' });
    await tick();
    await tick();

    // then the receiver got one request, for its process, with a valid signature
    const got = receiver.received('/once');
    expect(got).toHaveLength(1);
    expect(verified(secret, got[0].headers['dealerflow-signature'], got[0].body)).toBe(true);
    expect(verified('whsec_wrong', got[0].headers['dealerflow-signature'], got[0].body)).toBe(false);
    const body = JSON.parse(got[0].body);
    expect(body).toMatchObject({ id: expect.stringMatching(/^evt_\d+$/), type: 'task.created', data: { processInstanceKey, processId, caseRef: 'HOOK-1', dealerId: 'dealer1', elementId: 'Review' } });
    expect(got[0].headers['dealerflow-event-id']).toBe(body.id);
    // and the log shows one delivery with one successful attempt
    const log = await deliveriesOf(webhook.id);
    expect(log.map((d) => [d.eventType, d.status, d.attempts.map((a) => [a.outcome, a.responseCode])])).toEqual([['task.created', 'delivered', [['ok', 200]]]]);
  });

  it('retries a failing receiver with back-off: two failures then a success are three attempts and one delivery', async () => {
    const processId = await freshProcess();
    receiver.answer('/flaky', [{ status: 500, body: 'database down' }, { status: 502 }]);
    const { webhook, secret } = await subscribe('/flaky', { events: ['task.created'], processId });
    await server.running.services.engine.createInstance(processId, { dealerId: 'dealer2', caseRef: 'HOOK-FLAKY' });

    // the first try fails, and the delivery waits for its back-off (a tick at the same moment sends nothing)
    expect(await worker().tick(new Date((clock += DAY)))).toEqual({ delivered: 0, failed: 1 });
    expect(await worker().tick(new Date(clock))).toEqual({ delivered: 0, failed: 0 });
    const waiting = await repo(WebhookDelivery).findOneByOrFail({ subscriptionId: webhook.id });
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(clock);
    await tick();
    await tick();
    await tick();

    const got = receiver.received('/flaky');
    expect(got).toHaveLength(3);
    expect(new Set(got.map((r) => JSON.parse(r.body).id)).size).toBe(1);
    expect(got.every((r) => verified(secret, r.headers['dealerflow-signature'], r.body))).toBe(true);
    const [delivery] = await deliveriesOf(webhook.id);
    expect(delivery.status).toBe('delivered');
    expect(delivery.attempts.map((a) => [a.outcome, a.responseCode, a.error])).toEqual([['failed', 500, 'The receiver answered 500'], ['failed', 502, 'The receiver answered 502'], ['ok', 200, null]]);
    expect((await repo(WebhookAttempt).findBy({ deliveryId: delivery.id }))[0].responseExcerpt).toBe('database down');
    expect((await repo(WebhookSubscription).findOneByOrFail({ id: webhook.id })).consecutiveFailures).toBe(0);
  });

  it('disables a subscription after N failures in a row and tells the admins', async () => {
    const processId = await freshProcess();
    receiver.answer('/down', [], { status: 503 });
    const { webhook } = await subscribe('/down', { events: ['task.created'], processId });
    await server.running.services.engine.createInstance(processId, { caseRef: 'HOOK-DOWN-1' });
    await server.running.services.engine.createInstance(processId, { caseRef: 'HOOK-DOWN-2' });

    for (let i = 0; i < 6; i += 1) await tick();

    // three failures (the limit in this test) and nothing after
    expect(receiver.received('/down')).toHaveLength(3);
    const stored = await repo(WebhookSubscription).findOneByOrFail({ id: webhook.id });
    expect(stored).toMatchObject({ enabled: false, disabledBy: 'failures', consecutiveFailures: 3 });
    expect((await repo(WebhookDelivery).findBy({ subscriptionId: webhook.id })).map((d) => d.status)).toEqual(['pending', 'pending']);
    const told = await repo(Notification).findBy({ recipient: 'admin', kind: 'webhook.disabled' });
    expect(told.map((n) => n.params)).toEqual([expect.objectContaining({ url: receiver.url('/down'), failures: 3 })]);

    // when the receiver is back and an admin enables the subscription, the waiting deliveries go out
    receiver.answer('/down', []);
    await (await server.as('admin')).post(`/api/webhooks/${webhook.id}/enable`).expect(200);
    await tick();
    expect(receiver.received('/down')).toHaveLength(5);
    expect((await repo(WebhookDelivery).findBy({ subscriptionId: webhook.id })).map((d) => d.status)).toEqual(['delivered', 'delivered']);
  });

  it('refuses private, local and metadata addresses with a clear 400 and saves nothing', async () => {
    const admin = await server.as('admin');
    const before = await repo(WebhookSubscription).count();
    for (const url of ['http://10.1.2.3/hook', 'http://169.254.169.254/latest/meta-data/', 'http://[fd00:ec2::254]/', 'http://192.168.1.10/', 'http://[::1]:8080/', 'http://0.0.0.0/', 'http://[::ffff:172.16.0.1]/']) {
      const response = await admin.post('/api/webhooks').send({ url, events: ['task.created'] });
      expect({ url, status: response.status, code: response.body.code, details: response.body.details }).toEqual({ url, status: 400, code: 'validation_failed', details: [{ field: 'url', message: 'points at a private, local or metadata address' }] });
      expect(response.body.message).toMatch(/private, local or metadata/);
    }
    const ftp = await admin.post('/api/webhooks').send({ url: 'ftp://example.com/x', events: ['task.created'] });
    expect(ftp.status).toBe(400);
    expect(await repo(WebhookSubscription).count()).toBe(before);
  });

  it('never follows a redirect, and checks the address again at delivery time', async () => {
    const processId = await freshProcess();
    receiver.answer('/moved', [], { status: 302, headers: { Location: receiver.url('/metadata-stand-in') } });
    const { webhook } = await subscribe('/moved', { events: ['task.created'], processId });
    await server.running.services.engine.createInstance(processId, { caseRef: 'HOOK-REDIRECT' });
    await tick();
    expect(receiver.received('/moved')).toHaveLength(1);
    expect(receiver.received('/metadata-stand-in')).toHaveLength(0);
    const [delivery] = await deliveriesOf(webhook.id);
    expect(delivery.attempts.map((a) => [a.outcome, a.responseCode, a.error])).toEqual([['failed', 302, 'Redirect (302) not followed']]);

    // a worker whose rules no longer allow the receiver's address sends nothing and logs why
    const strict = new WebhookDeliveryWorker(server.running.dataSource, new AddressPolicy([]), new SecretBox(SESSION_SECRET), { maxAttempts: 5, firstRetryMs: 1000, disableAfterFailures: 10, timeoutMs: 3000 });
    await strict.tick(new Date((clock += DAY)));
    expect(receiver.received('/moved')).toHaveLength(1);
    const [again] = await deliveriesOf(webhook.id);
    expect(again.attempts.at(-1)).toMatchObject({ outcome: 'failed', responseCode: null, error: expect.stringMatching(/127\.0\.0\.1 is a private, local or metadata address/) });
    await (await server.as('admin')).post(`/api/webhooks/${webhook.id}/disable`).expect(200);
  });

  it('delivers once per event and subscription when two servers\' workers race', async () => {
    const processId = await freshProcess();
    receiver.answer('/race', [], { status: 200, delayMs: 30 });
    const { webhook } = await subscribe('/race', { events: ['task.created'], processId });
    for (let i = 0; i < 8; i += 1) await server.running.services.engine.createInstance(processId, { caseRef: `HOOK-RACE-${i}` });
    // a second server: its own connection pool and worker on the same database
    const second = new DataSource({ ...server.running.dataSource.options, migrationsRun: false } as never);
    await second.initialize();
    try {
      const other = new WebhookDeliveryWorker(second, new AddressPolicy(['127.0.0.1']), new SecretBox(SESSION_SECRET), { maxAttempts: 5, firstRetryMs: 1000, disableAfterFailures: 10, timeoutMs: 3000, batch: 3 });
      const at = new Date((clock += DAY));
      for (let round = 0; round < 4; round += 1) await Promise.all([worker().tick(at), other.tick(at), worker().tick(at), other.tick(at)]);
    } finally {
      await second.destroy();
    }
    const ids = receiver.received('/race').map((r) => JSON.parse(r.body).id as string);
    expect(ids).toHaveLength(8);
    expect(new Set(ids).size).toBe(8);
    const log = await deliveriesOf(webhook.id);
    expect(log.map((d) => [d.status, d.attempts.length])).toEqual(Array.from({ length: 8 }, () => ['delivered', 1]));
  });

  it('never delivers an event whose transaction rolled back (the engine step failed, or the writer crashed before commit)', async () => {
    const processId = await freshProcess();
    const { webhook } = await subscribe('/rolled-back', { events: ['task.created', 'instance.completed'], processId });
    // an engine step that fails after the webhook's row is written
    const unsubscribe = server.running.services.engine.on('userTask.created', (event) => {
      if (event.task.bpmnProcessId === processId) throw new Error('crash inside the step');
    });
    try {
      await expect(server.running.services.engine.createInstance(processId, { caseRef: 'HOOK-ROLLBACK' })).rejects.toThrow('crash inside the step');
    } finally {
      unsubscribe();
    }
    // and a writer whose own transaction dies after recording
    await expect(server.running.dataSource.transaction(async (manager) => {
      await new WebhookOutbox().record(manager, { type: 'task.created', key: 'task.created:never', processId, dealerId: null, data: {} });
      expect(await manager.countBy(WebhookEvent, { eventKey: 'task.created:never' })).toBe(1);
      throw new Error('killed before commit');
    })).rejects.toThrow('killed before commit');

    await tick();
    expect(receiver.received('/rolled-back')).toHaveLength(0);
    expect(await repo(WebhookEvent).countBy({ processId })).toBe(0);
    expect(await deliveriesOf(webhook.id)).toEqual([]);
  });

  it('tells task completion and the case\'s end, and redelivers one delivery on request (once, even when asked twice at once)', async () => {
    const processId = await freshProcess();
    const { webhook, secret } = await subscribe('/lifecycle', { events: ['task.completed', 'instance.completed', 'instance.cancelled'], processId, dealerId: 'dealer1' });
    const engine = server.running.services.engine;
    const { processInstanceKey } = await engine.createInstance(processId, { dealerId: 'dealer1', caseRef: 'HOOK-LIFE' });
    const cancelled = await engine.createInstance(processId, { dealerId: 'dealer1', caseRef: 'HOOK-CANCEL' });
    await engine.createInstance(processId, { dealerId: 'dealer2', caseRef: 'HOOK-OTHER-DEALER' }).then((ref) => engine.cancelInstance(ref.processInstanceKey));
    const [task] = await engine.searchUserTasks({ processInstanceKey, state: 'CREATED' });
    await engine.completeUserTask(task.key, { ok: true });
    await engine.cancelInstance(cancelled.processInstanceKey);
    await tick();
    const types = receiver.received('/lifecycle').map((r) => JSON.parse(r.body) as { type: string; data: { processInstanceKey: string } });
    expect(types.map((b) => [b.type, b.data.processInstanceKey]).sort()).toEqual([['instance.cancelled', cancelled.processInstanceKey], ['instance.completed', processInstanceKey], ['task.completed', processInstanceKey]].sort());

    const admin = await server.as('admin');
    const delivery = (await deliveriesOf(webhook.id)).find((d) => d.eventType === 'instance.completed')!;
    const asked = await Promise.all([admin.post(`/api/webhooks/deliveries/${delivery.id}/redeliver`), admin.post(`/api/webhooks/deliveries/${delivery.id}/redeliver`)]);
    expect(asked.map((r) => r.status).sort()).toEqual([202, 409]);
    await tick();
    const again = receiver.received('/lifecycle').slice(3);
    expect(again).toHaveLength(1);
    expect(JSON.parse(again[0].body).type).toBe('instance.completed');
    expect(verified(secret, again[0].headers['dealerflow-signature'], again[0].body)).toBe(true);
    expect((await deliveriesOf(webhook.id)).find((d) => d.id === delivery.id)!.attempts.map((a) => a.outcome)).toEqual(['ok', 'ok']);
  });

  it('tells a lead given to a dealer, with the dealer by name, to a subscription filtered by that dealer', async () => {
    const { webhook } = await subscribe('/leads', { events: ['lead.assigned'], dealerId: 'dealer2' });
    const site = await server.as('brand.site');
    const intake = await site.post('/api/leads').send({ customerName: 'Вебхук Тест', phone: '+7 900 111-22-33', regionCode: '16', model: 'Sportage', source: 'test-drive', externalId: `hook-${_kind}` });
    expect(intake.status).toBe(201);
    const offer = await eventually(async () => {
      const [task] = (await server.running.services.engine.searchUserTasks({ state: 'CREATED', elementId: 'AcceptLead' })).filter((t) => t.variables.caseRef === intake.body.caseRef);
      if (!task) throw new Error('no offer yet');
      return task;
    }, 20_000);
    expect(offer.variables.dealerId).toBe('dealer2');
    await server.running.services.engine.completeUserTask(offer.key, { leadDecision: 'accept' });
    // the acceptance is recorded by the lead-routing plugin's job, a moment after the task
    await eventually(async () => {
      await tick();
      expect(receiver.received('/leads')).toHaveLength(1);
    }, 20_000);
    const got = receiver.received('/leads').map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> });
    expect(got).toEqual([expect.objectContaining({ type: 'lead.assigned', data: expect.objectContaining({ leadId: intake.body.id, caseRef: intake.body.caseRef, dealerId: 'dealer2', dealerName: 'Автоцентр Казань', model: 'Sportage', processId: 'lead-distribution' }) })]);
    expect((await deliveriesOf(webhook.id)).map((d) => d.status)).toEqual(['delivered']);
  });

  it('is verified by the guide\'s Node receiver and Python function, which refuse a tampered body or an old timestamp', async () => {
    const processId = await freshProcess();
    const port = await freePort();
    const { webhook, secret } = await subscribe('/guide-copy', { events: ['task.created'], processId });
    const direct = await (await server.as('admin')).post('/api/webhooks').send({ url: `http://127.0.0.1:${port}/`, events: ['task.created'], processId }).expect(201);
    expect(direct.body.secret).not.toBe(secret);
    const node = spawn(process.execPath, ['-e', example('js')], { env: { ...process.env, WEBHOOK_SECRET: direct.body.secret as string, PORT: String(port) } });
    let printed = '';
    node.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    try {
      // the receiver listens before the event is made: its first delivery is the one that counts
      await eventually(() => accepting(port), 30_000);
      await server.running.services.engine.createInstance(processId, { caseRef: 'HOOK-GUIDE' });
      await tick();
      await eventually(async () => expect(printed).toMatch(/^verified evt_\d+ task\.created$/m), 30_000);
      expect((await deliveriesOf(direct.body.webhook.id as string)).map((d) => [d.status, d.attempts.map((a) => a.responseCode)])).toEqual([['delivered', [204]]]);
    } finally {
      node.kill();
    }
    const [copy] = receiver.received('/guide-copy');
    const header = String(copy.headers['dealerflow-signature']);
    const python = (body: string, now = 'None') => execFileSync('python3', ['-c', `${example('python')}\nimport sys\nprint(verify(sys.argv[1], sys.argv[2], sys.argv[3].encode(), ${now}))`, secret, header, body]).toString().trim();
    expect(python(copy.body)).toBe('True');
    expect(python(copy.body.replace('HOOK-GUIDE', 'HOOK-GUESS'))).toBe('False');
    expect(python(copy.body, String(Math.floor(Date.now() / 1000) + 600))).toBe('False');
    expect((await deliveriesOf(webhook.id)).map((d) => d.status)).toEqual(['delivered']);
  });

  it('keeps subscriptions to admins: others get 403 and create nothing', async () => {
    const staff = await server.as('dealer1.manager');
    expect((await staff.get('/api/webhooks')).status).toBe(403);
    const before = await repo(WebhookSubscription).count();
    expect((await staff.post('/api/webhooks').send({ url: receiver.url('/x'), events: ['task.created'] })).status).toBe(403);
    expect(await repo(WebhookSubscription).count()).toBe(before);
  });
});
