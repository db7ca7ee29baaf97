import { eventually } from '../support/eventually';
import { fixture, sdkGrpcClient, startTestGateway, uniqueType, type TestGateway } from '../support/testGateway';

describe('job workers of the official SDK over gRPC', () => {
  let gateway: TestGateway;
  let zbc: ReturnType<typeof sdkGrpcClient>;
  const closers: Array<() => unknown> = [];

  beforeAll(async () => {
    gateway = await startTestGateway('sqlite');
    zbc = sdkGrpcClient(gateway);
    await zbc.deployResource({ processFilename: fixture('g_task.bpmn') });
    await zbc.deployResource({ processFilename: fixture('g_error.bpmn') });
  });
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });
  afterAll(async () => {
    await zbc.close();
    await gateway.close();
  });

  const state = async (key: string) => (await gateway.engine.getInstance(key)).state;

  function worker(config: Parameters<typeof zbc.createWorker>[0]): void {
    const w = zbc.createWorker(config);
    closers.push(() => w.close());
  }

  it('a polling worker completes a job of a type only a remote client serves, exactly once', async () => {
    const jobType = uniqueType('poll');
    const seen: string[] = [];
    worker({ taskType: jobType, taskHandler: (job) => (seen.push(job.key), job.complete({ handled: (job.variables as { n: number }).n * 2, header: (job.customHeaders as { purpose: string }).purpose })) });
    const result = await zbc.createProcessInstanceWithResult({ bpmnProcessId: 'g_task', variables: { jobType, n: 21 }, requestTimeout: 10_000 });
    expect(result.variables).toMatchObject({ handled: 42, header: 'compat' });
    expect(seen).toHaveLength(1);
    expect(await state(result.processInstanceKey)).toBe('COMPLETED');
  });

  it('a streaming worker gets jobs pushed and completes them, each exactly once', async () => {
    const jobType = uniqueType('stream');
    const seen: string[] = [];
    const stream = await zbc.streamJobs({ type: jobType, worker: 'streamer', timeout: 30_000, tenantIds: [], taskHandler: (job) => (seen.push(job.key), job.complete({ streamed: true })) });
    closers.push(() => stream.close());
    const keys = await Promise.all([1, 2, 3].map(() => zbc.createProcessInstance({ bpmnProcessId: 'g_task', variables: { jobType } })));
    for (const { processInstanceKey } of keys) await eventually(async () => expect(await state(processInstanceKey)).toBe('COMPLETED'));
    expect(new Set(seen).size).toBe(3);
    expect(seen).toHaveLength(3);
    for (const { processInstanceKey } of keys) expect((await gateway.engine.getInstance(processInstanceKey)).variables).toMatchObject({ streamed: true });
  });

  it('fails with retries and back-off', async () => {
    const jobType = uniqueType('retry');
    const attempts: Array<{ retries: number; at: number }> = [];
    worker({
      taskType: jobType,
      taskHandler: (job) => {
        attempts.push({ retries: job.retries, at: Date.now() });
        if (attempts.length < 3) return job.fail({ errorMessage: 'not yet', retries: job.retries - 1, retryBackOff: 300 });
        return job.complete({ attempts: attempts.length });
      },
    });
    const result = await zbc.createProcessInstanceWithResult({ bpmnProcessId: 'g_task', variables: { jobType }, requestTimeout: 15_000 });
    expect(result.variables).toMatchObject({ attempts: 3 });
    expect(attempts.map((a) => a.retries)).toEqual([3, 2, 1]);
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(250);
  });

  it('raises an incident when retries run out, and resolves it after UpdateJobRetries', async () => {
    const jobType = uniqueType('incident');
    const created = await zbc.createProcessInstance({ bpmnProcessId: 'g_task', variables: { jobType } });
    const activate = () => zbc.activateJobs({ type: jobType, worker: 'poller', timeout: 30_000, maxJobsToActivate: 5, requestTimeout: 2000 });
    const [first] = await activate();
    await zbc.failJob({ jobKey: first.key, retries: 1, errorMessage: 'busy', retryBackOff: 0, variables: { attempt: 1 } });
    const [job] = await activate();
    expect(job.variables).toMatchObject({ attempt: 1 });
    await zbc.failJob({ jobKey: job.key, retries: 0, errorMessage: 'the ledger is down', retryBackOff: 0 });
    const incident = await eventually(async () => {
      const [open] = (await gateway.engine.getInstance(created.processInstanceKey)).incidents;
      expect(open).toMatchObject({ type: 'JOB_NO_RETRIES', message: 'the ledger is down', jobKey: job.key });
      return open;
    });
    await expect(zbc.resolveIncident({ incidentKey: incident.key })).rejects.toThrow(/FAILED_PRECONDITION.*has no retries left/);
    await zbc.updateJobRetries({ jobKey: job.key, retries: 2 });
    await zbc.resolveIncident({ incidentKey: incident.key });
    const [again] = await activate();
    expect(again).toMatchObject({ key: job.key, retries: 2 });
    await zbc.completeJob({ jobKey: again.key, variables: { recovered: true } });
    const details = await gateway.engine.getInstance(created.processInstanceKey);
    expect(details).toMatchObject({ state: 'COMPLETED', variables: { recovered: true }, incidents: [] });
  });

  it('a BPMN error thrown by a worker is caught by the boundary event of the subprocess', async () => {
    const jobType = uniqueType('error');
    worker({ taskType: jobType, taskHandler: (job) => job.error({ errorCode: 'CREDIT_DENIED', errorMessage: 'over the limit', variables: { deniedBy: 'worker' } }) });
    const result = await zbc.createProcessInstanceWithResult({ bpmnProcessId: 'g_error', variables: { jobType }, requestTimeout: 10_000 });
    const details = await gateway.engine.getInstance(result.processInstanceKey);
    expect(details.history.map((h) => `${h.elementId}:${h.state}`)).toEqual(expect.arrayContaining(['denied:COMPLETED', 'end_denied:COMPLETED']));
    expect(details.history.some((h) => h.elementId === 'end_ok')).toBe(false);
  });

  it('long-polls: an ActivateJobs call waiting for jobs answers when one is created', async () => {
    const jobType = uniqueType('longpoll');
    const polling = zbc.activateJobs({ type: jobType, worker: 'poller', timeout: 30_000, maxJobsToActivate: 5, requestTimeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const created = await zbc.createProcessInstance({ bpmnProcessId: 'g_task', variables: { jobType } });
    const jobs = await polling;
    expect(jobs.map((j) => j.processInstanceKey)).toEqual([created.processInstanceKey]);
    expect(jobs[0]).toMatchObject({ bpmnProcessId: 'g_task', elementId: 'work', worker: 'poller', retries: 3, processDefinitionVersion: 1, tenantId: '<default>' });
  });

  it('fetches only the variables a worker names', async () => {
    const jobType = uniqueType('fetch');
    await zbc.createProcessInstance({ bpmnProcessId: 'g_task', variables: { jobType, wanted: 1, unwanted: 2 } });
    const [job] = await zbc.activateJobs({ type: jobType, worker: 'poller', timeout: 30_000, maxJobsToActivate: 1, requestTimeout: 2000, fetchVariable: ['wanted'] });
    expect(job.variables).toEqual({ wanted: 1 });
  });

  it('activates at most maxJobsToActivate jobs per call', async () => {
    const jobType = uniqueType('max');
    for (let i = 0; i < 3; i++) await zbc.createProcessInstance({ bpmnProcessId: 'g_task', variables: { jobType } });
    const activate = () => zbc.activateJobs({ type: jobType, worker: 'poller', timeout: 30_000, maxJobsToActivate: 2, requestTimeout: -1 });
    await expect(activate()).resolves.toHaveLength(2);
    await expect(activate()).resolves.toHaveLength(1);
  });

  it('long-polls until requestTimeout and answers no jobs', async () => {
    const started = Date.now();
    const jobs = await zbc.activateJobs({ type: uniqueType('none'), worker: 'poller', timeout: 30_000, maxJobsToActivate: 5, requestTimeout: 500 });
    expect(jobs).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  });

  it('UpdateJobTimeout re-offers a job at once, and refuses jobs that are not activated', async () => {
    const jobType = uniqueType('timeout');
    await zbc.createProcessInstance({ bpmnProcessId: 'g_task', variables: { jobType } });
    const activate = () => zbc.activateJobs({ type: jobType, worker: 'poller', timeout: 60_000, maxJobsToActivate: 1, requestTimeout: -1 });
    const [job] = await activate();
    await expect(activate()).resolves.toEqual([]);
    await zbc.updateJobTimeout({ jobKey: job.key, timeout: 0 });
    const [again] = await activate();
    expect(again.key).toBe(job.key);
    await zbc.failJob({ jobKey: job.key, retries: 1, errorMessage: 'later', retryBackOff: 60_000 });
    await expect(zbc.updateJobTimeout({ jobKey: job.key, timeout: 1000 })).rejects.toThrow(/FAILED_PRECONDITION|not activated/);
  });

  it('a job whose lock runs out is offered again, and another worker completes it once', async () => {
    const jobType = uniqueType('lock');
    const created = await zbc.createProcessInstance({ bpmnProcessId: 'g_task', variables: { jobType } });
    const [lost] = await zbc.activateJobs({ type: jobType, worker: 'crashed', timeout: 300, maxJobsToActivate: 1, requestTimeout: 2000 });
    const [retaken] = await zbc.activateJobs({ type: jobType, worker: 'healthy', timeout: 30_000, maxJobsToActivate: 1, requestTimeout: 5000 });
    expect(retaken).toMatchObject({ key: lost.key, worker: 'healthy' });
    await zbc.completeJob({ jobKey: retaken.key, variables: { by: 'healthy' } });
    await expect(zbc.completeJob({ jobKey: lost.key, variables: { by: 'crashed' } })).rejects.toThrow(/NOT_FOUND/);
    expect(await gateway.engine.getInstance(created.processInstanceKey)).toMatchObject({ state: 'COMPLETED', variables: { by: 'healthy' } });
  });
});
