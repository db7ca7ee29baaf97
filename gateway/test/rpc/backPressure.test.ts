import { readFileSync } from 'node:fs';
import { status } from '@grpc/grpc-js';
import { RawClient } from '../support/rawClient';
import { fixture, sdkGrpcClient, startTestGateway, testStores, uniqueType, type TestGateway } from '../support/testGateway';

// On SQLite and in memory an engine step runs to its end before the next request is read,
// so commands never pile up; a database with real round trips is where the bound matters.
const describeOnMariadb = testStores.includes('mariadb') ? describe : describe.skip;

describeOnMariadb('back-pressure (MariaDB store)', () => {
  let gateway: TestGateway;
  let raw: RawClient;

  beforeAll(async () => {
    gateway = await startTestGateway('mariadb', { maxInFlight: 2 });
    raw = new RawClient(gateway.address);
    await raw.call('DeployResource', { resources: [{ name: 'g_task.bpmn', content: readFileSync(fixture('g_task.bpmn')) }] });
  });
  afterAll(async () => {
    raw.close();
    await gateway.close();
  });

  async function jobCount(type: string): Promise<number> {
    const jobs = await new Promise<unknown[]>((resolve, reject) => {
      const got: unknown[] = [];
      raw.stream('ActivateJobs', { type, maxJobsToActivate: 1000, timeout: 60_000, requestTimeout: -1 })
        .on('data', (d: { jobs: unknown[] }) => got.push(...d.jobs)).on('end', () => resolve(got)).on('error', reject);
    });
    return jobs.length;
  }

  it('over the in-flight bound a creation answers RESOURCE_EXHAUSTED and creates nothing', async () => {
    const jobType = uniqueType('burst');
    const outcomes = await Promise.all(Array.from({ length: 40 }, () => raw.call('CreateProcessInstance', { bpmnProcessId: 'g_task', variables: JSON.stringify({ jobType }) })
      .then(() => 'created', (e: { code: number }) => (e.code === status.RESOURCE_EXHAUSTED ? 'refused' : `error ${e.code}`))));
    const created = outcomes.filter((o) => o === 'created').length;
    expect(outcomes.filter((o) => o === 'refused').length).toBeGreaterThan(0);
    expect(created + outcomes.filter((o) => o === 'refused').length).toBe(40);
    expect(await jobCount(jobType)).toBe(created);
  });

  it('the official SDK retries refused creations until every one is created, exactly once', async () => {
    const jobType = uniqueType('retried');
    const zbc = sdkGrpcClient(gateway, { retry: true });
    try {
      const created = await Promise.all(Array.from({ length: 12 }, () => zbc.createProcessInstance({ bpmnProcessId: 'g_task', variables: { jobType } })));
      expect(new Set(created.map((c) => c.processInstanceKey)).size).toBe(12);
      expect(await jobCount(jobType)).toBe(12);
    } finally {
      await zbc.close();
    }
  });
});
