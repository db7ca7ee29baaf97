import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { exited, freePort, startEngineProcess, type EngineProcess } from '../../../gateway/test/support/engineProcess';
import { openDatabase } from '../../src/db/createDataSource';
import { AuditEntry } from '../../src/entities/AuditEntry';
import { ProcessInstanceRecord } from '../../src/instances/ProcessInstanceRecord';
import { Task } from '../../src/tasks/Task';
import { eventually } from '../support/eventually';
import { startServerProcess, type ServerProcess } from '../support/serverProcess';
import { openTaskStream } from '../support/taskStreamReader';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

/** A claim too large to approve itself: each one waits in the warranty approvers' inbox. */
const claim = (mileage: number, vin: string) => ({
  vin, mileage, repairDate: '2026-11-20', defectCode: 'B1001', defectDescription: 'Стеклоподъёмник водительской двери не работает',
  parts: [{ partNumber: 'P-B1001', name: 'Стеклоподъёмник', quantity: 1, price: 48900 }], labourHours: 1.5,
});

const onMariaDb = testDatabases().filter(([kind]) => kind === 'mariadb');

describe.each(onMariaDb)('two servers on one %s database and one engine over the wire', (_kind, database) => {
  let dir: string;
  let engine: EngineProcess;
  let db: TestDatabase;
  let dataSource: DataSource;
  let a: ServerProcess;
  let b: ServerProcess;
  const cookies = new Map<string, Promise<string>>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dealerflow-two-'));
    const [grpcPort, restPort] = [await freePort(), await freePort()];
    engine = await startEngineProcess({
      ZEEBE_GRPC_PORT: String(grpcPort), ZEEBE_REST_PORT: String(restPort), ENGINE_DATABASE_URL: `sqlite:${join(dir, 'engine.sqlite')}`,
      CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_TYPE: 'dealerflow-user-task-events',
      CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_EVENTTYPES: 'creating,assigning,completing,canceling',
    });
    db = database();
    const env = { ENGINE: 'zeebe', ZEEBE_GRPC_ADDRESS: `grpc://127.0.0.1:${grpcPort}`, ZEEBE_REST_ADDRESS: `http://127.0.0.1:${restPort}`, DATABASE_URL: await db.create(), SESSION_SECRET: 'two-servers-share-one-secret' };
    // the first migrates and loads the demo; the second finds both done
    a = await startServerProcess(env);
    b = await startServerProcess(env);
    dataSource = await openDatabase(env.DATABASE_URL);
  }, 300_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await dataSource?.destroy();
    if (engine) {
      engine.child.kill('SIGTERM');
      await exited(engine.child);
    }
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** One sign-in per server and user, however many requests ask at once. */
  const cookieOf = (server: ServerProcess, username: string) => {
    const id = `${server.url} ${username}`;
    if (!cookies.has(id)) cookies.set(id, server.signIn(username));
    return cookies.get(id)!;
  };
  const call = async (server: ServerProcess, username: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method, headers: { cookie: await cookieOf(server, username), 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: response.status === 204 ? undefined : await response.json() as Record<string, unknown> };
  };
  const inbox = async (server: ServerProcess, username: string) => ((await call(server, username, 'GET', '/api/tasks?state=open&limit=200')).body!.items as { key: string; processInstanceKey: string; elementId: string }[]);
  const fileClaim = (server: ServerProcess, mileage: number, vin = 'XW8AN2NE3PH000101') => call(server, 'dealer1.staff', 'POST', '/api/process-instances', { bpmnProcessId: 'warranty-claim', variables: claim(mileage, vin) });

  it('tells an approver signed in on one server of the claim a dealer filed on the other, and either server completes it', async () => {
    const stream = await openTaskStream(b.url, await cookieOf(b, 'approver.warranty'));
    try {
      // when a dealer files a claim on A
      const filed = await fileClaim(a, 41_000);
      expect(filed.status).toBe(201);
      const instanceKey = filed.body!.instanceKey as string;
      // then the approver's open inbox on B hears of its task, whichever server's worker took the listener job
      const created = await stream.waitFor((change) => change.processInstanceKey === instanceKey && change.change === 'created');
      // and B lists it
      const task = (await inbox(b, 'approver.warranty')).find((t) => t.key === created.key);
      expect(task).toMatchObject({ processInstanceKey: instanceKey, elementId: 'DecideClaim' });

      // when the approver claims it on B and completes it on A, both answer with the change committed
      expect((await call(b, 'approver.warranty', 'POST', `/api/tasks/${created.key}/claim`)).body).toMatchObject({ assignee: 'approver.warranty' });
      expect((await call(a, 'approver.warranty', 'POST', `/api/tasks/${created.key}/complete`, { variables: { decision: 'reject', decisionReason: 'Дефект вызван внешним повреждением' } })).status).toBe(204);
      expect(await dataSource.getRepository(Task).findOneBy({ key: created.key })).toMatchObject({ state: 'completed', completedBy: 'approver.warranty' });
      // and B's stream heard each step once; not necessarily in order, since a step taken on A
      // reaches B a poll later than one taken on B itself, and the hints only make a list refetch
      for (const step of ['assigned', 'completed']) await stream.waitFor((change) => change.key === created.key && change.change === step);
      expect(stream.received.filter((change) => change.key === created.key).map((change) => change.change).sort()).toEqual(['assigned', 'completed', 'created']);
    } finally {
      stream.close();
    }
  });

  it('goes on serving when one server is killed mid-traffic, and loses no case', async () => {
    /** The vehicle of this test's claims: the case list finds every one of them by it, answered or not. */
    const KILL_VIN = 'XW8AN2NE3PH000909';
    await Promise.all([cookieOf(a, 'dealer1.staff'), cookieOf(b, 'dealer1.staff')]);
    // when twenty claims go to both servers at once and A is killed once the first answers came back
    const sent = Array.from({ length: 20 }, (_, i) => fileClaim(i % 2 ? a : b, 50_000 + i, KILL_VIN).catch((error: Error) => ({ status: 0, body: { error: String(error.cause ?? error.message) } as Record<string, unknown> })));
    await Promise.race(sent);
    await a.kill();
    const answers = await Promise.all(sent);

    // then every claim sent to B was filed, and one more after the kill is too
    expect(answers.filter((_, i) => i % 2 === 0).map((answer) => answer.status)).toEqual(Array(10).fill(201));
    const after = await fileClaim(b, 60_000, KILL_VIN);
    expect(after.status).toBe(201);

    // and every case filed, answered or cut off, is in the case list once, active, with one start entry, and waits in the inbox on B
    const filed = [...answers, after].filter((answer) => answer.status === 201).map((answer) => answer.body!.instanceKey as string);
    const cases = await eventually(async () => {
      const rows = await dataSource.getRepository(ProcessInstanceRecord).findBy({ vin: KILL_VIN });
      expect(rows.map((row) => row.key)).toEqual(expect.arrayContaining(filed));
      expect(rows.every((row) => row.state === 'active')).toBe(true);
      const waiting = new Set((await inbox(b, 'approver.warranty')).filter((t) => t.elementId === 'DecideClaim').map((t) => t.processInstanceKey));
      const stuck = rows.filter((row) => !waiting.has(row.key)).map((row) => row.key);
      // a listener job A held comes back to B's worker once its 30 s timeout ran out
      if (stuck.length) throw new Error(`not in the inbox yet: ${stuck.join(', ')}`);
      return rows;
    }, 120_000);
    for (const row of cases) expect(await dataSource.getRepository(AuditEntry).countBy({ subjectId: row.key, action: 'instance.start' })).toBe(1);
    const tasks = await dataSource.getRepository(Task).findBy({ elementId: 'DecideClaim', state: 'open' });
    expect(tasks.length).toBe(new Set(tasks.map((t) => t.processInstanceKey)).size);
  }, 240_000);
});
