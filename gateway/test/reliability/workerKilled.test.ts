import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exited, spawnTs, waitForOutput } from '../support/engineProcess';
import { eventually } from '../support/eventually';
import { RawClient } from '../support/rawClient';
import { fixture, sdkGrpcClient, startTestGateway, uniqueType, type TestGateway } from '../support/testGateway';

const STALLING_WORKER = join(__dirname, '../support/stallingWorker.ts');

describe('a worker killed mid-job', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway('sqlite');
    const raw = new RawClient(gateway.address);
    await raw.call('DeployResource', { resources: [{ name: 'g_task.bpmn', content: readFileSync(fixture('g_task.bpmn')) }] });
    raw.close();
  });
  afterAll(() => gateway.close());

  it('its job times out, another worker completes it, and the instance completes once', async () => {
    // given an instance whose job a worker process activated with a 1.5 s timeout
    const jobType = uniqueType('stalled');
    const zbc = sdkGrpcClient(gateway);
    const { processInstanceKey } = await zbc.createProcessInstance({ bpmnProcessId: 'g_task', variables: { jobType } });
    const stalling = spawnTs(STALLING_WORKER, [gateway.address, jobType, '1500']);
    const output = await waitForOutput(stalling, /activated \d+/);
    const activatedKey = /activated (\d+)/.exec(output())![1];

    // when that worker is killed with SIGKILL before it completes the job
    stalling.kill('SIGKILL');
    await exited(stalling);

    // then another worker gets the same job once it timed out, and completes it
    const delivered: string[] = [];
    const worker = zbc.createWorker({ taskType: jobType, timeout: 30_000, pollInterval: 100, taskHandler: (job) => {
      delivered.push(job.key);
      return job.complete({ by: 'second' });
    } });
    try {
      const done = await eventually(async () => {
        const instance = await gateway.engine.getInstance(processInstanceKey);
        expect(instance).toMatchObject({ state: 'COMPLETED', variables: { by: 'second' } });
        return instance;
      }, 20_000, 100);
      expect(done.variables).toEqual({ jobType, by: 'second' });
      expect(delivered).toEqual([activatedKey]);
      // and the instance ended exactly once: one end element, nothing left waiting
      const ends = (await gateway.engine.searchElementInstances({ processInstanceKey })).filter((e) => e.elementId === 'end');
      expect(ends).toHaveLength(1);
      expect(await gateway.engine.searchInstances({ bpmnProcessId: 'g_task', state: 'ACTIVE' })).toEqual([]);
    } finally {
      await worker.close();
      await zbc.close();
    }
  }, 60_000);
});
