import { get, type IncomingMessage } from 'node:http';
import { testDatabases } from '../support/testDatabases';
import { eventually } from '../support/eventually';
import { startTestServer, type TestServer } from '../support/testServer';

/** An open inbox stream of one user, collecting the task events it receives. */
async function openStream(server: TestServer, username: string): Promise<{ events: { key: string; change: string }[]; close(): void }> {
  const login = await fetch(`${server.running.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const events: { key: string; change: string }[] = [];
  const response = await new Promise<IncomingMessage>((resolve) => get(`${server.running.url}/api/tasks/stream`, { headers: { Cookie: cookie } }, resolve));
  expect(response.headers['content-type']).toMatch(/text\/event-stream/);
  let buffer = '';
  response.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const blocks = buffer.split('\n\n');
    buffer = blocks.pop() ?? '';
    for (const block of blocks) {
      const data = block.split('\n').find((line) => line.startsWith('data: '));
      if (block.includes('event: task') && data) events.push(JSON.parse(data.slice(6)));
    }
  });
  return { events, close: () => response.destroy() };
}

describe.each(testDatabases())('live inbox stream on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());

  it('tells a dealer about its own new task and never another dealer', async () => {
    const dealer1 = await openStream(server, 'dealer1.staff');
    const dealer2 = await openStream(server, 'dealer2.staff');
    const approver = await openStream(server, 'approver.warranty');
    try {
      const started = await (await server.as('dealer1.staff')).post('/api/process-instances').send({ bpmnProcessId: 'warranty-claim', variables: {
        vin: 'XW8AN2NE3PH000101', mileage: 30000, repairDate: '2026-11-20', defectCode: 'B1001', defectDescription: 'Стеклоподъёмник не работает',
        parts: [{ partNumber: 'X-1', name: 'Стеклоподъёмник', quantity: 1, price: 48900 }], labourHours: 1.5,
      } });
      const decide = await eventually(async () => {
        const event = approver.events.find((e) => e.change === 'created');
        if (!event) throw new Error('approver got no event yet');
        return event;
      });
      await (await server.as('approver.warranty')).post(`/api/tasks/${decide.key}/complete`).send({ variables: { decision: 'requestInfo', decisionReason: 'Нужны фото' } });
      await eventually(async () => {
        if (!dealer1.events.some((e) => e.change === 'created')) throw new Error('dealer1 got no event yet');
      });
      expect(approver.events).toContainEqual({ key: decide.key, change: 'completed', processInstanceKey: started.body.instanceKey });
      expect(dealer1.events.map((e) => e.change)).toEqual(['created']);
      expect(dealer2.events).toEqual([]);
    } finally {
      dealer1.close();
      dealer2.close();
      approver.close();
    }
  });

  it('refuses the stream without a session', async () => {
    expect((await fetch(`${server.running.url}/api/tasks/stream`)).status).toBe(401);
  });
});
