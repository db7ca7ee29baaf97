import { readFileSync } from 'node:fs';
import type { Job } from '@dealerflow/engine';
// the adapter is the engine's second entry point, built beside the first
import { ZeebeEngine } from '@dealerflow/engine/dist/zeebe';
import { eventually } from '../support/eventually';
import { fixture, startTestGateway, uniqueType, type TestGateway } from '../support/testGateway';

describe("the Zeebe adapter's gRPC worker against the standalone engine", () => {
  let gateway: TestGateway;
  let adapter: ZeebeEngine;

  beforeAll(async () => {
    gateway = await startTestGateway();
    adapter = new ZeebeEngine({ restAddress: gateway.restAddress, grpcAddress: `grpc://${gateway.address}` });
    await gateway.engine.deploy([{ name: 'g_task.bpmn', content: readFileSync(fixture('g_task.bpmn'), 'utf8') }]);
  });
  afterAll(async () => {
    await adapter.close();
    await gateway.close();
  });

  it('streams a job to the handler; a handler that throws fails it once with one retry less, and the job comes back', async () => {
    // given a worker whose handler throws on the first offer and completes on the next
    const type = uniqueType('wire-worker');
    const seen: Job[] = [];
    const worker = adapter.createWorker(type, async (job, act) => {
      seen.push(job);
      if (seen.length === 1) throw new Error('dealer system down');
      return act.complete({ worked: seen.length });
    });
    try {
      // when an instance creates the job
      const { processInstanceKey } = await adapter.createInstance('g_task', { jobType: type, vin: 'XTA210' });
      // then the instance completes with the second offer's result
      const done = await eventually(async () => {
        const instance = await adapter.getInstance(processInstanceKey);
        if (instance.state !== 'COMPLETED') throw new Error(`still ${instance.state}`);
        return instance;
      }, 20_000);
      expect(done.variables).toMatchObject({ vin: 'XTA210', worked: 2 });
      // and the handler saw the same job twice, its retries down by one, with its variables and headers
      expect(seen.map((j) => [j.key, j.retries])).toEqual([[seen[0].key, 3], [seen[0].key, 2]]);
      expect(seen[0]).toMatchObject({ processInstanceKey, elementId: 'work', bpmnProcessId: 'g_task', variables: { vin: 'XTA210' }, customHeaders: { purpose: 'compat' } });
    } finally {
      await worker.close();
    }
  });
});
