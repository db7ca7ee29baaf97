import { EmbeddedEngine, MemoryStore, type EngineEvent } from '@dealerflow/engine';
import { In } from 'typeorm';
import { Reservation } from '../../src/allocation/Reservation';
import { StockVehicle } from '../../src/allocation/StockVehicle';
import { AuditEntry } from '../../src/entities/AuditEntry';
import { feedFromOutside } from '../../src/engine/engineEventFeed';
import { serverEventFeed } from '../../src/engine/serverEventFeed';
import { ElementStatistic } from '../../src/instances/ElementStatistic';
import { IncidentRecord } from '../../src/instances/IncidentRecord';
import { ProcessInstanceRecord } from '../../src/instances/ProcessInstanceRecord';
import { auditingMessages } from '../../src/messages/messageAudit';
import { Notification } from '../../src/notifications/Notification';
import { Task } from '../../src/tasks/Task';
import { WebhookDelivery } from '../../src/webhooks/WebhookDelivery';
import { WebhookEvent } from '../../src/webhooks/WebhookEvent';
import { stockUp } from '../allocation/stockFixtures';
import { flakyProcess } from '../instances/flakyProcess';
import { startTestServer, type TestServer } from '../support/testServer';
import { testDatabases } from '../support/testDatabases';
import { tinyProcess } from '../support/tinyProcess';

/**
 * Records what an engine emits for a few cases: one approved through a task, a vehicle request
 * cancelled while it holds a vehicle, one stuck on an incident, and a message nobody waits for.
 */
async function recordEvents(types: readonly string[]): Promise<{ events: EngineEvent[]; keys: { approved: string; cancelled: string; stuck: string } }> {
  const engine = new EmbeddedEngine({ store: new MemoryStore(), pollInterval: 0 });
  const events: EngineEvent[] = [];
  for (const type of types) engine.on(type as EngineEvent['type'], (event) => void events.push(event));
  await engine.deploy([{ name: 'feed-review.bpmn', content: tinyProcess({ id: 'feed-review' }) }, { name: 'vehicle-allocation.bpmn', content: tinyProcess({ id: 'vehicle-allocation' }) }, flakyProcess]);
  const approved = await engine.createInstance('feed-review', { dealerId: 'dealer1', caseRef: 'FEED-1', startedBy: 'dealer1.staff' });
  const [task] = await engine.searchUserTasks({ processInstanceKey: approved.processInstanceKey });
  await engine.assignUserTask(task.key, 'approver.sales');
  await engine.completeUserTask(task.key, { decision: 'approve' });
  const cancelled = await engine.createInstance('vehicle-allocation', { dealerId: 'dealer2', caseRef: 'FEED-2' });
  await engine.cancelInstance(cancelled.processInstanceKey);
  const stuck = await engine.createInstance('instances-flaky', { dealerId: 'dealer1', caseRef: 'FEED-3' });
  const [job] = await engine.activateJobs({ type: 'instances-flaky', maxJobsToActivate: 1 });
  await engine.failJob(job.key, { retries: 0, errorMessage: 'registry down' });
  await engine.publishMessage({ name: 'feed-ping', correlationKey: 'FEED-4' });
  await engine.close();
  return { events, keys: { approved: approved.processInstanceKey, cancelled: cancelled.processInstanceKey, stuck: stuck.processInstanceKey } };
}

describe.each(testDatabases())('the engine event feed over the wire, on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database(), { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
    server.running.webhookJobs.stop();
    server.running.notificationJobs.stop();
  }, 180_000);
  afterAll(async () => {
    await server.stop();
  });

  it('gives every event one effect per consumer when the same events are fed twice, one transaction each', async () => {
    const { dataSource, services } = server.running;
    const feed = serverEventFeed(services);
    const { events, keys } = await recordEvents(feed.types());
    const instances = [keys.approved, keys.cancelled, keys.stuck];
    // given a webhook subscriber to every engine event, and a vehicle the cancelled request holds
    const hook = await (await server.as('admin')).post('/api/webhooks').send({ url: 'http://127.0.0.1:9/feed', events: ['task.created', 'task.completed', 'instance.completed', 'instance.cancelled', 'incident.raised'] });
    expect(hook.status).toBe(201);
    const [vin] = await stockUp(dataSource, 'Feed', 1, 1_000_000, { status: 'reserved', dealerId: 'dealer2', caseRef: 'FEED-2' });
    const now = new Date();
    await dataSource.getRepository(Reservation).insert({ jobKey: 'feed-job', vin, dealerId: 'dealer2', caseRef: 'FEED-2', processInstanceKey: keys.cancelled, amount: 1_000_000, state: 'pending', createdAt: now, expiresAt: new Date(now.getTime() + 86_400_000) });

    const effects = async () => {
      const tasks = await dataSource.getRepository(Task).find({ where: { processInstanceKey: In(instances) }, order: { caseRef: 'ASC' } });
      const audit = await dataSource.getRepository(AuditEntry).find({ where: [{ subjectId: In(instances) }, { action: 'message.publish' }], order: { seq: 'ASC' } }).then((rows) => rows.filter((entry) => entry.action !== 'message.publish' || entry.payload.includes('feed-ping')));
      const taskKeys = tasks.map((t) => t.key);
      const notifications = (await dataSource.getRepository(Notification).find()).filter((n) => taskKeys.some((key) => n.dedupeKey.includes(key)));
      const hookEvents = await dataSource.getRepository(WebhookEvent).find().then((rows) => rows.filter((row) => instances.some((key) => row.data.includes(key))));
      const deliveries = hookEvents.length ? await dataSource.getRepository(WebhookDelivery).findBy({ eventId: In(hookEvents.map((e) => e.id)) }) : [];
      return {
        tasks: tasks.map((t) => [t.state, t.assignee, t.completedBy]),
        audit: audit.map((entry) => entry.action),
        notifications: notifications.map((n) => n.kind).sort(),
        webhooks: hookEvents.map((e) => e.type).sort(),
        deliveries: deliveries.length,
        instances: (await dataSource.getRepository(ProcessInstanceRecord).find({ where: { key: In(instances) }, order: { caseRef: 'ASC' } })).map((r) => [r.caseRef, r.state, r.openIncidents]),
        incidents: await dataSource.getRepository(IncidentRecord).countBy({ processInstanceKey: keys.stuck }),
        statistics: (await dataSource.getRepository(ElementStatistic).find({ where: { bpmnProcessId: In(['feed-review', 'instances-flaky']) }, order: { bpmnProcessId: 'ASC', elementId: 'ASC' } })).map((s) => [s.bpmnProcessId, s.elementId, s.entered, s.completed]),
        reservations: (await dataSource.getRepository(Reservation).findBy({ processInstanceKey: keys.cancelled })).map((r) => r.state),
        vehicle: (await dataSource.getRepository(StockVehicle).findOneByOrFail({ vin })).status,
      };
    };

    // when the recorded events are fed in order, twice, each in a transaction of its own (as a message sent through the API)
    const apply = feedFromOutside(dataSource, feed);
    for (const event of events) await auditingMessages(() => apply(event));
    const once = await effects();
    for (const event of events) await auditingMessages(() => apply(event));

    // then each consumer applied each event once
    expect(await effects()).toEqual(once);
    expect(once.tasks).toEqual([['completed', 'approver.sales', 'system'], ['cancelled', null, null]]);
    expect(once.audit.filter((a) => a !== 'message.publish')).toEqual([
      'instance.start', 'task.complete', 'instance.complete',
      'instance.start', 'instance.terminate', 'stock.release',
      'instance.start', 'incident.raise',
    ]);
    expect(once.audit.filter((a) => a === 'message.publish')).toHaveLength(1);
    expect([...new Set(once.notifications)]).toEqual(['case.decided', 'task.created']);
    expect(once.webhooks).toEqual(['incident.raised', 'instance.cancelled', 'instance.completed', 'task.completed', 'task.created', 'task.created']);
    expect(once.deliveries).toBe(6);
    expect(once.instances).toEqual([['FEED-1', 'completed', 0], ['FEED-2', 'terminated', 0], ['FEED-3', 'active', 1]]);
    expect(once.incidents).toBe(1);
    expect(once.statistics).toEqual(expect.arrayContaining([['feed-review', 'Review', 1, 1], ['instances-flaky', 'CallRegistry', 1, 0]]));
    expect(once.reservations).toEqual(['released']);
    expect(once.vehicle).toBe('free');
  });

  it('gives an event delivered three times at once one effect', async () => {
    const { dataSource, services } = server.running;
    const apply = feedFromOutside(dataSource, serverEventFeed(services));
    const key = `feed-race-${Date.now()}`;
    const created: EngineEvent = { type: 'instance.created', eventKey: `instance.created:${key}`, processInstanceKey: key, bpmnProcessId: 'feed-review', version: 1, variables: { dealerId: 'dealer1', caseRef: 'FEED-RACE' } };
    // when three deliveries of the same start race
    await Promise.all([apply(created), apply(created), apply(created)]);
    // then the case is listed once and audited once
    expect(await dataSource.getRepository(ProcessInstanceRecord).countBy({ key })).toBe(1);
    expect((await dataSource.getRepository(AuditEntry).findBy({ subjectId: key })).map((entry) => entry.action)).toEqual(['instance.start']);
  });
});
