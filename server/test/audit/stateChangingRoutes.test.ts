import type Koa from 'koa';
import pino from 'pino';
import type { Response } from 'supertest';
import { createApp } from '../../src/app';
import { ProcessDefinition } from '../../src/processes/ProcessDefinition';
import { flakyProcess } from '../instances/flakyProcess';
import { eventually } from '../support/eventually';
import { linearProcess, userTaskFor } from '../support/linearProcess';
import { registeredRoutes } from '../support/registeredRoutes';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';
import { tinyProcess } from '../support/tinyProcess';
import { paymentProcess } from '../messages/paymentProcess';
import { WebhookDelivery } from '../../src/webhooks/WebhookDelivery';

/** Every POST, PUT, PATCH and DELETE the app's routers register, as `METHOD /path`. */
function stateChangingRoutes(app: Koa): string[] {
  return registeredRoutes(app).filter((route) => /^(POST|PUT|PATCH|DELETE) /.test(route));
}

/** Routes that write no audit entry, and why. */
const unaudited: Record<string, string> = {
  'POST /api/sandbox/runs': 'a test run on a throwaway in-memory engine: nothing durable changes',
  'POST /api/sandbox/runs/:id/tasks/:taskKey/complete': 'a test run on a throwaway in-memory engine: nothing durable changes',
  'DELETE /api/sandbox/runs/:id': 'a test run on a throwaway in-memory engine: nothing durable changes',
  'POST /api/decisions/test-runs': 'a test run of a draft decision, evaluated in memory: nothing durable changes',
  'POST /api/decisions/review': 'compares a DMN file with the deployed versions before a deploy: it only reads',
  'POST /api/me/notifications/:id/read': 'a person\'s own read mark on their own notification: no case, task or shared record changes',
  'POST /api/me/notifications/read-all': 'a person\'s own read marks on their own notifications: no case, task or shared record changes',
};

const walkForm = { id: 'walk-form', title: { ru: 'Обход', en: 'Walk' }, schema: { type: 'object', properties: { note: { type: 'string', 'x-classification': 'internal' } } } };
const walkProcess = (firstName: string) => linearProcess({
  id: 'walk',
  name: 'Walk',
  steps: [
    { id: 'First', name: firstName, extensions: userTaskFor('dealer-staff, dealer-manager', 'walk-form') },
    { id: 'Second', name: 'Second', extensions: userTaskFor('dealer-staff, dealer-manager', 'walk-form') },
  ],
});
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** One route of the walk: who calls it, the entry it must write, and the call. */
interface Visit {
  route: string;
  actor: string;
  action: string;
  send: () => Promise<Response>;
  /** The request moves a case on, so the engine's steps write entries of their own after the route's one. */
  engineFollows?: boolean;
}

describe.each(testDatabases())('the audit trail of every state-changing route on %s', (_kind, database) => {
  let server: TestServer;
  let releaseWorker: () => void = () => undefined;
  let closeWorker: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    server = await startTestServer(database());
    server.running.webhookJobs.stop();
  });
  afterAll(async () => {
    releaseWorker();
    await closeWorker();
    await server.stop();
  });
  const as = (username: string) => server.as(username);
  const entriesAfter = async (seq: number) => ((await server.running.dataSource.query('SELECT seq, actor, action FROM audit_entry WHERE seq > ? ORDER BY seq', [seq])) as { seq: number | string; actor: string; action: string }[])
    .map((e) => ({ seq: Number(e.seq), actor: e.actor, action: e.action }));
  const userId = async (username: string) => ((await server.running.dataSource.query('SELECT id FROM app_user WHERE username = ?', [username])) as { id: string }[])[0].id;
  const lastSeq = async () => Number(((await server.running.dataSource.query('SELECT MAX(seq) AS seq FROM audit_entry')) as { seq: number | string | null }[])[0].seq ?? 0);

  /** Starts a walk case for dealer1 and returns its instance key and the key of its open task. */
  async function walkCase(): Promise<{ instanceKey: string; taskKey: string }> {
    const started = await (await as('admin')).post('/api/process-instances').send({ bpmnProcessId: 'walk', variables: {}, dealerId: 'dealer1' });
    const taskKey = await eventually(async () => {
      const items = (await (await as('dealer1.staff')).get('/api/tasks?processId=walk')).body.items as { key: string; processInstanceKey: string }[];
      const task = items.find((t) => t.processInstanceKey === started.body.instanceKey);
      if (!task) throw new Error('no task yet');
      return task.key;
    });
    return { instanceKey: started.body.instanceKey as string, taskKey };
  }

  /** An incident on a one-task flaky process; its worker holds the retried job until the walk is over. */
  async function incidentKey(): Promise<string> {
    const engine = server.running.services.engine;
    const deployed = await engine.deploy([flakyProcess]);
    await server.running.dataSource.getRepository(ProcessDefinition).insert({ key: deployed.processes[0].processDefinitionKey, bpmnProcessId: 'instances-flaky', version: 1, name: 'Flaky', startFormId: null, resourceName: flakyProcess.name, deployedAt: new Date(), deployedBy: 'test' });
    const released = new Promise<void>((resolve) => (releaseWorker = resolve));
    let attempts = 0;
    const worker = engine.createWorker('instances-flaky', async (_job, act) => (++attempts === 1 ? act.fail({ retries: 0, errorMessage: 'registry unreachable' }) : released.then(() => act.complete({}))));
    closeWorker = () => worker.close();
    const { processInstanceKey } = await engine.createInstance('instances-flaky', { dealerId: 'dealer1', caseRef: 'FLAKY-1' });
    return eventually(async () => {
      const [incident] = (await (await as('admin')).get(`/api/process-instances/${processInstanceKey}`)).body.incidents as { key: string }[];
      if (!incident) throw new Error('no incident yet');
      return incident.key;
    });
  }

  it('writes exactly one entry, with the right action and actor, for each', async () => {
    const admin = await as('admin');
    const deploy = (name: string, xml: string) => admin.post('/api/deployments').send({ resources: [{ name, content: xml }, { name: 'walk-form.form.json', content: JSON.stringify(walkForm) }] });
    expect((await deploy('walk.bpmn', walkProcess('First'))).status).toBe(201);
    expect((await deploy('walk.bpmn', walkProcess('First step'))).status).toBe(201);
    const onCase = await walkCase();
    const toCancel = await walkCase();
    const incident = await incidentKey();
    const [approval] = (await (await as('approver.warranty')).get('/api/approvals')).body.items as { key: string }[];
    const vehicles = (await (await as('dealer1.manager')).post('/api/process-instances').send({ bpmnProcessId: 'vehicle-allocation', variables: { lines: [{ model: 'Seltos', colour: 'Синий', quantity: 1 }] } })).body as { caseRef: string };
    await eventually(async () => expect((await (await as('dealer1.manager')).get('/api/reservations')).body.items).toEqual([expect.objectContaining({ caseRef: vehicles.caseRef, state: 'pending' })]));
    const lockedTender = await eventually(async () => {
      const [tender] = (await (await as('approver.sales')).get('/api/tenders?state=locked')).body.items as { caseRef: string }[];
      expect(tender).toBeDefined();
      return tender;
    });
    const leaving = (await import('supertest')).default.agent(server.running.url);
    expect((await leaving.post('/api/auth/login').send({ username: 'dealer2.staff', password: 'demo' })).status).toBe(200);
    let viewId = '';
    let token = { id: '', secret: '' };
    let webhookId = '';
    const integration = () => ({ Authorization: `Bearer ${token.secret}` });
    const payment = await server.running.services.engine.deploy([paymentProcess]);
    await server.running.dataSource.getRepository(ProcessDefinition).insert({ key: payment.processes[0].processDefinitionKey, bpmnProcessId: 'payment-wait', version: 1, name: 'Payment wait', startFormId: null, resourceName: paymentProcess.name, deployedAt: new Date(), deployedBy: 'test' });
    await server.running.services.engine.createInstance('payment-wait', { dealerId: 'dealer1', caseRef: 'WALK-PAY-1' });

    const walk: Visit[] = [
      { route: 'POST /api/auth/login', actor: 'dealer3.staff', action: 'auth.login', send: () => server.anonymous().post('/api/auth/login').send({ username: 'dealer3.staff', password: 'demo' }) },
      { route: 'POST /api/auth/logout', actor: 'dealer2.staff', action: 'auth.logout', send: () => leaving.post('/api/auth/logout') },
      { route: 'PATCH /api/dealers/:id', actor: 'dealer1.manager', action: 'dealer.update', send: async () => (await as('dealer1.manager')).patch('/api/dealers/dealer1').send({ territoryCodes: ['77-1'] }) },
      { route: 'PUT /api/designer/drafts/:processId', actor: 'admin', action: 'draft.save', send: () => admin.put('/api/designer/drafts/walk-draft').send({ xml: tinyProcess({ id: 'walk-draft' }), forms: [], revision: 0 }) },
      { route: 'PUT /api/forms/:formId', actor: 'admin', action: 'form.draft.save', send: () => admin.put('/api/forms/walk-form-next').send({ ...walkForm, id: 'walk-form-next' }) },
      { route: 'POST /api/deployments', actor: 'admin', action: 'deployment.create', send: () => admin.post('/api/deployments').send({ resources: [{ name: 'walk-form.form.json', content: JSON.stringify(walkForm) }] }) },
      { route: 'POST /api/process-instances', actor: 'admin', action: 'instance.start', send: () => admin.post('/api/process-instances').send({ bpmnProcessId: 'walk', variables: {}, dealerId: 'dealer1' }) },
      { route: 'POST /api/process-instances/:key/comments', actor: 'dealer1.staff', action: 'comment.add', send: async () => (await as('dealer1.staff')).post(`/api/process-instances/${onCase.instanceKey}/comments`).send({ body: 'A remark' }) },
      { route: 'POST /api/process-instances/:key/attachments', actor: 'dealer1.staff', action: 'attachment.add', send: async () => (await as('dealer1.staff')).post(`/api/process-instances/${onCase.instanceKey}/attachments?name=photo.png`).set('Content-Type', 'image/png').send(png) },
      { route: 'POST /api/stock/import', actor: 'admin', action: 'stock.import', send: async () => admin.post('/api/stock/import?name=stock.csv').set('Content-Type', 'text/csv').send(Buffer.from('VIN;Модель;Комплектация;Цвет;Год;Склад;Цена\nXWENW00000000W001;Niro;Comfort;Белый;2026;Склад Казань;3600000\n')) },
      { route: 'POST /api/finance/ledger/:dealerId', actor: 'admin', action: 'ledger.book', send: () => admin.post('/api/finance/ledger/dealer1').send({ kind: 'payment', reference: 'PAY-WALK-1', amount: 1000, bookedAt: '2026-12-01' }) },
      { route: 'POST /api/process-instances/:key/cancel', actor: 'admin', action: 'instance.terminate', send: () => admin.post(`/api/process-instances/${toCancel.instanceKey}/cancel`) },
      { route: 'POST /api/processes/:processId/versions/:version/rollback', actor: 'admin', action: 'deployment.create', send: () => admin.post('/api/processes/walk/versions/1/rollback') },
      { route: 'POST /api/tasks/:key/claim', actor: 'dealer1.staff', action: 'task.claim', send: async () => (await as('dealer1.staff')).post(`/api/tasks/${onCase.taskKey}/claim`) },
      { route: 'POST /api/tasks/:key/unclaim', actor: 'dealer1.staff', action: 'task.unclaim', send: async () => (await as('dealer1.staff')).post(`/api/tasks/${onCase.taskKey}/unclaim`) },
      { route: 'POST /api/tasks/:key/assign', actor: 'dealer1.manager', action: 'task.assign', send: async () => (await as('dealer1.manager')).post(`/api/tasks/${onCase.taskKey}/assign`).send({ assignee: 'dealer1.staff' }) },
      { route: 'PUT /api/tasks/:key/draft', actor: 'dealer1.staff', action: 'task.draft', send: async () => (await as('dealer1.staff')).put(`/api/tasks/${onCase.taskKey}/draft`).send({ variables: { note: 'wip' } }) },
      { route: 'POST /api/tasks/:key/complete', actor: 'dealer1.staff', action: 'task.complete', send: async () => (await as('dealer1.staff')).post(`/api/tasks/${onCase.taskKey}/complete`).send({ variables: { note: 'done' } }) },
      { route: 'POST /api/approvals/decide', actor: 'approver.warranty', action: 'task.complete', send: async () => (await as('approver.warranty')).post('/api/approvals/decide').send({ taskIds: [approval.key], decision: 'requestInfo', reason: 'Send the diagnosis report' }) },
      {
        route: 'POST /api/me/views', actor: 'dealer1.staff', action: 'view.save', send: async () => {
          const response = await (await as('dealer1.staff')).post('/api/me/views').send({ name: 'Open', filters: { state: 'open' } });
          viewId = response.body.id as string;
          return response;
        },
      },
      { route: 'PUT /api/me/notification-preferences', actor: 'dealer1.staff', action: 'notification.preferences', send: async () => (await as('dealer1.staff')).put('/api/me/notification-preferences').send({ kinds: [{ kind: 'task.sla', inApp: true, email: 'daily' }] }) },
      { route: 'PUT /api/kpi/plans', actor: 'approver.sales', action: 'kpi.plan.save', send: async () => (await as('approver.sales')).put('/api/kpi/plans').send({ month: '2026-11', plans: [{ dealerId: 'dealer2', measure: 'leadsTaken', target: 25 }] }) },
      { route: 'DELETE /api/me/views/:id', actor: 'dealer1.staff', action: 'view.delete', send: async () => (await as('dealer1.staff')).delete(`/api/me/views/${viewId}`) },
      { route: 'POST /api/incidents/:key/retry', actor: 'admin', action: 'incident.resolve', send: () => admin.post(`/api/incidents/${incident}/retry`) },
      {
        route: 'POST /api/api-tokens', actor: 'admin', action: 'apiToken.create', send: async () => {
          const response = await admin.post('/api/api-tokens').send({ name: 'walk', roles: ['integration'], expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
          token = { id: response.body.token.id as string, secret: response.body.secret as string };
          return response;
        },
      },
      { route: 'POST /api/messages', actor: 'api:walk', action: 'message.publish', send: () => server.anonymous().post('/api/messages').set(integration()).send({ name: 'nobody-waits', correlationKey: 'x', timeToLive: 0 }) },
      { route: 'POST /api/messages/correlate', actor: 'api:walk', action: 'message.correlate', send: () => server.anonymous().post('/api/messages/correlate').set(integration()).send({ name: 'payment-received', correlationKey: 'WALK-PAY-1' }) },
      { route: 'POST /api/api-tokens/:id/revoke', actor: 'admin', action: 'apiToken.revoke', send: () => admin.post(`/api/api-tokens/${token.id}/revoke`) },
      {
        route: 'POST /api/webhooks', actor: 'admin', action: 'webhook.create', send: async () => {
          const response = await admin.post('/api/webhooks').send({ url: 'https://93.184.215.14/walk', events: ['lead.assigned'], dealerId: 'dealer3' });
          webhookId = response.body.webhook.id as string;
          return response;
        },
      },
      {
        route: 'POST /api/webhooks/deliveries/:deliveryId/redeliver', actor: 'admin', action: 'webhook.redeliver', send: async () => {
          // a delivery that gave up earlier, written as the outbox writes one
          await server.running.dataSource.transaction((manager) => server.running.services.webhooks.outbox.record(manager, { type: 'lead.assigned', key: 'lead.assigned:walk', processId: 'lead-distribution', dealerId: 'dealer3', data: {} }));
          const delivery = await server.running.dataSource.getRepository(WebhookDelivery).findOneByOrFail({ subscriptionId: webhookId });
          await server.running.dataSource.getRepository(WebhookDelivery).update({ id: delivery.id }, { status: 'failed' });
          return admin.post(`/api/webhooks/deliveries/${delivery.id}/redeliver`);
        },
      },
      { route: 'POST /api/webhooks/:id/disable', actor: 'admin', action: 'webhook.disable', send: () => admin.post(`/api/webhooks/${webhookId}/disable`) },
      { route: 'POST /api/webhooks/:id/enable', actor: 'admin', action: 'webhook.enable', send: () => admin.post(`/api/webhooks/${webhookId}/enable`) },
      { route: 'PUT /api/user-accounts/:id/roles', actor: 'admin', action: 'user.roles', send: async () => admin.put(`/api/user-accounts/${await userId('approver.finance')}/roles`).send({ roles: ['distributor-approver', 'auditor'] }) },
      { route: 'POST /api/user-accounts/:id/disable', actor: 'admin', action: 'user.disable', send: async () => admin.post(`/api/user-accounts/${await userId('approver.finance')}/disable`) },
      { route: 'POST /api/user-accounts/:id/enable', actor: 'admin', action: 'user.enable', send: async () => admin.post(`/api/user-accounts/${await userId('approver.finance')}/enable`) },
      // last: the engine's steps after it (stock released, case ended) must not fall into another visit's entries
      { route: 'POST /api/reservations/:caseRef/cancel', actor: 'dealer1.manager', action: 'allocation.cancel', send: async () => (await as('dealer1.manager')).post(`/api/reservations/${vehicles.caseRef}/cancel`).send({ reason: 'Клиент передумал' }), engineFollows: true },
      { route: 'POST /api/leads', actor: 'brand.site', action: 'lead.create', send: async () => (await as('brand.site')).post('/api/leads').send({ customerName: 'Обход', phone: '+7 900 000-00-00', regionCode: '77', model: 'Rio', source: 'site', externalId: 'walk-1' }), engineFollows: true },
      { route: 'POST /api/uploads', actor: 'dealer1.staff', action: 'upload.stage', send: async () => (await as('dealer1.staff')).post('/api/uploads?name=notice.png').set('Content-Type', 'image/png').send(png) },
      { route: 'POST /api/tenders/products', actor: 'admin', action: 'tender.product.create', send: () => admin.post('/api/tenders/products').send({ code: 'EV9', name: 'EV9' }) },
      { route: 'PATCH /api/tenders/products/:code', actor: 'admin', action: 'tender.product.update', send: () => admin.patch('/api/tenders/products/EV9').send({ active: false }) },
      // the demo tender of dealer1 is locked; extending it restarts the case's lock period
      { route: 'POST /api/tenders/:caseRef/extend', actor: 'approver.sales', action: 'tender.extend', send: async () => (await as('approver.sales')).post(`/api/tenders/${lockedTender.caseRef}/extend`).send({ days: 7, reason: 'Заказчик перенёс торги' }), engineFollows: true },
    ];

    // Every state-changing route is walked or named as writing nothing durable: a new route must join one list.
    const app = createApp(server.running.services, { logger: pino({ level: 'silent' }), sessionSecret: 'walk', engine: { name: 'embedded', check: async () => 'up' } });
    expect([...new Set(stateChangingRoutes(app))].sort()).toEqual([...walk.map((v) => v.route), ...Object.keys(unaudited)].sort());

    // Sessions open before the walk (a sign-in is an entry), and demo cases settle (their workers write entries of their own).
    for (const username of ['dealer1.staff', 'dealer1.manager', 'approver.warranty', 'approver.sales']) await as(username);
    const settled = () => eventually(async () => {
      const before = await lastSeq();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await lastSeq()).toBe(before);
    }, 30_000);
    await settled();
    for (const visit of walk) {
      const before = await lastSeq();
      const response = await visit.send();
      expect({ route: visit.route, status: response.status < 300 ? 'ok' : `${response.status} ${JSON.stringify(response.body)}` }).toEqual({ route: visit.route, status: 'ok' });
      const entries = (await entriesAfter(before)).map((e) => ({ actor: e.actor, action: e.action })).filter((e) => !visit.engineFollows || e.action === visit.action);
      expect({ route: visit.route, entries }).toEqual({ route: visit.route, entries: [{ actor: visit.actor, action: visit.action }] });
      // what the engine goes on to do (a lead routed, a reservation released) lands before the next visit, not during it
      if (visit.engineFollows) await settled();
    }
  }, 120_000);
});
