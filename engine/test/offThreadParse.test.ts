import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { FIXTURES } from '../conformance';
import { EmbeddedEngine, TypeOrmStore, parsePool } from '../src';
import { parseBpmn } from '../src/embedded/model/parseBpmn';
import { OFF_THREAD_LENGTH } from '../src/embedded/model/parseBpmnOffThread';
import { fromPortable, toPortable } from '../src/embedded/model/portableModel';
import { openDataSource, sqliteDatabase, type TestDatabase } from './support/testDataSources';

/** A chain of user tasks with input mappings, about `kilobytes` KB of XML. */
function largeModel(id: string, kilobytes: number): string {
  const task = (i: number) => `<bpmn:userTask id="Task_${i}" name="Review step ${i}"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="warranty" /><zeebe:ioMapping><zeebe:input source="=claim.amount * ${i}" target="amount${i}" /><zeebe:input source="=if claim.mileage &gt; ${i * 100} then &quot;high&quot; else &quot;low&quot;" target="band${i}" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:userTask><bpmn:sequenceFlow id="Flow_${i}" sourceRef="${i === 1 ? 'start' : `Task_${i - 1}`}" targetRef="Task_${i}" />`;
  const count = Math.ceil((kilobytes * 1024) / task(1000).length);
  const body = Array.from({ length: count }, (_, i) => task(i + 1)).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d_${id}" targetNamespace="t">
  <bpmn:process id="${id}" isExecutable="true"><bpmn:startEvent id="start" />
${body}
  <bpmn:endEvent id="end" /><bpmn:sequenceFlow id="Flow_end" sourceRef="Task_${count}" targetRef="end" /></bpmn:process>
</bpmn:definitions>`;
}

describe('parsing large models off the event loop', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await sqliteDatabase();
    dataSource = await openDataSource(db);
  });

  afterAll(async () => {
    await parsePool().close();
    await db.drop();
  });

  it('keeps every element, flow and expression of a model that crosses threads', async () => {
    const xml = readFileSync(join(FIXTURES, 'c_io_mapping.bpmn'), 'utf8');
    const [{ model }] = (await parseBpmn('c_io_mapping.bpmn', xml)).processes;
    const copy = await fromPortable(toPortable(model));
    expect([...copy.elements.keys()]).toEqual([...model.elements.keys()]);
    const score = copy.elements.get('score')!;
    expect(score.inputs.map((m) => [m.target, m.source.source, m.source.evaluate({ amount: 2, customer: { name: 'Ann' } })])).toEqual([['name', 'customer.name', 'Ann'], ['cents', 'amount * 100', 200]]);
    expect(score.job!.type.evaluate({})).toBe('c-score');
    expect(toPortable(copy)).toEqual(toPortable(model));
  });

  it('deploys a 900 KB model parsed in a worker thread, runs it, and parses it there again after a restart', async () => {
    // given a 900 KB model
    const xml = largeModel('large_model', 940);
    expect(xml.length).toBeGreaterThan(Math.max(900 * 1024, OFF_THREAD_LENGTH));
    const engine = new EmbeddedEngine({ store: new TypeOrmStore(dataSource), pollInterval: 0 });
    const before = parsePool().completed;

    // when it is deployed
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    await new Promise((resolve) => setTimeout(resolve, 20)); // the first tick only starts the sampling
    await engine.deploy([{ name: 'large.bpmn', content: xml }]);
    delay.disable();
    // reported, never asserted: the machine is shared
    console.log(`engine deploy of a ${Math.round(xml.length / 1024)} KB model: event-loop delay max ${(delay.max / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms`);

    // then the parse ran in a worker thread, and the model it sent back runs
    expect(parsePool().completed - before).toBe(1);
    const { processInstanceKey } = await engine.createInstance('large_model', { claim: { amount: 10, mileage: 150 } });
    expect(await engine.searchUserTasks({ processInstanceKey })).toEqual([expect.objectContaining({ elementId: 'Task_1', variables: expect.objectContaining({ amount1: 10, band1: 'high' }) })]);
    await engine.close();

    // and an engine started afresh compiles the stored model in a worker thread too
    const restarted = new EmbeddedEngine({ store: new TypeOrmStore(await openDataSource(db)), pollInterval: 0 });
    const [task] = await restarted.searchUserTasks({ processInstanceKey });
    await restarted.completeUserTask(task.key);
    expect(parsePool().completed - before).toBe(2);
    expect(await restarted.searchUserTasks({ processInstanceKey })).toEqual([expect.objectContaining({ elementId: 'Task_2', variables: expect.objectContaining({ amount2: 20, band2: 'low' }) })]);
    await restarted.close();
  });
});
