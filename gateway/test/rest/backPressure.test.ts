import { readFileSync } from 'node:fs';
import { createCamundaClient } from '@camunda8/orchestration-cluster-api';
import { status } from '@grpc/grpc-js';
import { RawClient } from '../support/rawClient';
import { orchestrationClient, rawRest } from '../support/restClients';
import { fixture, startTestGateway, uniqueType, type TestGateway } from '../support/testGateway';

const NOW = { consistency: { waitUpToMs: 0 } };

describe('REST back-pressure: over the engine in-flight bound, commands answer 503 RESOURCE_EXHAUSTED', () => {
  let gateway: TestGateway;
  let release: () => void = () => undefined;

  beforeAll(async () => {
    gateway = await startTestGateway('memory', { maxInFlight: 2 });
    await orchestrationClient(gateway).createDeployment({ resources: [new File([readFileSync(fixture('g_task.bpmn'))], 'g_task.bpmn', { type: 'application/xml' })] });
  });
  afterEach(() => release());
  afterAll(async () => {
    await gateway.close();
  });

  /** Fills the engine's bound with commands that stay in flight until released. */
  function holdTheBound(): void {
    const held = new Promise<void>((resolve) => (release = resolve));
    for (let i = 0; i < gateway.inFlight.max; i++) void gateway.inFlight.run(() => held);
  }

  const instanceCount = async () => (await gateway.engine.searchInstances({ bpmnProcessId: 'g_task' })).length;

  it('refuses a creation with a problem detail the official client knows as back-pressure, and creates nothing', async () => {
    const before = await instanceCount();
    holdTheBound();
    const refused = await rawRest(gateway, 'POST', '/process-instances', { processDefinitionId: 'g_task', variables: { jobType: uniqueType('held') } });
    expect(refused.status).toBe(503);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 503, title: 'RESOURCE_EXHAUSTED', detail: expect.stringContaining('Expected to handle REST API request'), instance: '/v2/process-instances' });
    expect((await rawRest(gateway, 'POST', '/messages/publication', { name: 'm', correlationKey: 'k' })).status).toBe(503);
    expect((await rawRest(gateway, 'POST', '/signals/broadcast', { signalName: 's' })).status).toBe(503);
    expect(await instanceCount()).toBe(before);

    // reads and the cancellation of work still answer
    expect((await rawRest(gateway, 'POST', '/process-instances/search', {})).status).toBe(200);
    release();
    expect((await rawRest(gateway, 'POST', '/process-instances', { processDefinitionId: 'g_task', variables: { jobType: uniqueType('freed') } })).status).toBe(200);
    expect(await instanceCount()).toBe(before + 1);
  });

  it('one bound serves gRPC and REST: commands in flight over one protocol refuse the other', async () => {
    holdTheBound();
    const raw = new RawClient(gateway.address);
    try {
      await expect(raw.call('CreateProcessInstance', { bpmnProcessId: 'g_task', variables: JSON.stringify({ jobType: uniqueType('grpc') }) }))
        .rejects.toMatchObject({ code: status.RESOURCE_EXHAUSTED });
    } finally {
      raw.close();
    }
  });

  it('the official client retries a refused creation once the bound frees, and the instance is created exactly once', async () => {
    const before = await instanceCount();
    const camunda = createCamundaClient({
      config: { CAMUNDA_REST_ADDRESS: gateway.restAddress, CAMUNDA_AUTH_STRATEGY: 'NONE', CAMUNDA_SDK_LOG_LEVEL: 'silent', CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS: 20, CAMUNDA_SDK_HTTP_RETRY_BASE_DELAY_MS: 50, CAMUNDA_SDK_HTTP_RETRY_MAX_DELAY_MS: 200 },
    } as Parameters<typeof createCamundaClient>[0]);
    holdTheBound();
    setTimeout(() => release(), 300);
    const created = await camunda.createProcessInstance({ processDefinitionId: 'g_task' as never, variables: { jobType: uniqueType('retried') } });
    expect(created.processInstanceKey).toMatch(/^\d+$/);
    expect(await instanceCount()).toBe(before + 1);
    const found = await camunda.searchProcessInstances({ filter: { processInstanceKey: created.processInstanceKey } }, NOW);
    expect(found.items).toHaveLength(1);
  });
});
