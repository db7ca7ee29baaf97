import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCamundaClient } from '@camunda8/orchestration-cluster-api';
import { exited, freePort, startEngineProcess, type EngineProcess } from '../support/engineProcess';
import { eventually } from '../support/eventually';
import { RawClient } from '../support/rawClient';
import { fixture, sdkGrpcClient, uniqueType, type TestGateway } from '../support/testGateway';

const INSTANCES = 200;
const NOW = { consistency: { waitUpToMs: 0 } };

describe('kill -9 of the standalone engine with instances in flight', () => {
  let dir: string;
  let engine: EngineProcess | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'df-killed-'));
  });
  afterAll(async () => {
    if (engine && engine.child.exitCode === null && engine.child.signalCode === null) {
      engine.child.kill('SIGKILL');
      await exited(engine.child);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('after a restart on the same state and ports, the connected workers finish every instance and every job takes effect exactly once', async () => {
    // given the engine on durable SQLite state with 200 instances of one service task each
    const grpcPort = await freePort();
    const restPort = await freePort();
    const env = { ZEEBE_GRPC_PORT: String(grpcPort), ZEEBE_REST_PORT: String(restPort), ENGINE_DATABASE_URL: `sqlite:${join(dir, 'engine.sqlite')}` };
    engine = await startEngineProcess(env);
    const jobType = uniqueType('killed');
    const raw = new RawClient(`127.0.0.1:${grpcPort}`);
    const instanceKeys = new Set<string>();
    try {
      await raw.call('DeployResource', { resources: [{ name: 'g_task.bpmn', content: readFileSync(fixture('g_task.bpmn')) }] });
      for (let i = 0; i < INSTANCES; i += 20) {
        const batch = await Promise.all(Array.from({ length: 20 }, () => raw.call('CreateProcessInstance', { bpmnProcessId: 'g_task', variables: JSON.stringify({ jobType }) })));
        for (const created of batch) instanceKeys.add(String(created.processInstanceKey));
      }
    } finally {
      raw.close();
    }
    expect(instanceKeys.size).toBe(INSTANCES);

    // and a polling and a streaming worker of the SDK whose effect is keyed by the job key (the idempotency key)
    const effects = new Map<string, string>();
    let deliveries = 0;
    let acknowledged = 0;
    let killAt: (() => void) | undefined;
    const handle = async (job: { key: string; processInstanceKey: string; complete(variables?: Record<string, unknown>): Promise<unknown> }, by: string) => {
      deliveries++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (!effects.has(job.key)) effects.set(job.key, job.processInstanceKey);
      if (effects.size >= INSTANCES / 4) killAt?.();
      const ack = await job.complete({ by });
      acknowledged++;
      return ack;
    };
    const zbc = sdkGrpcClient({ address: `127.0.0.1:${grpcPort}` } as TestGateway, { retry: true });
    const killed = new Promise<void>((resolve) => (killAt = () => {
      killAt = undefined;
      engine!.child.kill('SIGKILL');
      resolve();
    }));
    // the job timeout is what hands back a job activated before the crash whose completion never landed
    const worker = zbc.createWorker({ taskType: jobType, timeout: 3000, maxJobsToActivate: 16, pollInterval: 100, taskHandler: (job) => handle(job as never, 'poller') as never });
    const stream = await zbc.streamJobs({ type: jobType, worker: 'streamer', timeout: 3000, tenantIds: [], pollInterval: 300, taskHandler: (job) => handle(job as never, 'stream') as never });
    try {
      // when the engine is killed with SIGKILL a quarter of the way through
      await Promise.race([killed, new Promise((_, reject) => setTimeout(() => reject(new Error(`the workers took ${effects.size} jobs in 30 s, ${deliveries} deliveries`)), 30_000))]);
      await exited(engine.child);
      // instances were still in flight: the workers may hold every job by now, but not every completion was acknowledged
      expect(acknowledged).toBeLessThan(INSTANCES);

      // and started again on the same state and ports, the workers untouched
      engine = await startEngineProcess(env);

      // then every instance completes, as a REST search of the engine reads it
      const camunda = createCamundaClient({ config: { CAMUNDA_REST_ADDRESS: `http://127.0.0.1:${restPort}`, CAMUNDA_AUTH_STRATEGY: 'NONE', CAMUNDA_SDK_LOG_LEVEL: 'silent' } } as Parameters<typeof createCamundaClient>[0]);
      const completed = await eventually(async () => {
        const found = await camunda.searchProcessInstances({ filter: { processDefinitionId: 'g_task' as never, state: 'COMPLETED' }, page: { limit: 1000 } }, NOW);
        expect(found.page.totalItems).toBe(INSTANCES);
        return found.items;
      }, 45_000, 250);
      expect(new Set(completed.map((i) => String(i.processInstanceKey)))).toEqual(instanceKeys);
      const active = await camunda.searchProcessInstances({ filter: { processDefinitionId: 'g_task' as never, state: 'ACTIVE' } }, NOW);
      expect(active.page.totalItems).toBe(0);

      // and every job had its effect exactly once: one distinct job key per instance, none left over
      expect(effects.size).toBe(INSTANCES);
      expect(new Set(effects.values())).toEqual(instanceKeys);
      expect(deliveries).toBeGreaterThanOrEqual(INSTANCES);
    } finally {
      stream.close();
      // the SDK's close waits for jobs in hand; a completion still retrying toward the killed engine must not hold the test
      await Promise.race([worker.close().then(() => zbc.close()), new Promise((resolve) => setTimeout(resolve, 5000))]);
    }
    engine.child.kill('SIGTERM');
    expect(await exited(engine.child)).toBe(0);
  }, 90_000);
});
