import { readFileSync } from 'node:fs';
import { status } from '@grpc/grpc-js';
import { RawClient } from '../support/rawClient';
import { fixture, startTestGateway, uniqueType, type TestGateway } from '../support/testGateway';

const noJobType = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs_g_bad" targetNamespace="http://dealerflow.example/gateway">
  <bpmn:process id="g_bad" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:serviceTask id="untyped" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="untyped" />
  </bpmn:process>
</bpmn:definitions>`;

const messageStartOnly = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs_g_msg_start" targetNamespace="http://dealerflow.example/gateway">
  <bpmn:message id="m_lead" name="g-lead" />
  <bpmn:process id="g_msg_start" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:messageEventDefinition messageRef="m_lead" /></bpmn:startEvent>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

describe('status codes and messages as the reference gateway gives them', () => {
  let gateway: TestGateway;
  let raw: RawClient;

  beforeAll(async () => {
    gateway = await startTestGateway('memory');
    raw = new RawClient(gateway.address);
    await raw.call('DeployResource', { resources: [{ name: 'g_task.bpmn', content: readFileSync(fixture('g_task.bpmn')) }, { name: 'g_rules.dmn', content: readFileSync(fixture('g_rules.dmn')) }] });
  });
  afterAll(async () => {
    raw.close();
    await gateway.close();
  });

  it('deploys BPMN and DMN together and answers process and decision metadata', async () => {
    const answer = await raw.call('DeployResource', { resources: [{ name: 'g_rules.dmn', content: readFileSync(fixture('g_rules.dmn')) }] });
    expect(answer.deployments).toEqual([expect.objectContaining({ decision: expect.objectContaining({ dmnDecisionId: 'g_tier', version: 1, tenantId: '<default>' }) })]);
  });

  it('INVALID_ARGUMENT naming the element and the reason for a model that cannot run, and nothing is deployed', async () => {
    const error = await raw.call('DeployResource', { resources: [{ name: 'g_bad.bpmn', content: Buffer.from(noJobType) }] }).catch((e) => e);
    expect(error).toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringMatching(/^Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new resources[\s\S]*'g_bad\.bpmn'[\s\S]*untyped/) });
    await expect(raw.call('CreateProcessInstance', { bpmnProcessId: 'g_bad' })).rejects.toMatchObject({ code: status.NOT_FOUND });
  });

  it('INVALID_ARGUMENT for creating an instance of a process without a none start event', async () => {
    await raw.call('DeployResource', { resources: [{ name: 'g_msg_start.bpmn', content: Buffer.from(messageStartOnly) }] });
    await expect(raw.call('CreateProcessInstance', { bpmnProcessId: 'g_msg_start' })).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT, details: "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to create instance of process with none start event, but there is no such event",
    });
  });

  it('INVALID_ARGUMENT naming the element for a start instruction that cannot be followed', async () => {
    await expect(raw.call('CreateProcessInstance', { bpmnProcessId: 'g_task', startInstructions: [{ elementId: 'nope' }] })).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT, details: "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to create instance of process with start instructions, but the element with id 'nope' cannot be started at: no such element exists",
    });
  });

  it('INVALID_ARGUMENT for a resource type it cannot deploy', async () => {
    await expect(raw.call('DeployResource', { resources: [{ name: 'notes.txt', content: Buffer.from('hello') }] }))
      .rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringContaining("'notes.txt': Resource type is not supported") });
  });

  it('NOT_FOUND for an unknown process id, job, instance and incident', async () => {
    await expect(raw.call('CreateProcessInstance', { bpmnProcessId: 'nope' })).rejects.toMatchObject({
      code: status.NOT_FOUND, details: "Command 'CREATE' rejected with code 'NOT_FOUND': Expected to find process definition with process ID 'nope', but none found",
    });
    await expect(raw.call('CompleteJob', { jobKey: '42' })).rejects.toMatchObject({ code: status.NOT_FOUND, details: expect.stringContaining("Expected to complete job with key '42', but no such job was found") });
    await expect(raw.call('FailJob', { jobKey: '42', retries: 1 })).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(raw.call('ThrowError', { jobKey: '42', errorCode: 'E' })).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(raw.call('UpdateJobRetries', { jobKey: '42', retries: 1 })).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(raw.call('CancelProcessInstance', { processInstanceKey: '42' })).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(raw.call('ResolveIncident', { incidentKey: '42' })).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(raw.call('SetVariables', { elementInstanceKey: '42', variables: '{}' })).rejects.toMatchObject({ code: status.NOT_FOUND });
  });

  it('INVALID_ARGUMENT for variables that are not a JSON object, naming the property', async () => {
    await expect(raw.call('CreateProcessInstance', { bpmnProcessId: 'g_task', variables: '[1,2]' })).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT, details: "Property 'variables' is invalid: Expected document to be a root level object, but was 'ARRAY'",
    });
    await expect(raw.call('PublishMessage', { name: 'm', correlationKey: 'c', variables: '{oops' })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
  });

  it('INVALID_ARGUMENT for bad activation requests and retries, and for another tenant', async () => {
    const stream = (req: Record<string, unknown>) => new Promise((resolve) => raw.stream('ActivateJobs', req).on('error', resolve).on('data', () => undefined));
    await expect(stream({ type: '', maxJobsToActivate: 1, timeout: 1000 })).resolves.toMatchObject({ code: status.INVALID_ARGUMENT });
    await expect(stream({ type: 'x', maxJobsToActivate: 0, timeout: 1000 })).resolves.toMatchObject({ code: status.INVALID_ARGUMENT });
    await expect(raw.call('UpdateJobRetries', { jobKey: '42', retries: 0 })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
    await expect(raw.call('CreateProcessInstance', { bpmnProcessId: 'g_task', tenantId: 'dealer1' })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringContaining('multi-tenancy is disabled') });
  });

  it('FAILED_PRECONDITION for a timeout change of a job that is not activated', async () => {
    const jobType = uniqueType('pre');
    await raw.call('CreateProcessInstance', { bpmnProcessId: 'g_task', variables: JSON.stringify({ jobType }) });
    const jobs = await new Promise<Array<{ key: string }>>((resolve, reject) => {
      const got: Array<{ key: string }> = [];
      raw.stream('ActivateJobs', { type: jobType, maxJobsToActivate: 1, timeout: 60_000, requestTimeout: 2000 })
        .on('data', (d: { jobs: Array<{ key: string }> }) => got.push(...d.jobs)).on('end', () => resolve(got)).on('error', reject);
    });
    await raw.call('FailJob', { jobKey: jobs[0].key, retries: 2, retryBackOff: 60_000 });
    await expect(raw.call('UpdateJobTimeout', { jobKey: jobs[0].key, timeout: 1000 })).rejects.toMatchObject({ code: status.FAILED_PRECONDITION, details: expect.stringContaining('not activated') });
  });

  it('UNIMPLEMENTED with a clear message for RPCs this gateway does not serve yet', async () => {
    await expect(raw.call('MigrateProcessInstance', { processInstanceKey: '42' })).rejects.toMatchObject({ code: status.UNIMPLEMENTED, details: 'MigrateProcessInstance is not implemented by this gateway yet' });
    await expect(raw.call('DeleteResource', { resourceKey: '42' })).rejects.toMatchObject({ code: status.UNIMPLEMENTED });
  });

  it('pushes jobs on an open job stream as they become activatable', async () => {
    const jobType = uniqueType('push');
    const stream = raw.stream('StreamActivatedJobs', { type: jobType, worker: 'raw', timeout: 30_000 });
    const received: Array<{ key: string; processInstanceKey: string; variables: string }> = [];
    stream.on('data', (job) => received.push(job as never));
    stream.on('error', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const created = await raw.call('CreateProcessInstance', { bpmnProcessId: 'g_task', variables: JSON.stringify({ jobType, pushed: 1 }) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    stream.cancel();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ processInstanceKey: created.processInstanceKey, worker: 'raw', tenantId: '<default>' });
    expect(JSON.parse(received[0].variables)).toEqual({ jobType, pushed: 1 });
  });
});
