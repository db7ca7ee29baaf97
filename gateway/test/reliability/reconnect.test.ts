import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStandaloneEngine, type StandaloneEngine } from '../../src';
import { freePort } from '../support/engineProcess';
import { eventually } from '../support/eventually';
import { fixture, sdkGrpcClient, uniqueType, type TestGateway } from '../support/testGateway';

describe('workers across a restart of the engine', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'df-reconnect-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // The SDK's stream worker does not reopen its stream; its sidecar poll (pollInterval) is what picks jobs up after a restart.
  it('a polling worker and a streaming worker of the SDK complete jobs created after the engine restarted, without help', async () => {
    const port = await freePort();
    const start = () => startStandaloneEngine({ databaseUrl: `sqlite:${join(dir, 'engine.sqlite')}`, grpc: { host: '127.0.0.1', port }, pollInterval: 100 });
    let running: StandaloneEngine = await start();
    const asGateway = () => ({ ...running, address: `127.0.0.1:${port}` }) as TestGateway;
    const zbc = sdkGrpcClient(asGateway(), { retry: true });
    const polled = uniqueType('polled');
    const streamed = uniqueType('streamed');
    const worker = zbc.createWorker({ taskType: polled, taskHandler: (job) => job.complete({ by: 'poller' }) });
    const stream = await zbc.streamJobs({ type: streamed, worker: 'streamer', timeout: 30_000, tenantIds: [], pollInterval: 500, taskHandler: (job) => job.complete({ by: 'stream' }) });
    try {
      await zbc.deployResource({ processFilename: fixture('g_task.bpmn') });
      await running.close();
      running = await start();
      const a = await zbc.createProcessInstance({ bpmnProcessId: 'g_task', variables: { jobType: polled } });
      const b = await zbc.createProcessInstance({ bpmnProcessId: 'g_task', variables: { jobType: streamed } });
      await eventually(async () => expect(await running.engine.getInstance(a.processInstanceKey)).toMatchObject({ state: 'COMPLETED', variables: { by: 'poller' } }), 20_000, 200);
      await eventually(async () => expect(await running.engine.getInstance(b.processInstanceKey)).toMatchObject({ state: 'COMPLETED', variables: { by: 'stream' } }), 20_000, 200);
    } finally {
      stream.close();
      await worker.close();
      await zbc.close();
      await running.close();
    }
  }, 60_000);
});
