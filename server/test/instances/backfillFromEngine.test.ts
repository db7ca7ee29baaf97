import { EmbeddedEngine, TypeOrmStore } from '@dealerflow/engine';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/db/createDataSource';
import { backfillFromEngine } from '../../src/instances/backfillFromEngine';
import { IncidentRecord } from '../../src/instances/IncidentRecord';
import { ProcessInstanceRecord } from '../../src/instances/ProcessInstanceRecord';
import { testDatabases, type TestDatabase } from '../support/testDatabases';
import { flakyProcess } from './flakyProcess';

describe.each(testDatabases())('listing the cases an engine ran before the projection, on %s', (_kind, database) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = database();
    dataSource = new DataSource(dataSourceOptions(await db.create()));
    await dataSource.initialize();
    await dataSource.runMigrations();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('adds every engine instance with its state, dealer, case and open incidents, once per database', async () => {
    // given an engine that ran cases with nobody projecting them: one stuck on an incident, one cancelled
    const engine = new EmbeddedEngine({ store: new TypeOrmStore(dataSource), pollInterval: 0 });
    await engine.deploy([flakyProcess]);
    const stuck = await engine.createInstance('instances-flaky', { dealerId: 'dealer2', caseRef: 'OLD-1' });
    const [job] = await engine.activateJobs({ type: 'instances-flaky', maxJobsToActivate: 1 });
    await engine.failJob(job.key, { retries: 0, errorMessage: 'registry down' });
    const cancelled = await engine.createInstance('instances-flaky', { caseRef: 'OLD-2' });
    await engine.cancelInstance(cancelled.processInstanceKey);
    // when the backfill runs through the engine's searches, twice (two starts of the server)
    expect(await backfillFromEngine(engine, dataSource)).toBe(2);
    expect(await backfillFromEngine(engine, dataSource)).toBeNull();
    await engine.close();
    // then both are listed once, as the engine knows them
    const rows = await dataSource.getRepository(ProcessInstanceRecord).find({ order: { caseRef: 'ASC' } });
    expect(rows).toEqual([
      expect.objectContaining({ key: stuck.processInstanceKey, bpmnProcessId: 'instances-flaky', version: 1, state: 'active', dealerId: 'dealer2', caseRef: 'OLD-1', endedAt: null, openIncidents: 1 }),
      expect.objectContaining({ key: cancelled.processInstanceKey, state: 'terminated', dealerId: null, caseRef: 'OLD-2', endedAt: expect.any(Date), openIncidents: 0 }),
    ]);
    expect(await dataSource.getRepository(IncidentRecord).find()).toEqual([expect.objectContaining({ processInstanceKey: stuck.processInstanceKey, elementId: 'CallRegistry', message: 'registry down', jobKey: job.key, resolvedAt: null })]);
  });
});
