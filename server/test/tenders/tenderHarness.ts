import { EmbeddedEngine, ManualClock, TypeOrmStore, type UserTask, type Variables, type Worker } from '@dealerflow/engine';
import { resourcesOf } from '@dealerflow/processes';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../src/db/createDataSource';
import { demoDealers } from '../../src/demo/demoData';
import { demoTenderProducts } from '../../src/demo/demoTenders';
import { Dealer } from '../../src/entities/Dealer';
import { startPluginWorkers } from '../../src/engine/pluginWorkers';
import { shippedPlugins } from '../../src/engine/shippedPlugins';
import { TenderProduct } from '../../src/tenders/TenderProduct';
import { eventually } from '../support/eventually';
import type { TestDatabase } from '../support/testDatabases';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A valid application; tests change what they need. */
export const application = (overrides: Variables = {}): Variables => ({
  customerInn: '7707083893',
  customerName: 'ПАО «Сбербанк»',
  tenderNumber: '0373100056024000123',
  platform: 'eis-44',
  tenderObject: 'Поставка легковых автомобилей для нужд Московского банка',
  products: [{ productCode: 'K5', quantity: 12 }],
  expectedDate: '2027-01-20',
  documents: [{ id: '3f1c2b9a-1111-4a2b-9c3d-000000000001', fileName: 'Извещение.pdf' }],
  ...overrides,
});

/** The real engine on a real database with the demo dealers and catalog, the shipped plugins as workers, and a clock the test moves. */
export interface TenderHarness {
  dataSource: DataSource;
  engine: EmbeddedEngine;
  clock: ManualClock;
  /** Starts a case as the server would: system variables added. */
  apply(dealerId: string, caseRef: string, variables: Variables): Promise<string>;
  /** Waits for the open user task `elementId` of the case. */
  taskFor(caseRef: string, elementId: string): Promise<UserTask>;
  /** Waits until the instance has ended and returns its details. */
  ended(processInstanceKey: string): Promise<{ state: string; variables: Variables; elements: string[] }>;
  close(): Promise<void>;
}

export async function startTenderHarness(database: TestDatabase): Promise<TenderHarness> {
  const dataSource = await openDatabase(await database.create());
  await dataSource.getRepository(Dealer).insert(demoDealers.map((d) => ({ ...d })));
  await dataSource.getRepository(TenderProduct).insert(demoTenderProducts.map((p) => ({ ...p })));
  const clock = new ManualClock(Date.parse('2026-12-01T09:00:00Z'));
  const engine = new EmbeddedEngine({ store: new TypeOrmStore(dataSource), clock, pollInterval: 0 });
  await engine.deploy(resourcesOf('tender-reservation').filter((r) => /\.(bpmn|dmn)$/.test(r.name)));
  const plugins = shippedPlugins(dataSource, () => new Date(clock.now()));
  const workers: Worker[] = startPluginWorkers(engine, plugins, silent);
  return {
    dataSource,
    engine,
    clock,
    async apply(dealerId, caseRef, variables) {
      const started = await engine.createInstance('tender-reservation', { ...variables, dealerId, caseRef, startedBy: `${dealerId}.manager` });
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
