import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCamundaClient } from '@camunda8/orchestration-cluster-api';
import { configFromEnv } from '../../src';
import { exited, freePort, startEngineProcess as startEngine } from '../support/engineProcess';
import { RawClient } from '../support/rawClient';
import { fixture, uniqueType } from '../support/testGateway';

function activate(raw: RawClient, type: string): Promise<Array<{ key: string; variables: string }>> {
  return new Promise((resolve, reject) => {
    const got: Array<{ key: string; variables: string }> = [];
    raw.stream('ActivateJobs', { type, maxJobsToActivate: 5, timeout: 30_000, requestTimeout: 5000 })
      .on('data', (d: { jobs: typeof got }) => got.push(...d.jobs)).on('end', () => resolve(got)).on('error', reject);
  });
}

describe('the standalone engine (npm run engine)', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'df-standalone-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults to gRPC on 127.0.0.1:26500, REST on 127.0.0.1:8080 and an SQLite file under ./data', () => {
    expect(configFromEnv({})).toEqual({ databaseUrl: 'sqlite:./data/engine.sqlite', grpc: { host: '127.0.0.1', port: 26500 }, rest: { host: '127.0.0.1', port: 8080 } });
    expect(configFromEnv({ ZEEBE_GRPC_PORT: '26600', ZEEBE_REST_PORT: '8090', ENGINE_DATABASE_URL: 'mysql://root@127.0.0.1:3306/engine' })).toEqual({ databaseUrl: 'mysql://root@127.0.0.1:3306/engine', grpc: { host: '127.0.0.1', port: 26600 }, rest: { host: '127.0.0.1', port: 8090 } });
    expect(() => configFromEnv({ ZEEBE_REST_PORT: '-1' })).toThrow(/ZEEBE_REST_PORT/);
    expect(() => configFromEnv({ ZEEBE_GRPC_PORT: 'http' })).toThrow(/ZEEBE_GRPC_PORT/);
  });

  it('serves on ZEEBE_GRPC_PORT and ZEEBE_REST_PORT, shuts down gracefully on SIGTERM, and keeps its state across a restart', async () => {
    const port = await freePort();
    const restPort = await freePort();
    const camunda = createCamundaClient({ config: { CAMUNDA_REST_ADDRESS: `http://127.0.0.1:${restPort}`, CAMUNDA_AUTH_STRATEGY: 'NONE', CAMUNDA_SDK_LOG_LEVEL: 'silent' } } as Parameters<typeof createCamundaClient>[0]);
    const env = { ZEEBE_GRPC_PORT: String(port), ZEEBE_REST_PORT: String(restPort), ENGINE_DATABASE_URL: `sqlite:${join(dir, 'engine.sqlite')}` };
    const jobType = uniqueType('durable');

    const first = await startEngine(env);
    let raw = new RawClient(`127.0.0.1:${port}`);
    let instanceKey: string;
    try {
      await expect(raw.call('Topology', {})).resolves.toMatchObject({ gatewayVersion: expect.stringMatching(/^8\.8\./), brokers: [expect.objectContaining({ port })] });
      await expect(camunda.getTopology()).resolves.toMatchObject({ gatewayVersion: expect.stringMatching(/^8\.8\./) });
      await raw.call('DeployResource', { resources: [{ name: 'g_task.bpmn', content: readFileSync(fixture('g_task.bpmn')) }] });
      instanceKey = String((await raw.call('CreateProcessInstance', { bpmnProcessId: 'g_task', variables: JSON.stringify({ jobType }) })).processInstanceKey);
    } finally {
      raw.close();
    }
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);
    expect(first.output()).toContain('SIGTERM, shutting down');

    const second = await startEngine(env);
    raw = new RawClient(`127.0.0.1:${port}`);
    try {
      const [job] = await activate(raw, jobType);
      expect(JSON.parse(job.variables)).toEqual({ jobType });
      await raw.call('CompleteJob', { jobKey: job.key, variables: JSON.stringify({ survived: true }) });
      await expect(raw.call('CancelProcessInstance', { processInstanceKey: instanceKey })).rejects.toMatchObject({ code: 5 });
      const read = await camunda.getProcessInstance({ processInstanceKey: instanceKey as never }, { consistency: { waitUpToMs: 0 } });
      expect(read.state).toBe('COMPLETED');
    } finally {
      raw.close();
      second.child.kill('SIGINT');
      expect(await exited(second.child)).toBe(0);
    }
  });
});
