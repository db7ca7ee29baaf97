import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEngine, ManualClock, TypeOrmStore, type ProcessEngine, type UserTask, type Variables, type Worker } from '@dealerflow/engine';
import { resourcesOf } from '@dealerflow/processes';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { exited, freePort, startEngineProcess, type EngineProcess } from '../../../gateway/test/support/engineProcess';
import { openDatabase } from '../../src/db/createDataSource';
import { demoDealers } from '../../src/demo/demoData';
import { demoLedger, demoStock } from '../../src/demo/demoStock';
import { Dealer } from '../../src/entities/Dealer';
import { createEngine } from '../../src/engine/createEngine';
import { shippedPlugins } from '../../src/engine/shippedPlugins';
import { startPluginWorkers } from '../../src/engine/pluginWorkers';
import { StockVehicle } from '../../src/allocation/StockVehicle';
import { LedgerEntry } from '../../src/finance/LedgerEntry';
import { eventually } from '../support/eventually';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Where the harness runs the processes: the engine in the test's process, or the standalone engine over the wire. */
export type EngineKind = 'embedded' | 'zeebe';

/** Where the clock of both engines starts: the manual clock's epoch, the wire engine's first pin. */
const START = Date.parse('2026-12-01T09:00:00Z');

/** How long a step may take to show: in process, and over the wire (the engine is another process on a shared machine). */
const EMBEDDED_WAIT_MS = 10_000;
const WIRE_WAIT_MS = 30_000;

/** Every engine on every test database, for describe.each: [engine, database name, database]. */
export function allocationRuns(): [EngineKind, string, () => TestDatabase][] {
  return (['embedded', 'zeebe'] as const).flatMap((engine) => testDatabases().map(([name, database]): [EngineKind, string, () => TestDatabase] => [engine, name, database]));
}

/** The real engine on a real database with the demo network and stock, the shipped plugins as workers, and a clock the test moves. */
export interface AllocationHarness {
  dataSource: DataSource;
  /** The engine through the port: the embedded engine, or the server's adapter over the wire. */
  engine: ProcessEngine;
  /** Starts a case as the server would: system variables added. */
  request(dealerId: string, caseRef: string, variables: Variables): Promise<string>;
  /** Waits for the open user task `elementId` of the case (in the case or a process it called). */
  taskFor(caseRef: string, elementId: string): Promise<UserTask>;
  /** Waits until the instance has ended and returns its details. */
  ended(processInstanceKey: string): Promise<{ state: string; variables: Variables; elements: string[] }>;
  /** Moves the engine's clock on by `ms` and fires the timers due by then. */
  advance(ms: number): Promise<void>;
  /** How long a test waits for what the workers do (longer over the wire: the engine is another process on a shared machine). */
  waitMs: number;
  close(): Promise<void>;
}

/** The engine a harness drives, with how its clock moves, how long a step may take to show, and how it stops. */
interface HarnessEngine {
  engine: ProcessEngine;
  advance(ms: number): Promise<void>;
  waitMs: number;
  close(): Promise<void>;
}

/**
 * Opens a fresh database, loads the demo dealers, ledger and stock, deploys both processes and
 * starts the plugin workers, on the embedded engine or, for 'zeebe', on a standalone engine
 * started for this harness and reached through the server's adapter.
 */
export async function startAllocationHarness(kind: EngineKind, database: TestDatabase): Promise<AllocationHarness> {
  const dataSource = await openDatabase(await database.create());
  await dataSource.getRepository(Dealer).insert(demoDealers.map((d) => ({ ...d })));
  await dataSource.getRepository(StockVehicle).insert(demoStock.map((v) => ({ ...v })));
  await dataSource.getRepository(LedgerEntry).insert(demoLedger.map((e) => ({ ...e, bookedAt: new Date(e.bookedAt) })));
  const run = kind === 'zeebe' ? await wireEngine(dataSource) : embeddedEngine(dataSource);
  const { engine } = run;
  await engine.deploy([...resourcesOf('credit-limit-check'), ...resourcesOf('vehicle-allocation')].filter((r) => /\.(bpmn|dmn)$/.test(r.name)));
  const workers: Worker[] = startPluginWorkers(engine, shippedPlugins(dataSource), silent);
  return {
    dataSource,
    engine,
    async request(dealerId, caseRef, variables) {
      const started = await engine.createInstance('vehicle-allocation', { ...variables, dealerId, caseRef, startedBy: `${dealerId}.manager` });
      return started.processInstanceKey;
    },
    taskFor: (caseRef, elementId) => eventually(async () => {
      const tasks = await engine.searchUserTasks({ state: 'CREATED', elementId });
      const task = tasks.find((t) => t.variables.caseRef === caseRef);
      if (!task) throw new Error(`no open ${elementId} task for ${caseRef}`);
      return task;
    }, run.waitMs),
    ended: (key) => eventually(async () => {
      const instance = await engine.getInstance(key);
      if (instance.incidents.length > 0) throw new Error(`incident: ${instance.incidents.map((i) => i.message).join('; ')}`);
      if (instance.state === 'ACTIVE') throw new Error(`${key} is still active at ${instance.history.at(-1)?.elementId}`);
      return { state: instance.state, variables: instance.variables, elements: instance.history.map((h) => h.elementId) };
    }, run.waitMs),
    advance: (ms) => run.advance(ms),
    waitMs: run.waitMs,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await run.close();
      await dataSource.destroy();
      await database.drop();
    },
  };
}

/** The engine in the test's process on the test's database, its clock moved by hand. */
function embeddedEngine(dataSource: DataSource): HarnessEngine {
  const clock = new ManualClock(START);
  const engine = new EmbeddedEngine({ store: new TypeOrmStore(dataSource), clock, pollInterval: 0 });
  return {
    engine,
    async advance(ms) {
      clock.advance(ms);
      await engine.tick();
    },
    waitMs: EMBEDDED_WAIT_MS,
    close: () => engine.close(),
  };
}

/**
 * The standalone engine (`npm run engine`) in its own process, its state in a file of its own,
 * reached as the server reaches it with ENGINE=zeebe (createEngine, the same adapter). Its clock
 * is pinned through the REST API (`PUT /v2/clock`, as Camunda's clock API) at the embedded
 * harness's epoch, and each advance pins it further on, which fires the timers due by then.
 */
async function wireEngine(dataSource: DataSource): Promise<HarnessEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'dealerflow-allocation-wire-'));
  const [grpcPort, restPort] = [await freePort(), await freePort()];
  let child: EngineProcess | undefined;
  const stop = async () => {
    if (child) {
      child.child.kill('SIGTERM');
      await exited(child.child);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    child = await startEngineProcess({ ZEEBE_GRPC_PORT: String(grpcPort), ZEEBE_REST_PORT: String(restPort), ENGINE_DATABASE_URL: `sqlite:${join(dir, 'engine.sqlite')}` });
    const rest = `http://127.0.0.1:${restPort}`;
    const server = await createEngine({ engine: 'zeebe', zeebeGrpcAddress: `grpc://127.0.0.1:${grpcPort}`, zeebeRestAddress: rest, zeebeTaskListenerType: 'dealerflow-user-task-events' }, dataSource, pino({ level: 'silent' }));
    let now = START;
    const pin = async (timestamp: number) => {
      const response = await fetch(`${rest}/v2/clock`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ timestamp }) });
      if (response.status !== 204) throw new Error(`the engine refused the clock pin: ${response.status} ${await response.text()}`);
      now = timestamp;
    };
    await pin(START);
    return {
      engine: server.engine,
      advance: (ms) => pin(now + ms),
      waitMs: WIRE_WAIT_MS,
      async close() {
        await server.close();
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
