import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { FIXTURES } from '../conformance';
import { EmbeddedEngine, TypeOrmStore, type IncidentType, type Variables } from '../src';
import { openDataSource, sqliteDatabase, type TestDatabase } from './support/testDataSources';

/** A process whose task's input mapping is over the FEEL budget. */
const expensiveInput = { name: 'c_expensive_input.bpmn', content: `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
  <bpmn:process id="c_expensive_input" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:serviceTask id="check"><bpmn:extensionElements><zeebe:taskDefinition type="c-credit-check" /><zeebe:ioMapping><zeebe:input source="=count(for i in 1..1000000 return i)" target="n" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" /><bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>` };

const fixture = (file: string) => (file === expensiveInput.name ? expensiveInput : { name: file, content: readFileSync(join(FIXTURES, file), 'utf8') });

interface Case {
  type: IncidentType;
  fixtures: string[];
  processId: string;
  variables?: Variables;
  /** What makes the incident happen after the start (a job acknowledgement). */
  cause?: (engine: EmbeddedEngine, jobKey: string) => Promise<void>;
  /** A fix deployed before the retry, if any. */
  fix?: string[];
  /** What the retry leads to: the instance completes (a called child's task done too), or the same cause raises a new incident. */
  then: 'completes' | 'raisesAgain';
}

const cases: Array<[string, Case]> = [
  ['a job that failed with no retries left', { type: 'JOB_NO_RETRIES', fixtures: ['c_service_task.bpmn'], processId: 'c_service_task', cause: (e, key) => e.failJob(key, { retries: 0, errorMessage: 'down' }), then: 'completes' }],
  ['a job that threw a BPMN error nothing catches', { type: 'UNHANDLED_ERROR_EVENT', fixtures: ['c_service_task.bpmn'], processId: 'c_service_task', cause: (e, key) => e.throwJobError(key, { errorCode: 'CREDIT_NOTE_REJECTED', errorMessage: 'rejected' }), then: 'completes' }],
  ['an error end event nothing catches', { type: 'UNHANDLED_ERROR_EVENT', fixtures: ['c_error_uncaught.bpmn'], processId: 'c_error_uncaught', then: 'raisesAgain' }],
  ['an input mapping over the FEEL budget', { type: 'IO_MAPPING_ERROR', fixtures: [expensiveInput.name], processId: 'c_expensive_input', then: 'raisesAgain' }],
  ['a multi-instance input that is not a list', { type: 'EXTRACT_VALUE_ERROR', fixtures: ['c_mi_bad.bpmn'], processId: 'c_mi_bad', variables: { items: 'not a list' }, then: 'raisesAgain' }],
  ['a gateway with no true condition', { type: 'CONDITION_ERROR', fixtures: ['c_exclusive_nodefault.bpmn'], processId: 'c_exclusive_nodefault', then: 'raisesAgain' }],
  ['a call activity to a process not deployed yet', { type: 'CALLED_ELEMENT_ERROR', fixtures: ['c_parent_missing.bpmn'], processId: 'c_parent_missing', variables: { childId: 'c_child' }, fix: ['c_child.bpmn'], then: 'completes' }],
  ['a decision not deployed yet', { type: 'DECISION_EVALUATION_ERROR', fixtures: ['c_business_rule.bpmn'], processId: 'c_business_rule', variables: { decision: 'discount_total', quantity: 60, fleet: true }, fix: ['c_rules.dmn'], then: 'completes' }],
];

describe('retrying an incident of each type the engine raises', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let engine: EmbeddedEngine;

  beforeAll(async () => {
    db = await sqliteDatabase();
    dataSource = await openDataSource(db);
    engine = new EmbeddedEngine({ store: new TypeOrmStore(dataSource), pollInterval: 0 });
  });

  afterAll(async () => {
    await engine.close();
    await db.drop();
  });

  it.each(cases)('%s: the retry is accepted and the instance moves on or shows an incident again', async (_name, c) => {
    // given an instance stopped by an incident of the type
    await engine.deploy(c.fixtures.map(fixture));
    const { processInstanceKey } = await engine.createInstance(c.processId, c.variables ?? {});
    if (c.cause) {
      const [job] = await engine.activateJobs({ type: 'c-credit-check', maxJobsToActivate: 1, worker: 'test' });
      await c.cause(engine, job.key);
    }
    const [incident] = (await engine.getInstance(processInstanceKey)).incidents;
    expect(incident.type).toBe(c.type);

    // when it is retried the way the server does (retries for its job, then resolve), after any fix is deployed
    if (c.fix) await engine.deploy(c.fix.map(fixture));
    if (incident.jobKey) await engine.updateJobRetries(incident.jobKey, 1);
    await engine.resolveIncident(incident.key);

    // then the instance went on, or the unchanged cause stopped it with a new incident: never stuck with none
    const jobs = await engine.activateJobs({ type: 'c-credit-check', maxJobsToActivate: 1, worker: 'test' });
    for (const job of jobs) await engine.completeJob(job.key, {});
    for (const task of await engine.searchUserTasks({ state: 'CREATED' })) await engine.completeUserTask(task.key);
    const after = await engine.getInstance(processInstanceKey);
    expect(after.incidents.map((i) => i.key)).not.toContain(incident.key);
    if (c.then === 'completes') expect(after.state).toBe('COMPLETED');
    else expect(after.incidents).toEqual([expect.objectContaining({ type: c.type, elementId: incident.elementId })]);
  });
});
