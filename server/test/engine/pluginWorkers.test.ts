import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedEngine, ManualClock, TypeOrmStore, engineEntities, engineMigrations } from '@dealerflow/engine';
import { backOffFor, definePlugin } from '@dealerflow/plugins';
import { DataSource } from 'typeorm';
import { startPluginWorkers } from '../../src/engine/pluginWorkers';
import { eventually } from '../support/eventually';

const flaky = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="http://dealerflow.example/test">
  <bpmn:process id="backoff-flaky" isExecutable="true">
    <bpmn:startEvent id="Begin"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="Call"><bpmn:extensionElements><zeebe:taskDefinition type="backoff-flaky" retries="3" /></bpmn:extensionElements><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:endEvent id="Done"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Begin" targetRef="Call" />
    <bpmn:sequenceFlow id="F2" sourceRef="Call" targetRef="Done" />
  </bpmn:process>
</bpmn:definitions>`;

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('plugin workers', () => {
  let dir: string;
  let dataSource: DataSource;
  let engine: EmbeddedEngine;
  const clock = new ManualClock(Date.now());

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'df-workers-'));
    dataSource = new DataSource({ type: 'better-sqlite3', database: join(dir, 'engine.sqlite'), entities: engineEntities, migrations: engineMigrations, synchronize: false });
    await dataSource.initialize();
    await dataSource.runMigrations();
    engine = new EmbeddedEngine({ store: new TypeOrmStore(dataSource), clock, pollInterval: 0 });
  });

  afterAll(async () => {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs a failing plugin off longer on each attempt, as runPlugin decides', async () => {
    // given a plugin that fails twice, then succeeds
    let calls = 0;
    const plugin = definePlugin<object, object>({
      taskType: 'backoff-flaky', title: 'Flaky', description: 'fails twice', input: { type: 'object' }, output: { type: 'object' },
      run: async () => {
        if (++calls <= 2) throw new Error(`registry down (${calls})`);
        return {};
      },
    });
    const workers = startPluginWorkers(engine, [plugin], quiet);
    await engine.deploy([{ name: 'flaky.bpmn', content: flaky }]);
    const { processInstanceKey } = await engine.createInstance('backoff-flaky');
    // the back-off counts from the failure's commit, so the clock moves only once it is stored
    const failureStored = (n: number) => eventually(async () => {
      const rows: { data: string }[] = await dataSource.query("SELECT data FROM engine_item WHERE kind = 'job' AND name = 'backoff-flaky'");
      expect(rows.map((row) => JSON.parse(row.data) as { locked: boolean; errorMessage?: string })).toEqual([expect.objectContaining({ locked: false, errorMessage: expect.stringContaining(`(${n})`) })]);
    });
    await failureStored(1);

    // when the first back-off has not quite passed, the job waits; once it has, it runs again
    const advance = async (ms: number) => {
      clock.advance(ms);
      await engine.tick();
    };
    const stillWaiting = async (count: number) => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(calls).toBe(count);
    };
    await advance(backOffFor(0) - 1);
    await stillWaiting(1);
    await advance(1);
    await eventually(async () => expect(calls).toBe(2));
    await failureStored(2);

    // then the second back-off is the next step of the policy, not the first again
    expect(backOffFor(1)).toBeGreaterThan(backOffFor(0));
    await advance(backOffFor(0));
    await stillWaiting(2);
    await advance(backOffFor(1) - backOffFor(0));
    await eventually(async () => expect(calls).toBe(3));
    await eventually(async () => expect((await engine.getInstance(processInstanceKey)).state).toBe('COMPLETED'));
    expect(calls).toBe(3);
    for (const worker of workers) await worker.close();
  });
});
