import fc from 'fast-check';
import type TestAgent from 'supertest/lib/agent';
import { apiRouters } from '../../src/http/apiRouters';
import { attachmentRoutes } from '../../src/attachments/attachmentRoutes';
import { uploadRoutes } from '../../src/attachments/uploadRoutes';
import { Tender } from '../../src/tenders/Tender';
import { Dealer } from '../../src/entities/Dealer';
import { User } from '../../src/entities/User';
import { IncidentRecord } from '../../src/instances/IncidentRecord';
import { FormRecord } from '../../src/processes/FormRecord';
import { Task } from '../../src/tasks/Task';
import { SavedView } from '../../src/views/SavedView';
import { Notification } from '../../src/notifications/Notification';
import { ApiToken } from '../../src/tokens/ApiToken';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';
import { changedTables, settledDigests, tableDigests } from './databaseFingerprint';
import { requests, type FuzzRequest, type KnownIds, type RouteSpec } from './requestArbitraries';

/** Requests per route: `npm test` runs a bounded, seeded sample; `npm run fuzz` raises FUZZ_RUNS (and may vary FUZZ_SEED). */
const runs = Number(process.env.FUZZ_RUNS ?? 3);
const seed = Number(process.env.FUZZ_SEED ?? 20261201);

/** A refused sign-in is itself recorded in the audit trail: that is the one write a 4xx may cause. */
const auditTables = new Set(['audit_entry', 'audit_head']);

const roles = ['anonymous', 'admin', 'approver.warranty', 'approver.sales', 'dealer1.manager', 'dealer1.staff', 'dealer2.staff', 'auditor', 'brand.site', 'token:integration'];

/** A bearer call records the token's last use (at most once a minute), whatever it answers: bookkeeping, like a refused sign-in's entry. */
const tokenTables = new Set(['api_token']);

/** Routes that never answer on their own (the event stream) stay out of the fuzz. */
const skipped = new Set(['GET /api/tasks/stream']);

const claim = { vin: 'XW8AN2NE3PH000999', mileage: 12000, repairDate: '2026-11-20', defectCode: 'B1001', defectDescription: 'Стеклоподъёмник', parts: [{ partNumber: 'P-1', name: 'Мотор', quantity: 1, price: 1000 }], labourHours: 1 };

/** Known-good bodies per route, which the fuzz mutates so requests get past the first checks. */
const samples: Record<string, Record<string, unknown>[]> = {
  'POST /api/auth/login': [{ username: 'dealer1.staff', password: 'demo' }, { username: 'dealer1.staff', password: 'wrong' }],
  'POST /api/process-instances': [{ bpmnProcessId: 'warranty-claim', variables: claim }, { bpmnProcessId: 'tender-reservation', variables: { customerInn: '7707083893', customerName: 'ПАО «Сбербанк»', tenderNumber: '0373100056024000900', platform: 'eis-44', tenderObject: 'Автомобили', products: [{ productCode: 'K5', quantity: 1 }], expectedDate: '2027-02-01', documents: [{ id: '00000000-0000-4000-8000-000000000000', fileName: 'a.pdf' }] } }],
  'POST /api/tasks/:key/complete': [{ variables: { decision: 'approve', decisionReason: 'ok', approvedAmount: 100 } }, { variables: { dealerResponse: 'Приложили видео' } }],
  'PUT /api/tasks/:key/draft': [{ variables: { decisionReason: 'черновик' } }],
  'POST /api/tasks/:key/assign': [{ assignee: 'dealer1.staff' }, { assignee: 'approver.warranty', revision: 1 }],
  'POST /api/approvals/decide': [{ taskIds: ['1'], decision: 'approve', reason: 'ok' }],
  'POST /api/process-instances/:key/comments': [{ body: 'Комментарий' }],
  'POST /api/me/views': [{ name: 'Мои', filters: { state: 'open' } }],
  'PUT /api/me/notification-preferences': [{ address: 'staff@dealer1.example', kinds: [{ kind: 'task.created', inApp: false, email: 'daily' }] }, { address: null }],
  'PATCH /api/dealers/:id': [{ name: 'Автоцентр' }, { creditLimit: 1 }],
  'POST /api/incidents/:key/retry': [{ retries: 1 }],
  'PUT /api/designer/drafts/:processId': [{ xml: '<x/>', forms: [], revision: 0 }],
  'PUT /api/forms/:formId': [{ id: 'f', title: { ru: 'Ф', en: 'F' }, schema: { type: 'object' } }],
  'POST /api/deployments': [{ resources: [{ name: 'a.bpmn', content: '<definitions/>' }] }],
  'POST /api/sandbox/runs': [{ xml: '<definitions/>' }],
  'POST /api/api-tokens': [{ name: 'erp', roles: ['integration'], dealerId: 'dealer1', expiresAt: new Date(Date.now() + 86_400_000).toISOString() }],
  'POST /api/messages': [{ name: 'payment-received', correlationKey: 'WC-1', timeToLive: 1000, messageId: 'm-1', variables: { paid: true } }],
  'POST /api/messages/correlate': [{ name: 'vehicle-allocation-cancel', correlationKey: 'VA-1', variables: {} }],
  'POST /api/leads': [{ customerName: 'Клиент', phone: '+7 900 000-00-00', regionCode: '16', model: 'Rio', source: 'site', externalId: 'fuzz-1' }, { customerName: 'Клиент', phone: '+7 900 000-00-01', cityCode: 'KZN', model: 'Rio', source: 'call-centre' }],
  'POST /api/tenders/:caseRef/extend': [{ days: 10, reason: 'Заказчик перенёс торги' }],
  'PUT /api/kpi/plans': [{ month: '2026-11', plans: [{ dealerId: 'dealer1', measure: 'leadsTaken', target: 12 }, { dealerId: 'dealer2', measure: 'conversion', target: 0.3 }] }, { month: '2026-12', plans: [{ dealerId: 'dealer3', measure: 'responseP90', target: null }] }],
  'POST /api/webhooks': [{ url: 'https://93.184.215.14/hook', events: ['task.created', 'lead.assigned'], processId: 'warranty-claim', dealerId: 'dealer1' }, { url: 'http://169.254.169.254/latest/meta-data/', events: ['incident.raised'] }],
};

function routesOf(server: TestServer): RouteSpec[] {
  const services = server.running.services;
  const routers = [attachmentRoutes(services.attachments), uploadRoutes(services.uploads), ...apiRouters(services, { engine: { name: 'embedded', check: async () => 'up' }, secureCookies: false })];
  return routers.flatMap((router) => router.stack.flatMap((layer) => layer.methods.filter((m) => m !== 'HEAD').map((method) => ({ method, path: String(layer.path) }))))
    .filter((route) => !skipped.has(`${route.method} ${route.path}`))
    // FUZZ_ONLY=/api/cases fuzzes the routes under one path while a feature is written; CI fuzzes all.
    .filter((route) => !process.env.FUZZ_ONLY || route.path.startsWith(process.env.FUZZ_ONLY));
}

async function knownIds(server: TestServer): Promise<KnownIds> {
  const { dataSource } = server.running;
  const all = async <T extends object, K extends keyof T>(entity: new () => T, field: K) => (await dataSource.getRepository(entity).find()).map((row) => String(row[field]));
  const tasks = await all(Task, 'key');
  return {
    key: [...tasks, ...(await all(Task, 'processInstanceKey')), ...(await all(IncidentRecord, 'key'))],
    taskKey: tasks,
    id: [...(await all(Dealer, 'id')), ...(await all(User, 'id')), ...(await all(SavedView, 'id')), ...(await all(Notification, 'id')), ...(await all(ApiToken, 'id'))],
    processId: ['warranty-claim', 'no-such-process'],
    formId: await all(FormRecord, 'id'),
    version: ['1', '2', '0'],
    caseRef: await all(Tender, 'caseRef'),
  };
}

describe.each(testDatabases())('the API under random requests on %s', (_kind, database) => {
  let server: TestServer;
  const agents = new Map<string, TestAgent>();
  beforeAll(async () => {
    server = await startTestServer(database(), {}, { perAccount: 1000, perAddress: 100_000, windowSeconds: 60 });
    // The SLA scan writes on its own clock; a write it makes while a refused request is in flight is not that request's.
    server.running.notificationJobs.stop();
    server.running.webhookJobs.stop();
  }, 120_000);
  afterAll(() => server.stop());

  const agentFor = async (role: string): Promise<TestAgent> => {
    if (role === 'anonymous') return server.anonymous();
    if (role === 'token:integration') {
      if (!agents.has(role)) {
        const created = await (await server.as('admin')).post('/api/api-tokens').send({ name: 'fuzz', roles: ['integration', 'auditor'], expiresAt: new Date(Date.now() + 86_400_000).toISOString() }).expect(201);
        agents.set(role, server.anonymous().set('Authorization', `Bearer ${created.body.secret as string}`));
      }
      return agents.get(role)!;
    }
    if (!agents.has(role)) {
      // a fresh session, since a fuzzed logout ends the one before
      const agent = server.anonymous();
      await agent.post('/api/auth/login').set('Origin', server.running.url).send({ username: role, password: 'demo' }).expect(200);
      agents.set(role, agent);
    }
    return agents.get(role)!;
  };

  const send = (agent: Awaited<ReturnType<typeof agentFor>>, request: FuzzRequest) => {
    const call = agent[request.method.toLowerCase() as 'get'](request.url).set('Origin', server.running.url);
    if (request.body === undefined) return call;
    return Buffer.isBuffer(request.body) ? call.set('Content-Type', 'application/octet-stream').send(request.body) : call.set('Content-Type', 'application/json').send(request.body);
  };

  it('answers every request below 500, and a refused request changes nothing', async () => {
    const routes = routesOf(server);
    expect(routes.length).toBeGreaterThan(process.env.FUZZ_ONLY ? 0 : 40);
    const ids = await knownIds(server);
    for (const role of roles) await agentFor(role);
    const statuses = new Map<number, number>();
    // Route by route, so every route gets its share however many there are.
    for (const route of routes) await fc.assert(fc.asyncProperty(requests([route], roles, ids, samples), async (request) => {
      const ignored = request.url.startsWith('/api/auth/login') ? auditTables : request.role.startsWith('token:') ? tokenTables : undefined;
      // the role's session first: signing in again after a fuzzed logout is not the request's doing
      const agent = await agentFor(request.role);
      const before = await settledDigests(server.running.dataSource, ignored);
      const response = await send(agent, request);
      const outcome = { request: { ...request, body: request.body?.slice(0, 200).toString() }, status: response.status, body: response.body };
      if (response.status >= 500) throw new Error(`5xx: ${JSON.stringify(outcome)}`);
      const changed = response.status >= 400 ? changedTables(before, await tableDigests(server.running.dataSource, ignored)) : [];
      if (changed.length > 0) throw new Error(`a refused request changed ${changed.join(', ')}: ${JSON.stringify(outcome)}`);
      if (request.url.startsWith('/api/auth/logout') && response.status < 300) agents.delete(request.role);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }), { seed, numRuns: runs, endOnFailure: true });
    if (process.env.FUZZ_RUNS) console.info(`statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
  }, 600_000);
});
