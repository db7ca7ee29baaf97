import { EmbeddedEngine, ManualClock, TypeOrmStore, type UserTask, type Variables, type Worker } from '@dealerflow/engine';
import { resourcesOf } from '@dealerflow/processes';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../src/db/createDataSource';
import { demoDealers } from '../../src/demo/demoData';
import { demoLedger, demoStock } from '../../src/demo/demoStock';
import { Dealer } from '../../src/entities/Dealer';
import { shippedPlugins } from '../../src/engine/shippedPlugins';
import { startPluginWorkers } from '../../src/engine/pluginWorkers';
import { StockVehicle } from '../../src/allocation/StockVehicle';
import { LedgerEntry } from '../../src/finance/LedgerEntry';
import { eventually } from '../support/eventually';
import type { TestDatabase } from '../support/testDatabases';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The real engine on a real database with the demo network and stock, the shipped plugins as workers, and a clock the test moves. */
export interface AllocationHarness {
  dataSource: DataSource;
  engine: EmbeddedEngine;
  clock: ManualClock;
  /** Starts a case as the server would: system variables added. */
  request(dealerId: string, caseRef: string, variables: Variables): Promise<string>;
  /** Waits for the open user task `elementId` of the case (in the case or a process it called). */
  taskFor(caseRef: string, elementId: string): Promise<UserTask>;
  /** Waits until the instance has ended and returns its details. */
  ended(processInstanceKey: string): Promise<{ state: string; variables: Variables; elements: string[] }>;
  close(): Promise<void>;
}

/** Opens a fresh database, loads the demo dealers, ledger and stock, deploys both processes and starts the plugin workers. */
export async function startAllocationHarness(database: TestDatabase): Promise<AllocationHarness> {
  const dataSource = await openDatabase(await database.create());
  await dataSource.getRepository(Dealer).insert(demoDealers.map((d) => ({ ...d })));
  await dataSource.getRepository(StockVehicle).insert(demoStock.map((v) => ({ ...v })));
  await dataSource.getRepository(LedgerEntry).insert(demoLedger.map((e) => ({ ...e, bookedAt: new Date(e.bookedAt) })));
  const clock = new ManualClock(Date.parse('2026-12-01T09:00:00Z'));
  const engine = new EmbeddedEngine({ store: new TypeOrmStore(dataSource), clock, pollInterval: 0 });
  await engine.deploy([...resourcesOf('credit-limit-check'), ...resourcesOf('vehicle-allocation')].filter((r) => /\.(bpmn|dmn)$/.test(r.name)));
  const workers: Worker[] = startPluginWorkers(engine, shippedPlugins(dataSource), silent);
  return {
    dataSource,
    engine,
    clock,
    async request(dealerId, caseRef, variables) {
      const started = await engine.createInstance('vehicle-allocation', { ...variables, dealerId, caseRef, startedBy: `${dealerId}.manager` });
      return started.processInstanceKey;
    },
    taskFor: (caseRef, elementId) => eventually(async () => {
      const tasks = await engine.searchUserTasks({ state: 'CREATED', elementId });
      const task = tasks.find((t) => t.variables.caseRef === caseRef);
      if (!task) throw new Error(`no open ${elementId} task for ${caseRef}`);
      return task;
    }),
    ended: (key) => eventually(async () => {
      const instance = await engine.getInstance(key);
      if (instance.incidents.length > 0) throw new Error(`incident: ${instance.incidents.map((i) => i.message).join('; ')}`);
      if (instance.state === 'ACTIVE') throw new Error(`${key} is still active at ${instance.history.at(-1)?.elementId}`);
      return { state: instance.state, variables: instance.variables, elements: instance.history.map((h) => h.elementId) };
    }),
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await engine.close();
      await dataSource.destroy();
      await database.drop();
    },
  };
}
