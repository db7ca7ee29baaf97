import { EmbeddedEngine, ManualClock, TypeOrmStore, type UserTask, type Variables, type Worker } from '@dealerflow/engine';
import { leadRoutingPlugin, type Plugin } from '@dealerflow/plugins';
import { resourcesOf } from '@dealerflow/processes';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../src/db/createDataSource';
import { demoDealers } from '../../src/demo/demoData';
import { Dealer } from '../../src/entities/Dealer';
import { shippedPlugins } from '../../src/engine/shippedPlugins';
import { startPluginWorkers } from '../../src/engine/pluginWorkers';
import { seedLeadNetwork } from '../../src/leads/demoTerritories';
import { Lead } from '../../src/leads/Lead';
import { SqlLeadLedger } from '../../src/leads/SqlLeadLedger';
import { eventually } from '../support/eventually';
import type { TestDatabase } from '../support/testDatabases';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A lead as the intake route takes it. */
export interface LeadInput {
  customerName: string;
  phone: string;
  email?: string;
  regionCode?: string;
  cityCode?: string;
  model: string;
  source: string;
  externalId?: string;
}

/** The real engine on a real database with the demo dealers, territories and ratings, the shipped plugins (lead routing on the test's clock) and a clock the test moves. */
export interface LeadHarness {
  dataSource: DataSource;
  engine: EmbeddedEngine;
  clock: ManualClock;
  /** Stores a lead and starts its case, as the intake route does. */
  send(caseRef: string, lead: LeadInput): Promise<{ leadId: number; key: string }>;
  /** Waits for the open user tasks `elementId` of the case. */
  tasksFor(caseRef: string, elementId: string, count?: number): Promise<UserTask[]>;
  /** Waits for exactly one open user task `elementId` of the case. */
  taskFor(caseRef: string, elementId: string): Promise<UserTask>;
  /** Moves the clock and lets timers fire. */
  advanceMinutes(minutes: number): Promise<void>;
  lead(leadId: number): Promise<Lead>;
  close(): Promise<void>;
}

/** Opens a fresh database with the demo network, deploys lead-distribution and starts the plugin workers. */
export async function startLeadHarness(database: TestDatabase): Promise<LeadHarness> {
  const dataSource = await openDatabase(await database.create());
  await dataSource.getRepository(Dealer).insert(demoDealers.map((d) => ({ ...d })));
  const clock = new ManualClock(Date.parse('2026-12-01T09:00:00Z'));
  await dataSource.transaction((m) => seedLeadNetwork(m, new Date(clock.now())));
  const engine = new EmbeddedEngine({ store: new TypeOrmStore(dataSource), clock, pollInterval: 0 });
  await engine.deploy(resourcesOf('lead-distribution').filter((r) => /\.(bpmn|dmn)$/.test(r.name)));
  const plugins: Plugin[] = [...shippedPlugins(dataSource).filter((p) => p.taskType !== 'lead-routing'), leadRoutingPlugin(new SqlLeadLedger(dataSource, () => new Date(clock.now()))) as Plugin];
  const workers: Worker[] = startPluginWorkers(engine, plugins, silent);
  const openTasks = async (caseRef: string, elementId: string) => (await engine.searchUserTasks({ state: 'CREATED', elementId })).filter((t) => t.variables.caseRef === caseRef);
  return {
    dataSource,
    engine,
    clock,
    async send(caseRef, lead) {
      const row = dataSource.getRepository(Lead).create({ ...lead, email: lead.email ?? null, regionCode: lead.regionCode ?? null, cityCode: lead.cityCode ?? null, externalId: lead.externalId ?? null, source: lead.source as Lead['source'], caseRef, status: 'new', createdBy: 'test', createdAt: new Date(clock.now()), offers: 0 });
      await dataSource.getRepository(Lead).insert(row);
      const started = await engine.createInstance('lead-distribution', { ...lead, leadId: row.id, caseRef, dealerId: null, startedBy: 'test' } as Variables);
      return { leadId: row.id, key: started.processInstanceKey };
    },
    tasksFor: (caseRef, elementId, count = 1) => eventually(async () => {
      const tasks = await openTasks(caseRef, elementId);
      if (tasks.length !== count) throw new Error(`${tasks.length} open ${elementId} tasks for ${caseRef}, expected ${count}`);
      return tasks;
    }),
    taskFor: (caseRef, elementId) => eventually(async () => {
      const tasks = await openTasks(caseRef, elementId);
      if (tasks.length !== 1) throw new Error(`${tasks.length} open ${elementId} tasks for ${caseRef}`);
      return tasks[0];
    }),
    async advanceMinutes(minutes) {
      clock.advance(minutes * 60_000);
      await engine.tick();
    },
    lead: (leadId) => dataSource.getRepository(Lead).findOneByOrFail({ id: leadId }),
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await engine.close();
      await dataSource.destroy();
      await database.drop();
    },
  };
}
