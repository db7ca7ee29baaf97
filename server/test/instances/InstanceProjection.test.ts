import type { Incident } from '@dealerflow/engine';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/db/createDataSource';
import { ElementStatistic } from '../../src/instances/ElementStatistic';
import { InstanceProjection } from '../../src/instances/InstanceProjection';
import { ProcessInstanceRecord } from '../../src/instances/ProcessInstanceRecord';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

describe.each(testDatabases())('the instance projection on %s', (_kind, database) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const projection = new InstanceProjection();
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

  const twice = (work: (manager: DataSource['manager']) => Promise<unknown>) => dataSource.transaction(async (manager) => {
    await work(manager);
    await work(manager);
  });

  it('changes nothing when it sees an event a second time', async () => {
    // given every event of a short instance, each delivered twice
    const key = '9001';
    const incident: Incident = { key: '9002', processInstanceKey: key, elementId: 'Check', type: 'JOB_NO_RETRIES', message: 'down', jobKey: '9003', createdAt: 1_000 };
    const element = <T extends 'element.activated' | 'element.completed'>(type: T, elementId: string, visit: string, at: number) => ({ type, eventKey: `${type}:${key}.${visit}`, processInstanceKey: key, bpmnProcessId: 'p', elementId, elementInstanceKey: `${key}.${visit}`, at });
    await twice((m) => projection.created(m, { type: 'instance.created', eventKey: `instance.created:${key}`, processInstanceKey: key, bpmnProcessId: 'p', version: 3, variables: { dealerId: 'dealer1', caseRef: 'P-1' } }));
    await twice((m) => projection.elementActivated(m, element('element.activated', 'Check', '1', 1_000)));
    await twice((m) => projection.incidentRaised(m, incident));
    expect((await dataSource.getRepository(ProcessInstanceRecord).findOneByOrFail({ key })).openIncidents).toBe(1);
    await twice((m) => projection.incidentResolved(m, incident));
    await twice((m) => projection.elementCompleted(m, element('element.completed', 'Check', '1', 4_000)));
    // a second visit of the same element in the same instance is a visit of its own
    await twice((m) => projection.elementActivated(m, element('element.activated', 'Check', '2', 5_000)));
    await twice((m) => projection.elementCompleted(m, element('element.completed', 'Check', '2', 6_000)));
    await twice((m) => projection.ended(m, key, 'completed'));
    await twice((m) => projection.ended(m, key, 'terminated'));
    // then each counted once
    expect(await dataSource.getRepository(ProcessInstanceRecord).findOneByOrFail({ key })).toMatchObject({ state: 'completed', version: 3, dealerId: 'dealer1', caseRef: 'P-1', openIncidents: 0 });
    expect(await dataSource.getRepository(ElementStatistic).findOneByOrFail({ bpmnProcessId: 'p', version: 3, elementId: 'Check' })).toMatchObject({ entered: 2, completed: 2, totalDurationMs: 4_000 });
  });

  it('keeps the searchable VIN and customer in step with the case variables, normalised for a prefix search', async () => {
    // given a case filed with a lower-case VIN and a customer typed with extra spaces
    const key = '9101';
    await projection.created(dataSource.manager, { type: 'instance.created', eventKey: `instance.created:${key}`, processInstanceKey: key, bpmnProcessId: 'p', version: 1, variables: { dealerId: 'dealer1', caseRef: 'P-2', vin: ' xw8an2ne3ph000101 ', customerName: 'Иванов   Пётр' } });
    const row = () => dataSource.getRepository(ProcessInstanceRecord).findOneByOrFail({ key });
    expect(await row()).toMatchObject({ vin: 'XW8AN2NE3PH000101', customerName: 'Иванов   Пётр', customerKey: 'иванов пётр' });
    // when a later step carries a corrected VIN and no customer, then the row follows
    await projection.variablesChanged(dataSource.manager, key, { vin: 'XW8AN2NE3PH000202', customerName: null });
    expect(await row()).toMatchObject({ vin: 'XW8AN2NE3PH000202', customerName: null, customerKey: null });
    // and the same variables again change nothing
    await projection.variablesChanged(dataSource.manager, key, { vin: 'XW8AN2NE3PH000202' });
    expect(await row()).toMatchObject({ vin: 'XW8AN2NE3PH000202', customerName: null, customerKey: null, caseRef: 'P-2' });
  });
});
