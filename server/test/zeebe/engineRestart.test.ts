import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exited, freePort, startEngineProcess, type EngineProcess } from '../../../gateway/test/support/engineProcess';
import { ProcessInstanceRecord } from '../../src/instances/ProcessInstanceRecord';
import { eventually } from '../support/eventually';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

/** A claim the plugins approve by themselves: its service task jobs run in the server's workers. */
const smallClaim = {
  vin: 'XW8TC4KF5RH000201', mileage: 18000, repairDate: '2026-11-20', defectCode: 'E2210', defectDescription: 'Предохранитель цепи фар перегорает повторно',
  parts: [{ partNumber: 'P-E2210', name: 'Предохранитель', quantity: 1, price: 350 }], labourHours: 0.5,
};
/** A claim too large to approve itself: it waits in the approvers' inbox, fed by a listener job. */
const largeClaim = { ...smallClaim, vin: 'XW8AN2NE3PH000101', mileage: 41200, defectCode: 'B1001', defectDescription: 'Стеклоподъёмник водительской двери не работает', parts: [{ partNumber: 'P-B1001', name: 'Стеклоподъёмник', quantity: 1, price: 48900 }] };

const [[, sqlite]] = testDatabases();

describe('ENGINE=zeebe across a restart of the engine', () => {
  let dir: string;
  let engine: EngineProcess;
  let server: TestServer;
  let engineEnv: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dealerflow-restart-'));
    const [grpcPort, restPort] = [await freePort(), await freePort()];
    engineEnv = {
      ZEEBE_GRPC_PORT: String(grpcPort), ZEEBE_REST_PORT: String(restPort), ENGINE_DATABASE_URL: `sqlite:${join(dir, 'engine.sqlite')}`,
      CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_TYPE: 'dealerflow-user-task-events',
      CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_EVENTTYPES: 'creating,assigning,completing,canceling',
    };
    engine = await startEngineProcess(engineEnv);
    server = await startTestServer(sqlite(), { ENGINE: 'zeebe', ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${grpcPort}`, ZEEBE_REST_ADDRESS: `http://127.0.0.1:${restPort}` });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    engine.child.kill('SIGTERM');
    await exited(engine.child);
    rmSync(dir, { recursive: true, force: true });
  });

  const file = async (variables: Record<string, unknown>) => {
    const started = await (await server.as('dealer1.staff')).post('/api/process-instances').send({ bpmnProcessId: 'warranty-claim', variables });
    expect(started.status).toBe(201);
    return started.body.instanceKey as string;
  };

  it('reports the engine down while it is, and works its jobs and listener jobs again once it is back, without a restart of its own', async () => {
    // when the engine stops
    engine.child.kill('SIGTERM');
    await exited(engine.child);
    // then health says so, and a start is refused with a clear answer, not left hanging
    await eventually(async () => expect((await server.anonymous().get('/api/health')).body).toMatchObject({ engine: { type: 'zeebe', status: 'down' } }), 30_000);
    const refused = await (await server.as('dealer1.staff')).post('/api/process-instances').send({ bpmnProcessId: 'warranty-claim', variables: largeClaim });
    expect(refused.status).toBeGreaterThanOrEqual(500);
    expect(refused.body.message).toEqual(expect.any(String));

    // when it is back on the same ports and state
    engine = await startEngineProcess(engineEnv);
    await eventually(async () => expect((await server.anonymous().get('/api/health')).body).toMatchObject({ engine: { status: 'up' } }), 30_000);

    // then a large claim reaches the approvers' inbox (listener jobs) and a small one completes by itself (plugin jobs)
    const waiting = await file(largeClaim);
    await eventually(async () => {
      const inbox = (await (await server.as('approver.warranty')).get('/api/tasks?state=open')).body.items as { processInstanceKey: string; elementId: string }[];
      expect(inbox.some((t) => t.processInstanceKey === waiting && t.elementId === 'DecideClaim')).toBe(true);
    }, 90_000);
    const approved = await file(smallClaim);
    await eventually(async () => expect(await server.running.dataSource.getRepository(ProcessInstanceRecord).findOneBy({ key: approved })).toMatchObject({ state: 'completed' }), 90_000);
  }, 300_000);
});
