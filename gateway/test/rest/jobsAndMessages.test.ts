import { readFileSync } from 'node:fs';
import { eventually } from '../support/eventually';
import { orchestrationClient, rawRest, sdkRest } from '../support/restClients';
import { fixture, startTestGateway, uniqueType, type TestGateway } from '../support/testGateway';

const NOW = { consistency: { waitUpToMs: 0 } };
const bpmnFile = (name: string) => new File([readFileSync(fixture(name))], name, { type: 'application/xml' });

describe('REST /v2 jobs and messages, with the official clients', () => {
  let gateway: TestGateway;
  let camunda: ReturnType<typeof orchestrationClient>;

  beforeAll(async () => {
    gateway = await startTestGateway('memory');
    camunda = orchestrationClient(gateway);
    await camunda.createDeployment({ resources: [bpmnFile('g_task.bpmn'), bpmnFile('g_error.bpmn'), bpmnFile('g_message.bpmn')] });
  });
  afterAll(async () => {
    camunda.stopAllWorkers();
    await gateway.close();
  });

  const start = async (processId: string, variables: Record<string, unknown>) =>
    (await camunda.createProcessInstance({ processDefinitionId: processId as never, variables })).processInstanceKey;
  const stateOf = async (key: string) => (await camunda.getProcessInstance({ processInstanceKey: key as never }, NOW)).state;

  it('activates a job by long polling and completes it: the instance completes with its variables', async () => {
    const jobType = uniqueType('rest-job');
    const polling = camunda.activateJobs({ type: jobType, maxJobsToActivate: 5, timeout: 30_000, worker: 'rest-test', requestTimeout: 5_000 });
    const key = await start('g_task', { jobType, n: 1 });
    const { jobs } = await polling;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ type: jobType, processInstanceKey: key, elementId: 'work', worker: 'rest-test', retries: 3, customHeaders: { purpose: 'compat' }, variables: { jobType, n: 1 } });

    await camunda.completeJob({ jobKey: jobs[0]!.jobKey, variables: { done: true } });
    expect(await stateOf(key)).toBe('COMPLETED');
    expect((await gateway.engine.getInstance(key)).variables).toMatchObject({ n: 1, done: true });
    await expect(camunda.completeJob({ jobKey: jobs[0]!.jobKey })).rejects.toMatchObject({ status: 404 });
  });

  it('answers an empty activation after requestTimeout when no job comes', async () => {
    const { jobs } = await camunda.activateJobs({ type: uniqueType('rest-none'), maxJobsToActivate: 1, timeout: 1000, requestTimeout: 200 });
    expect(jobs).toEqual([]);
  });

  it('ends the long poll of a client that left, so its jobs go to the next one', async () => {
    const jobType = uniqueType('rest-left');
    const leaving = new AbortController();
    const poll = fetch(`${gateway.restAddress}/v2/jobs/activation`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, signal: leaving.signal,
      body: JSON.stringify({ type: jobType, maxJobsToActivate: 1, timeout: 30_000, requestTimeout: 10_000 }),
    }).catch(() => 'left');
    await new Promise((resolve) => setTimeout(resolve, 200));
    leaving.abort();
    expect(await poll).toBe('left');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await start('g_task', { jobType });
    const { jobs } = await camunda.activateJobs({ type: jobType, maxJobsToActivate: 1, timeout: 30_000, requestTimeout: 2_000 });
    expect(jobs).toHaveLength(1);
  });

  it('fails a job with retries and back-off, then without retries into an incident', async () => {
    const jobType = uniqueType('rest-fail');
    const key = await start('g_task', { jobType });
    const activate = () => camunda.activateJobs({ type: jobType, maxJobsToActivate: 1, timeout: 30_000, requestTimeout: 5_000 });
    const [first] = (await activate()).jobs;
    await camunda.failJob({ jobKey: first!.jobKey, retries: 1, retryBackOff: 100, errorMessage: 'try again' });
    const [again] = (await activate()).jobs;
    expect(again).toMatchObject({ jobKey: first!.jobKey, retries: 1 });
    await camunda.failJob({ jobKey: again!.jobKey, retries: 0, errorMessage: 'gave up' });
    const withIncident = await camunda.searchProcessInstances({ filter: { processInstanceKey: key, hasIncident: true } }, NOW);
    expect(withIncident.items.map((i) => i.processInstanceKey)).toEqual([key]);
    expect((await gateway.engine.getInstance(key)).incidents).toEqual([expect.objectContaining({ type: 'JOB_NO_RETRIES', message: 'gave up' })]);
  });

  it('throws a BPMN error that the boundary event on the subprocess catches', async () => {
    const jobType = uniqueType('rest-error');
    const key = await start('g_error', { jobType });
    const [job] = (await camunda.activateJobs({ type: jobType, maxJobsToActivate: 1, timeout: 30_000, requestTimeout: 5_000 })).jobs;
    await camunda.throwJobError({ jobKey: job!.jobKey, errorCode: 'CREDIT_DENIED', errorMessage: 'over the limit' });
    expect(await stateOf(key)).toBe('COMPLETED');
    expect((await gateway.engine.getInstance(key)).history.map((h) => h.elementId)).toContain('end_denied');
  });

  it('runs the SDK REST client job worker', async () => {
    const rest = sdkRest(gateway).getCamundaRestClient();
    const jobType = uniqueType('rest-worker');
    const worker = rest.createJobWorker({ type: jobType, maxJobsToActivate: 4, timeout: 30_000, worker: 'sdk-rest', requestTimeout: 500, pollIntervalMs: 50, jobHandler: (job) => job.complete({ by: 'sdk-rest' }) });
    try {
      const keys = [await start('g_task', { jobType }), await start('g_task', { jobType })];
      await eventually(async () => {
        for (const key of keys) expect(await stateOf(key)).toBe('COMPLETED');
      });
      expect((await gateway.engine.getInstance(keys[0]!)).variables.by).toBe('sdk-rest');
    } finally {
      await worker.stop();
    }
  });

  it('publishes a buffered message that a later subscription takes, and refuses a repeated message id', async () => {
    const orderId = uniqueType('order');
    const published = await camunda.publishMessage({ name: 'g-paid', correlationKey: orderId, timeToLive: 60_000, messageId: orderId, variables: { paid: 10 } });
    expect(published.messageKey).toMatch(/^\d+$/);
    await expect(camunda.publishMessage({ name: 'g-paid', correlationKey: orderId, timeToLive: 60_000, messageId: orderId })).rejects.toMatchObject({ status: 409 });
    const key = await start('g_message', { orderId });
    expect(await stateOf(key)).toBe('COMPLETED');
    expect((await gateway.engine.getInstance(key)).variables.paid).toBe(10);
  });

  it('correlates a message to the waiting instance and answers its key; nothing waiting is 404', async () => {
    const orderId = uniqueType('order');
    const key = await start('g_message', { orderId });
    const correlated = await camunda.correlateMessage({ name: 'g-paid', correlationKey: orderId, variables: { paid: 20 } });
    expect(correlated.processInstanceKey).toBe(key);
    expect(await stateOf(key)).toBe('COMPLETED');
    const none = await rawRest(gateway, 'POST', '/messages/correlation', { name: 'g-paid', correlationKey: orderId });
    expect(none).toMatchObject({ status: 404, body: { title: 'NOT_FOUND', detail: expect.stringContaining("'g-paid'") } });
  });
});
