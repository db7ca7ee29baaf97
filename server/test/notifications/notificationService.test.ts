import type { FindOptionsWhere } from 'typeorm';
import { Notification } from '../../src/notifications/Notification';
import { NotificationService } from '../../src/notifications/NotificationService';
import { SlaScan } from '../../src/notifications/SlaScan';
import { Task } from '../../src/tasks/Task';
import { eventually } from '../support/eventually';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';
import { notifyResources } from './notifyProcess';

describe.each(testDatabases())('notifications on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
    expect((await (await server.as('admin')).post('/api/deployments').send({ resources: notifyResources })).status).toBe(201);
  });
  afterAll(() => server.stop());

  const rows = (where: FindOptionsWhere<Notification>) => server.running.dataSource.getRepository(Notification).find({ where, order: { recipient: 'ASC' } });
  const recipientsOf = async (link: string, kind: Notification['kind']) => (await rows({ link, kind })).map((n) => n.recipient);

  /** Starts a case of dealer1 (as the admin: dealers may not start test processes) and returns its instance key and the key of its open task in `elementId`. */
  async function startCase(variables: Record<string, unknown> = {}, elementId = 'Review'): Promise<{ instanceKey: string; taskKey: string }> {
    const started = await (await server.as('admin')).post('/api/process-instances').send({ bpmnProcessId: 'notify-walk', variables, dealerId: 'dealer1' });
    expect(started.status).toBe(201);
    const instanceKey = started.body.instanceKey as string;
    const taskKey = await eventually(async () => {
      const task = await server.running.dataSource.getRepository(Task).findOneByOrFail({ processInstanceKey: instanceKey, elementId, state: 'open' });
      return task.key;
    });
    return { instanceKey, taskKey };
  }

  it('tells each member of the task\'s group once, by name of the dealer, in the same step', async () => {
    const { taskKey } = await startCase();
    const notified = await rows({ link: `/inbox/${taskKey}`, kind: 'task.created' });
    expect(notified.map((n) => n.recipient)).toEqual(['approver.finance', 'approver.sales', 'approver.warranty']);
    expect(notified[0].params).toEqual(expect.objectContaining({ taskName: 'Review the case', processId: 'notify-walk', elementId: 'Review', dealerName: expect.stringMatching(/\S/) }));
    expect(notified[0].params.dealerName).not.toBe('dealer1');
    expect(notified.every((n) => n.readAt === null && n.shown)).toBe(true);

    // The same cause seen again (a replayed event) adds nobody.
    const again = await server.running.dataSource.transaction((manager) => server.running.services.notifications.notify(manager, {
      recipients: { groups: ['distributor-approver'], dealerId: 'dealer1' }, kind: 'task.created', params: {}, link: `/inbox/${taskKey}`, cause: `task.created:${taskKey}`,
    }));
    expect(again).toHaveLength(3);
    expect(await recipientsOf(`/inbox/${taskKey}`, 'task.created')).toHaveLength(3);
  });

  it('tells only the staff of the case\'s dealer about a dealer task, and not the person who completed the step', async () => {
    const { instanceKey, taskKey } = await startCase();
    expect((await (await server.as('approver.warranty')).post(`/api/tasks/${taskKey}/complete`).send({ variables: { note: 'seen' } })).status).toBe(204);
    const followUp = await eventually(() => server.running.dataSource.getRepository(Task).findOneByOrFail({ processInstanceKey: instanceKey, elementId: 'FollowUp' }));
    expect(await recipientsOf(`/inbox/${followUp.key}`, 'task.created')).toEqual(['dealer1.manager', 'dealer1.staff']);
  });

  it('tells the starter of a case about a decision on it, naming the approver', async () => {
    const { instanceKey, taskKey } = await startCase();
    expect((await (await server.as('approver.sales')).post(`/api/tasks/${taskKey}/complete`).send({ variables: { decision: 'reject', note: 'no' } })).status).toBe(204);
    const decided = await rows({ link: `/cases/${instanceKey}`, kind: 'case.decided' });
    expect(decided.map((n) => n.recipient)).toEqual(['admin']);
    expect(decided[0].params).toEqual(expect.objectContaining({ decision: 'reject', actorName: expect.not.stringMatching(/^approver\.sales$/) }));
  });

  it('warns of a task whose due date is near exactly once per person, however often or concurrently the scan runs', async () => {
    const { taskKey } = await startCase();
    const now = new Date();
    await server.running.dataSource.getRepository(Task).update({ key: taskKey }, { dueDate: new Date(now.getTime() + 30 * 60_000) });
    const notifications = server.running.services.notifications;
    const first = new SlaScan(server.running.dataSource, notifications, 60);
    const second = new SlaScan(server.running.dataSource, notifications, 60);
    await Promise.all([first.run(now), second.run(now), first.run(now)]);
    await second.run(now);
    expect(await recipientsOf(`/inbox/${taskKey}`, 'task.sla')).toEqual(['approver.finance', 'approver.sales', 'approver.warranty']);
    // A task due later than the lead time is not warned of yet.
    const later = await startCase();
    await server.running.dataSource.getRepository(Task).update({ key: later.taskKey }, { dueDate: new Date(now.getTime() + 3 * 3600_000) });
    await first.run(now);
    expect(await recipientsOf(`/inbox/${later.taskKey}`, 'task.sla')).toEqual([]);
  });

  it('tells a person mentioned as @login in a comment, but not someone of another dealer', async () => {
    const { instanceKey } = await startCase();
    const posted = await (await server.as('dealer1.staff')).post(`/api/process-instances/${instanceKey}/comments`).send({ body: 'Прошу посмотреть, @approver.warranty, и @dealer2.staff тоже. @nobody.here' });
    expect(posted.status).toBe(201);
    const mentioned = await rows({ link: `/cases/${instanceKey}`, kind: 'comment.mention' });
    expect(mentioned.map((n) => n.recipient)).toEqual(['approver.warranty']);
    expect(mentioned[0].params).toEqual(expect.objectContaining({ excerpt: expect.stringContaining('Прошу посмотреть'), actorName: expect.any(String) }));
  });

  it('sends nothing of a kind a person turned off, and still tells the others', async () => {
    const sales = await server.as('approver.sales');
    const off = await sales.put('/api/me/notification-preferences').send({ kinds: [{ kind: 'task.created', inApp: false, email: 'off' }] });
    expect(off.status).toBe(200);
    expect(off.body.kinds).toEqual(expect.arrayContaining([{ kind: 'task.created', inApp: false, email: 'off' }, { kind: 'task.sla', inApp: true, email: 'instant' }]));
    const { taskKey } = await startCase();
    expect(await recipientsOf(`/inbox/${taskKey}`, 'task.created')).toEqual(['approver.finance', 'approver.warranty']);
    await sales.put('/api/me/notification-preferences').send({ kinds: [{ kind: 'task.created', inApp: true, email: 'instant' }] });
  });

  it('writes nothing when the change that caused it rolls back', async () => {
    const notifications = server.running.services.notifications;
    await expect(server.running.dataSource.transaction(async (manager) => {
      expect(await notifications.notify(manager, { recipients: { users: ['dealer3.staff'] }, kind: 'case.notice', params: { template: 'tender-reservation-locked', caseRef: 'TR-1' }, link: null, cause: 'rollback-test' })).toEqual(['dealer3.staff']);
      throw new Error('the business change failed');
    })).rejects.toThrow('the business change failed');
    expect(await rows({ recipient: 'dealer3.staff', kind: 'case.notice' })).toEqual([]);
  });

  it('lets other features notify a dealer\'s people or a group with the documented kinds', async () => {
    const notifications = new NotificationService(server.running.dataSource);
    const told = await notifications.notifyNow({ recipients: { dealerId: 'dealer2', dealerPeople: true }, kind: 'case.notice', params: { template: 'lead-outcome-overdue', caseRef: 'LD-1' }, link: null, cause: 'case.notice:LD-1' });
    expect(told).toEqual(['dealer2.manager', 'dealer2.staff']);
    expect(await notifications.notifyNow({ recipients: { users: ['dealer3.staff'] }, kind: 'case.notice', params: { template: 'tender-reservation-conflict', caseRef: 'TR-9' }, link: null, cause: 'case.notice:TR-9' })).toEqual(['dealer3.staff']);
  });
});
