import { readFileSync } from 'node:fs';
import { orchestrationClient, rawRest } from '../support/restClients';
import { fixture, startTestGateway, type TestGateway } from '../support/testGateway';

const NOW = { consistency: { waitUpToMs: 0 } };
const bpmnFile = (name: string) => new File([readFileSync(fixture(name))], name, { type: 'application/xml' });

describe('user task listeners over REST /v2, with the official client', () => {
  let gateway: TestGateway;
  let camunda: ReturnType<typeof orchestrationClient>;

  beforeAll(async () => {
    gateway = await startTestGateway('sqlite');
    camunda = orchestrationClient(gateway);
    await camunda.createDeployment({ resources: [bpmnFile('g_task_listeners.bpmn')] });
  });
  afterAll(async () => {
    camunda.stopAllWorkers();
    await gateway.close();
  });

  const activate = async (type: string) => {
    const { jobs } = await camunda.activateJobs({ type, timeout: 60_000, maxJobsToActivate: 5, requestTimeout: 2_000 });
    expect(jobs).toHaveLength(1);
    return jobs[0]!;
  };
  const taskOf = async (processInstanceKey: string) => (await camunda.searchUserTasks({ filter: { processInstanceKey: processInstanceKey as never } }, NOW)).items;

  it('delivers a creating listener job with its kind and user task, and the task appears once it completes', async () => {
    const { processInstanceKey } = await camunda.createProcessInstance({ processDefinitionId: 'listened_approval' as never, variables: { claimId: 'WC-9' } });
    expect(await taskOf(processInstanceKey)).toEqual([]);
    const job = await activate('on-creating');
    expect(job).toMatchObject({ kind: 'TASK_LISTENER', listenerEventType: 'CREATING', variables: { claimId: 'WC-9' }, userTask: { action: 'create', candidateGroups: ['warranty'] } });
    await camunda.completeJob({ jobKey: job.jobKey, result: { type: 'userTask', corrections: { priority: 90 } } });
    const [task] = await taskOf(processInstanceKey);
    expect(task).toMatchObject({ userTaskKey: job.userTask!.userTaskKey, priority: 90, state: 'CREATED' });
  });

  it('answers an assignment after its listener completes, and a denial with 409 while the old assignee stays', async () => {
    const { processInstanceKey } = await camunda.createProcessInstance({ processDefinitionId: 'listened_approval' as never, variables: {} });
    await camunda.completeJob({ jobKey: (await activate('on-creating')).jobKey });
    const [task] = await taskOf(processInstanceKey);

    const denied = rawRest(gateway, 'POST', `/user-tasks/${task!.userTaskKey}/assignment`, { assignee: 'dealer2.staff' });
    const first = await activate('on-assigning');
    expect(first).toMatchObject({ listenerEventType: 'ASSIGNING', userTask: { assignee: 'dealer2.staff', changedAttributes: ['assignee'] } });
    await camunda.completeJob({ jobKey: first.jobKey, result: { type: 'userTask', denied: true, deniedReason: 'other dealer' } });
    const answer = await denied;
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ title: 'INVALID_STATE', detail: expect.stringContaining('other dealer') });
    expect((await camunda.getUserTask({ userTaskKey: task!.userTaskKey }, NOW)).assignee).toBeUndefined();

    let answered = false;
    const assigned = camunda.assignUserTask({ userTaskKey: task!.userTaskKey, assignee: 'dealer1.staff' }).then(() => (answered = true));
    const second = await activate('on-assigning');
    expect(answered).toBe(false);
    await camunda.completeJob({ jobKey: second.jobKey });
    await assigned;
    expect((await camunda.getUserTask({ userTaskKey: task!.userTaskKey }, NOW)).assignee).toBe('dealer1.staff');

    const completed = camunda.completeUserTask({ userTaskKey: task!.userTaskKey, variables: { approved: true } });
    await camunda.completeJob({ jobKey: (await activate('on-completing')).jobKey });
    await completed;
    expect((await camunda.getProcessInstance({ processInstanceKey }, NOW)).state).toBe('COMPLETED');
  });

  it('refuses variables and a denial where Camunda does, with 400', async () => {
    const { processInstanceKey } = await camunda.createProcessInstance({ processDefinitionId: 'listened_approval' as never, variables: {} });
    const job = await activate('on-creating');
    const withVariables = await rawRest(gateway, 'POST', `/jobs/${job.jobKey}/completion`, { variables: { x: 1 } });
    expect(withVariables.status).toBe(400);
    const deniedCreation = await rawRest(gateway, 'POST', `/jobs/${job.jobKey}/completion`, { result: { type: 'userTask', denied: true } });
    expect(deniedCreation.status).toBe(400);
    expect(await taskOf(processInstanceKey)).toEqual([]);
  });

  it('raises a TASK_LISTENER_NO_RETRIES incident for a listener out of retries, and offers its job again once given retries and resolved', async () => {
    const { processInstanceKey } = await camunda.createProcessInstance({ processDefinitionId: 'listened_approval' as never, variables: {} });
    const job = await activate('on-creating');
    await camunda.failJob({ jobKey: job.jobKey, retries: 0, errorMessage: 'directory down' });
    const items = (await camunda.searchIncidents({ filter: { processInstanceKey: processInstanceKey as never } }, NOW)).items ?? [];
    expect(items).toHaveLength(1);
    const incidentKey = items[0]!.incidentKey!;
    expect(items[0]).toMatchObject({ errorType: 'TASK_LISTENER_NO_RETRIES', elementId: 'approve', jobKey: job.jobKey, errorMessage: 'directory down' });
    // as on Camunda, the job needs retries before its incident resolves
    await expect(camunda.resolveIncident({ incidentKey })).rejects.toMatchObject({ status: 409 });
    await camunda.updateJob({ jobKey: job.jobKey, changeset: { retries: 1 } });
    await camunda.resolveIncident({ incidentKey });
    const again = await activate('on-creating');
    expect(again.jobKey).toBe(job.jobKey);
    await camunda.completeJob({ jobKey: again.jobKey });
    expect(await taskOf(processInstanceKey)).toHaveLength(1);
  });
});
