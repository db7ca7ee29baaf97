import { readFileSync } from 'node:fs';
import { eventually } from '../support/eventually';
import { RawClient } from '../support/rawClient';
import { fixture, sdkGrpcClient, startTestGateway, uniqueType, type TestGateway } from '../support/testGateway';

describe('process instances over gRPC with the official SDK', () => {
  let gateway: TestGateway;
  let zbc: ReturnType<typeof sdkGrpcClient>;
  let definitionKey: string;

  beforeAll(async () => {
    gateway = await startTestGateway('memory');
    zbc = sdkGrpcClient(gateway);
    const deployment = await zbc.deployResource({ process: readFileSync(fixture('g_task.bpmn')), name: 'g_task.bpmn' });
    definitionKey = (deployment.deployments[0] as { process: { processDefinitionKey: string } }).process.processDefinitionKey;
    await zbc.deployResource({ processFilename: fixture('g_message.bpmn') });
    await zbc.deployResource({ processFilename: fixture('g_parent.bpmn') });
  });
  afterAll(async () => {
    await zbc.close();
    await gateway.close();
  });

  it('creates an instance by process id and answers its keys at once', async () => {
    const created = await zbc.createProcessInstance({ bpmnProcessId: 'g_task', variables: { jobType: uniqueType('idle'), amount: 7 } });
    expect(created).toMatchObject({ bpmnProcessId: 'g_task', version: 1, processDefinitionKey: definitionKey, tenantId: '<default>' });
    expect(created.processInstanceKey).toMatch(/^\d+$/);
    expect(await gateway.engine.getInstance(created.processInstanceKey)).toMatchObject({ state: 'ACTIVE', variables: { amount: 7 } });
  });

  it('creates an instance by process definition key (the SDK sends only ids, so a bare client does)', async () => {
    const raw = new RawClient(gateway.address);
    try {
      const created = await raw.call('CreateProcessInstance', { processDefinitionKey: definitionKey, variables: JSON.stringify({ jobType: uniqueType('idle') }) });
      expect(created).toMatchObject({ bpmnProcessId: 'g_task', version: 1, processDefinitionKey: definitionKey });
      await expect(raw.call('CreateProcessInstance', { processDefinitionKey: '12345' })).rejects.toMatchObject({ code: 5, details: expect.stringContaining("with key '12345'") });
    } finally {
      raw.close();
    }
  });

  it('creates an instance at the element of a start instruction, skipping the none start event', async () => {
    const jobType = uniqueType('instructed');
    const created = await zbc.createProcessInstance({ bpmnProcessId: 'g_task', variables: { jobType }, startInstructions: [{ elementId: 'work' }] });
    const [job] = await zbc.activateJobs({ type: jobType, worker: 'w', timeout: 30_000, maxJobsToActivate: 1, requestTimeout: 2000 });
    expect(job).toMatchObject({ processInstanceKey: created.processInstanceKey, elementId: 'work' });
    const history = (await gateway.engine.getInstance(created.processInstanceKey)).history.map((h) => h.elementId);
    expect(history).toContain('work');
    expect(history).not.toContain('start');
  });

  it('creates with result: answers when the instance completes, with only the fetched variables', async () => {
    const jobType = uniqueType('result');
    const w = zbc.createWorker({ taskType: jobType, taskHandler: (job) => job.complete({ total: 10, secret: 'x' }) });
    try {
      const result = await zbc.createProcessInstanceWithResult({ bpmnProcessId: 'g_task', variables: { jobType, input: 1 }, fetchVariables: ['total', 'input'], requestTimeout: 10_000 });
      expect(result.variables).toEqual({ total: 10, input: 1 });
      expect(await gateway.engine.getInstance(result.processInstanceKey)).toMatchObject({ state: 'COMPLETED' });
    } finally {
      await w.close();
    }
  });

  it('creates with result: DEADLINE_EXCEEDED when the instance does not complete within requestTimeout', async () => {
    const started = Date.now();
    await expect(zbc.createProcessInstanceWithResult({ bpmnProcessId: 'g_task', variables: { jobType: uniqueType('nobody') }, requestTimeout: 400 })).rejects.toThrow(/DEADLINE_EXCEEDED|timed out/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
  });

  it('cancels an instance: it ends terminated and its job is gone', async () => {
    const jobType = uniqueType('cancel');
    const created = await zbc.createProcessInstance({ bpmnProcessId: 'g_task', variables: { jobType } });
    await zbc.cancelProcessInstance(created.processInstanceKey);
    expect((await gateway.engine.getInstance(created.processInstanceKey)).state).toBe('TERMINATED');
    await expect(zbc.activateJobs({ type: jobType, worker: 'w', timeout: 1000, maxJobsToActivate: 1, requestTimeout: -1 })).resolves.toEqual([]);
    await expect(zbc.cancelProcessInstance(created.processInstanceKey)).rejects.toThrow(/NOT_FOUND/);
  });

  it('refuses to cancel a called child instance (FAILED_PRECONDITION), and cancelling its root ends both', async () => {
    const jobType = uniqueType('child');
    const parent = await zbc.createProcessInstance({ bpmnProcessId: 'g_parent', variables: { jobType } });
    const [job] = await zbc.activateJobs({ type: jobType, worker: 'w', timeout: 30_000, maxJobsToActivate: 1, requestTimeout: 2000 });
    expect(job.processInstanceKey).not.toBe(parent.processInstanceKey);
    await expect(zbc.cancelProcessInstance(job.processInstanceKey)).rejects.toThrow(/FAILED_PRECONDITION.*Cancel the root process instance/);
    await zbc.cancelProcessInstance(parent.processInstanceKey);
    expect((await gateway.engine.getInstance(parent.processInstanceKey)).state).toBe('TERMINATED');
    expect((await gateway.engine.getInstance(job.processInstanceKey)).state).toBe('TERMINATED');
  });

  it('sets variables on the instance (propagating) and on the job scope (local)', async () => {
    const jobType = uniqueType('vars');
    const created = await zbc.createProcessInstance({ bpmnProcessId: 'g_task', variables: { jobType, status: 'new' } });
    await zbc.setVariables({ elementInstanceKey: created.processInstanceKey, variables: { status: 'checked', dealer: 'dealer1' }, local: false });
    const [job] = await zbc.activateJobs({ type: jobType, worker: 'w', timeout: 30_000, maxJobsToActivate: 1, requestTimeout: 2000 });
    expect(job.variables).toMatchObject({ status: 'checked', dealer: 'dealer1' });
    await zbc.setVariables({ elementInstanceKey: job.elementInstanceKey, variables: { draft: true, status: 'only-here' }, local: true });
    await zbc.setVariables({ elementInstanceKey: job.elementInstanceKey, variables: { dealer: 'dealer2' }, local: false });
    const before = await gateway.engine.getInstance(created.processInstanceKey);
    expect(before.variables).toEqual({ jobType, status: 'checked', dealer: 'dealer2' });
    await zbc.completeJob({ jobKey: job.key, variables: { done: true } });
    const after = await gateway.engine.getInstance(created.processInstanceKey);
    expect(after).toMatchObject({ state: 'COMPLETED', variables: { jobType, status: 'checked', dealer: 'dealer2', done: true } });
    expect(after.variables).not.toHaveProperty('draft');
  });

  it('a published message completes the instance waiting for it, once', async () => {
    const created = await zbc.createProcessInstance({ bpmnProcessId: 'g_message', variables: { orderId: 'o-1' } });
    await zbc.publishMessage({ name: 'g-paid', correlationKey: 'o-1', variables: { paid: 100 } });
    await eventually(async () => expect(await gateway.engine.getInstance(created.processInstanceKey)).toMatchObject({ state: 'COMPLETED', variables: { paid: 100 } }));
  });
});
