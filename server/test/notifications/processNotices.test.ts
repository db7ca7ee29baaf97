import { eventually } from '../support/eventually';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

interface Item { kind: string; params: { template?: string; caseRef?: string }; link: string | null }

describe.each(testDatabases())('notices a process sends, in people\'s bells, on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());

  const notices = async (username: string, caseRef: string) =>
    ((await (await server.as(username)).get('/api/me/notifications')).body.items as Item[]).filter((n) => n.kind === 'case.notice' && n.params.caseRef === caseRef);

  it('tells the dealer\'s people once that their vehicle request was cancelled, and nobody else', async () => {
    const manager = await server.as('dealer1.manager');
    const started = await manager.post('/api/process-instances').send({ bpmnProcessId: 'vehicle-allocation', variables: { lines: [{ model: 'Rio', quantity: 1 }] } });
    expect(started.status).toBe(201);
    const { caseRef, instanceKey } = started.body as { caseRef: string; instanceKey: string };
    await eventually(async () => expect((await manager.get('/api/reservations')).body.items).toEqual(expect.arrayContaining([expect.objectContaining({ caseRef, state: 'pending' })])));
    expect((await manager.post(`/api/reservations/${caseRef}/cancel`).send({ reason: 'Клиент передумал' })).status).toBe(202);

    for (const person of ['dealer1.manager', 'dealer1.staff']) {
      const told = await eventually(async () => {
        const found = await notices(person, caseRef);
        expect(found).toHaveLength(1);
        return found;
      });
      expect(told[0]).toMatchObject({ params: { template: 'vehicle-allocation-cancelled', caseRef }, link: `/cases/${instanceKey}` });
    }
    expect(await notices('dealer2.staff', caseRef)).toEqual([]);
    expect(await notices('approver.sales', caseRef)).toEqual([]);
  });
});
