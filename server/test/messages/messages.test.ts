import { AuditEntry } from '../../src/entities/AuditEntry';
import { ProcessDefinition } from '../../src/processes/ProcessDefinition';
import { Task } from '../../src/tasks/Task';
import { eventually } from '../support/eventually';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';
import { paymentProcess } from './paymentProcess';

const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600_000).toISOString();

describe.each(testDatabases())('messages from outside on %s', (_kind, database) => {
  let server: TestServer;
  let secret: string;
  let caseNo = 0;
  beforeAll(async () => {
    server = await startTestServer(database());
    const deployed = await server.running.services.engine.deploy([paymentProcess]);
    await server.running.dataSource.getRepository(ProcessDefinition).insert({ key: deployed.processes[0].processDefinitionKey, bpmnProcessId: 'payment-wait', version: 1, name: 'Payment wait', startFormId: null, resourceName: paymentProcess.name, deployedAt: new Date(), deployedBy: 'test' });
    const created = await (await server.as('admin')).post('/api/api-tokens').send({ name: '1c-accounting', roles: ['integration'], expiresAt: inDays(30) });
    secret = created.body.secret as string;
  });
  afterAll(() => server.stop());

  /** A case of dealer1 waiting for its payment. */
  const waitingCase = async () => {
    const caseRef = `PAY-${server.running.dataSource.options.type}-${++caseNo}`;
    const { processInstanceKey } = await server.running.services.engine.createInstance('payment-wait', { dealerId: 'dealer1', caseRef });
    return { caseRef, processInstanceKey };
  };
  const asIntegration = (path: string, body: object) => server.anonymous().post(path).set('Authorization', `Bearer ${secret}`).send(body);
  const tasksOf = (processInstanceKey: string) => server.running.dataSource.getRepository(Task).findBy({ processInstanceKey });
  const messageAudit = () => server.running.dataSource.getRepository(AuditEntry).createQueryBuilder('e').where('e.action LIKE :a', { a: 'message.%' }).orderBy('e.seq').getMany();

  it('publishes a payment that reaches the waiting case: the next task exists and one audit entry names the service account', async () => {
    // given a case waiting for its payment
    const { caseRef, processInstanceKey } = await waitingCase();
    expect(await tasksOf(processInstanceKey)).toEqual([]);
    const auditBefore = (await messageAudit()).length;

    // when the accounting system publishes the payment with its token
    const response = await asIntegration('/api/messages', { name: 'payment-received', correlationKey: caseRef, timeToLive: 60_000, messageId: `pay-${caseRef}`, variables: { paidAmount: 1_250_000 } });

    // then the case moves on to shipping, with the payment's variables
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ messageKey: expect.any(String) });
    const [ship] = await eventually(async () => {
      const tasks = await tasksOf(processInstanceKey);
      if (tasks.length === 0) throw new Error('no task yet');
      return tasks;
    });
    expect(ship).toMatchObject({ elementId: 'Ship', dealerId: 'dealer1' });
    expect((await server.running.services.engine.getInstance(processInstanceKey)).variables).toMatchObject({ paidAmount: 1_250_000 });

    // and exactly one audit entry records it, on the case, by the service account
    const entries = (await messageAudit()).slice(auditBefore);
    expect(entries.map((e) => [e.action, e.actor, e.subjectType, e.subjectId])).toEqual([['message.publish', 'api:1c-accounting', 'ProcessInstance', processInstanceKey]]);
    expect(JSON.parse(entries[0].payload)).toMatchObject({ name: 'payment-received', correlationKey: caseRef, messageId: `pay-${caseRef}`, messageKey: response.body.messageKey });
  });

  it('buffers a message for its time to live: a case that starts waiting later still gets it', async () => {
    const caseRef = `PAY-EARLY-${server.running.dataSource.options.type}`;
    const response = await asIntegration('/api/messages', { name: 'payment-received', correlationKey: caseRef, timeToLive: 60_000 });
    expect(response.status).toBe(200);
    const { processInstanceKey } = await server.running.services.engine.createInstance('payment-wait', { dealerId: 'dealer2', caseRef });
    await eventually(async () => expect((await tasksOf(processInstanceKey)).map((t) => t.elementId)).toEqual(['Ship']));
  });

  it('answers 409 for a message id still buffered, with exactly one effect even when sent concurrently', async () => {
    // given two cases waiting under the same correlation key (so a second delivery would move the second)
    const caseRef = `PAY-DUP-${server.running.dataSource.options.type}`;
    const first = await server.running.services.engine.createInstance('payment-wait', { dealerId: 'dealer1', caseRef });
    const second = await server.running.services.engine.createInstance('payment-wait', { dealerId: 'dealer1', caseRef });
    const auditBefore = (await messageAudit()).length;

    // when the same payment arrives five times at once
    const body = { name: 'payment-received', correlationKey: caseRef, timeToLive: 60_000, messageId: 'bank-tx-42' };
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => asIntegration('/api/messages', body)));

    // then one is accepted, the others answered 409 like Camunda's ALREADY_EXISTS
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(answers.find((a) => a.status === 409)?.body).toMatchObject({ code: 'already_exists', details: { name: 'payment-received', messageId: 'bank-tx-42' } });
    // and exactly one case moved (a message is correlated once per process), with one audit entry
    const moved = [...await tasksOf(first.processInstanceKey), ...await tasksOf(second.processInstanceKey)];
    expect(moved.length).toBe(1);
    expect((await messageAudit()).slice(auditBefore).map((e) => e.action)).toEqual(['message.publish']);
  });

  it('correlates and names the case it reached, or answers 404 when none waits', async () => {
    const { caseRef, processInstanceKey } = await waitingCase();
    const auditBefore = (await messageAudit()).length;

    const reached = await asIntegration('/api/messages/correlate', { name: 'payment-received', correlationKey: caseRef, variables: { paidAmount: 10 } });
    expect(reached.status).toBe(200);
    expect(reached.body).toEqual({ messageKey: expect.any(String), processInstanceKey, bpmnProcessId: 'payment-wait', caseRef });
    await eventually(async () => expect((await tasksOf(processInstanceKey)).map((t) => t.elementId)).toEqual(['Ship']));

    // the same payment again: nobody waits any more, nothing is buffered, nothing recorded
    const none = await asIntegration('/api/messages/correlate', { name: 'payment-received', correlationKey: caseRef });
    expect(none.status).toBe(404);
    expect(none.body).toMatchObject({ code: 'not_found', details: { name: 'payment-received', correlationKey: caseRef } });
    expect((await messageAudit()).slice(auditBefore).map((e) => [e.action, e.subjectId])).toEqual([['message.correlate', processInstanceKey]]);
  });

  it('refuses system variables, bad fields and callers without the permission, changing nothing', async () => {
    const { caseRef, processInstanceKey } = await waitingCase();
    const auditBefore = (await messageAudit()).length;
    const bad: [string, object, number, string][] = [
      ['/api/messages', { name: 'payment-received', correlationKey: caseRef, variables: { dealerId: 'dealer2' } }, 400, 'validation_failed'],
      ['/api/messages/correlate', { name: 'payment-received', correlationKey: caseRef, variables: { caseRef: 'X', decidedBy: 'me' } }, 400, 'validation_failed'],
      ['/api/messages', { name: '', correlationKey: caseRef }, 400, 'validation_failed'],
      ['/api/messages', { name: 'payment-received', correlationKey: caseRef, timeToLive: -1 }, 400, 'validation_failed'],
      ['/api/messages', { name: 'payment-received', correlationKey: caseRef, timeToLive: 1.5 }, 400, 'validation_failed'],
      ['/api/messages', { name: 'payment-received' }, 400, 'validation_failed'],
      ['/api/messages/correlate', { name: 'payment-received', correlationKey: caseRef, messageId: 'x' }, 400, 'validation_failed'],
    ];
    for (const [path, body, status, code] of bad) {
      const response = await asIntegration(path, body);
      expect([path, response.status, response.body.code]).toEqual([path, status, code]);
    }
    const systemRefusal = await asIntegration('/api/messages', { name: 'payment-received', correlationKey: caseRef, variables: { dealerId: 'dealer2' } });
    expect(systemRefusal.body.details).toEqual([{ field: 'dealerId', message: expect.any(String) }]);

    // people without the permission (dealer staff, approvers) and anonymous callers
    for (const username of ['dealer1.manager', 'approver.finance']) {
      const response = await (await server.as(username)).post('/api/messages').send({ name: 'payment-received', correlationKey: caseRef });
      expect(response.status).toBe(403);
    }
    expect((await server.anonymous().post('/api/messages').send({ name: 'payment-received', correlationKey: caseRef })).status).toBe(401);
    // a dealer-scoped integration account: a message could reach another dealer's case
    const scoped = await (await server.as('admin')).post('/api/api-tokens').send({ name: 'dms-dealer2', roles: ['integration'], dealerId: 'dealer2', expiresAt: inDays(1) });
    for (const path of ['/api/messages', '/api/messages/correlate']) {
      const response = await server.anonymous().post(path).set('Authorization', `Bearer ${scoped.body.secret as string}`).send({ name: 'payment-received', correlationKey: caseRef });
      expect([path, response.status, response.body.code]).toEqual([path, 403, 'forbidden']);
    }

    expect(await tasksOf(processInstanceKey)).toEqual([]);
    expect((await messageAudit()).length).toBe(auditBefore);
  });

  it('lets a process admin publish with a session too', async () => {
    const { caseRef, processInstanceKey } = await waitingCase();
    const response = await (await server.as('admin')).post('/api/messages').send({ name: 'payment-received', correlationKey: caseRef });
    expect(response.status).toBe(200);
    await eventually(async () => expect((await tasksOf(processInstanceKey)).length).toBe(1));
    const [entry] = (await messageAudit()).filter((e) => e.subjectId === processInstanceKey);
    expect(entry.actor).toBe('admin');
  });
});
