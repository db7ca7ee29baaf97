import { readFileSync } from 'node:fs';
import { RawClient } from '../support/rawClient';
import { eventually } from '../support/eventually';
import { fixture, startTestGateway, uniqueType, type TestGateway } from '../support/testGateway';

const JOBS = 60;

interface StreamedJob {
  key: string;
}

describe('a job stream whose client stops reading', () => {
  let gateway: TestGateway;
  let raw: RawClient;

  beforeAll(async () => {
    gateway = await startTestGateway('memory');
    raw = new RawClient(gateway.address);
    await raw.call('DeployResource', { resources: [{ name: 'g_task.bpmn', content: readFileSync(fixture('g_task.bpmn')) }] });
  });
  afterAll(async () => {
    raw.close();
    await gateway.close();
  });

  const activate = (jobType: string) => new Promise<StreamedJob[]>((resolve, reject) => {
    const got: StreamedJob[] = [];
    raw.stream('ActivateJobs', { type: jobType, worker: 'poller', maxJobsToActivate: 100, timeout: 60_000, requestTimeout: -1 })
      .on('data', (d: { jobs: StreamedJob[] }) => got.push(...d.jobs)).on('end', () => resolve(got)).on('error', reject);
  });

  it('stops getting jobs once its buffers are full; other workers take the rest, and every job goes to exactly one of them', async () => {
    const jobType = uniqueType('slow');
    const stream = raw.stream('StreamActivatedJobs', { type: jobType, worker: 'slow', timeout: 60_000 });
    const streamed: StreamedJob[] = [];
    stream.on('data', (job: StreamedJob) => streamed.push(job)).on('error', () => undefined);
    stream.pause();
    await new Promise((resolve) => setTimeout(resolve, 200));
    // 64 KB jobs, one at a time: the client's flow-control window takes about a megabyte, the stream's buffer 16 jobs more
    const padding = 'x'.repeat(64 * 1024);
    const instances = new Set<string>();
    for (let i = 0; i < JOBS; i++) {
      const created = await raw.call('CreateProcessInstance', { bpmnProcessId: 'g_task', variables: JSON.stringify({ jobType, padding }) });
      instances.add(String(created.processInstanceKey));
    }
    const polled = await activate(jobType);
    expect(polled.length).toBeGreaterThan(10);
    stream.resume();
    const all = await eventually(() => {
      const keys = [...streamed, ...polled].map((j) => j.key);
      expect(keys).toHaveLength(JOBS);
      return keys;
    });
    stream.cancel();
    expect(new Set(all).size).toBe(JOBS);
    expect(streamed.length).toBeGreaterThan(0);
    // the stream got nothing after its client stopped reading that a poll could have had
    await expect(activate(jobType)).resolves.toEqual([]);
  });
});
