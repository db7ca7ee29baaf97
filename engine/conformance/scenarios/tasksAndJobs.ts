import type { Scenario } from '../Scenario';

/** Conformance scenarios: user tasks, service/send/business-rule/script tasks, jobs, retries and incidents. */
export const tasksAndJobs: Scenario[] = [
  {
    name: 'user task with static assignment, form, schedule and priority waits and completes',
    fixtures: ['c_user_task.bpmn'],
    steps: [{ start: 'c_user_task', variables: { x: 1 } }, { expectTasks: ['review'] }, { completeTask: 'review', variables: { ok: true } }],
    expect: { state: 'COMPLETED', path: ['start', 'review', 'end'], variables: { x: 1, ok: true }, openTasks: [] },
  },
  {
    name: 'user task attributes are read from zeebe extensions',
    fixtures: ['c_user_task.bpmn'],
    steps: [{ start: 'c_user_task' }],
    expect: {
      state: 'ACTIVE', openTasks: ['review'],
      task: { review: { assignee: 'demo', candidateGroups: ['sales', 'finance'], formKey: 'camunda-forms:bpmn:review-form', dueDate: '2026-02-01T10:00:00.000Z', followUpDate: '2026-01-20T10:00:00.000Z', priority: 70, name: 'Review' } },
    },
  },
  {
    name: 'user task assignment, due date and priority as FEEL',
    fixtures: ['c_user_task_feel.bpmn'],
    steps: [{ start: 'c_user_task_feel', variables: { owner: 'ivan', groups: ['warranty'], due: '2026-03-01T00:00:00Z', prio: 90 } }],
    expect: { state: 'ACTIVE', openTasks: ['approve'], task: { approve: { assignee: 'ivan', candidateGroups: ['warranty'], candidateUsers: ['anna', 'boris'], formId: 'approve-form', dueDate: '2026-03-01T00:00:00.000Z', priority: 90 } } },
  },
  {
    name: 'a user task can be re-assigned',
    fixtures: ['c_user_task.bpmn'],
    steps: [{ start: 'c_user_task' }, { assignTask: 'review', assignee: 'olga' }],
    expect: { state: 'ACTIVE', task: { review: { assignee: 'olga' } } },
  },
  {
    name: 'completing a completed user task is NOT_FOUND with no second effect',
    fixtures: ['c_decision.bpmn'],
    steps: [{ start: 'c_decision' }, { completeTask: 'decide', variables: { decision: 'approve' } }, { expectError: { completeTask: 'decide', variables: { decision: 'reject' } }, code: 'THROWN' }],
    expect: { state: 'COMPLETED', path: ['start', 'decide', 'gw', 'approved'], variables: { decision: 'approve' } },
  },
  {
    name: 'service task job completes with variables',
    fixtures: ['c_service_task.bpmn'],
    steps: [{ start: 'c_service_task', variables: { dealer: 'd1' } }, { completeJob: 'c-credit-check', variables: { limitOk: true } }],
    expect: { state: 'COMPLETED', path: ['start', 'check', 'end'], variables: { dealer: 'd1', limitOk: true } },
  },
  {
    name: 'completing a job twice is NOT_FOUND',
    fixtures: ['c_service_task.bpmn'],
    steps: [{ start: 'c_service_task' }, { completeJob: 'c-credit-check' }, { expectError: { completeJob: 'c-credit-check' }, code: 'THROWN' }],
    expect: { state: 'COMPLETED', path: ['start', 'check', 'end'] },
  },
  {
    name: 'a failed job with retries left is offered again after its back-off',
    fixtures: ['c_service_task.bpmn'],
    steps: [
      { start: 'c_service_task' }, { failJob: 'c-credit-check', retries: 2, retryBackOff: 60_000, errorMessage: 'timeout' },
      { expectError: { completeJob: 'c-credit-check' }, code: 'THROWN' }, { advance: 60_000 }, { completeJob: 'c-credit-check', variables: { attempt: 2 } },
    ],
    expect: { state: 'COMPLETED', path: ['start', 'check', 'end'], variables: { attempt: 2 }, incidents: [] },
  },
  {
    name: 'a failed job without retries raises an incident',
    fixtures: ['c_service_task.bpmn'],
    steps: [{ start: 'c_service_task' }, { failJob: 'c-credit-check', retries: 0, errorMessage: 'down' }, { expectError: { completeJob: 'c-credit-check' }, code: 'THROWN' }],
    expect: { state: 'ACTIVE', incidents: ['JOB_NO_RETRIES'], path: ['start'] },
  },
  {
    name: 'updating retries and resolving the incident re-offers the job',
    fixtures: ['c_service_task.bpmn'],
    steps: [{ start: 'c_service_task' }, { failJob: 'c-credit-check', retries: 0 }, { updateRetries: 'c-credit-check', retries: 1 }, { resolveIncidents: true }, { completeJob: 'c-credit-check', variables: { fixed: true } }],
    expect: { state: 'COMPLETED', incidents: [], path: ['start', 'check', 'end'], variables: { fixed: true } },
  },
  {
    name: 'an expired job lock makes the job available again',
    fixtures: ['c_service_task.bpmn'],
    steps: [{ start: 'c_service_task' }, { activateJob: 'c-credit-check', timeout: 10_000 }, { expectError: { completeJob: 'c-credit-check' }, code: 'THROWN' }, { advance: 10_001 }, { completeJob: 'c-credit-check' }],
    expect: { state: 'COMPLETED', path: ['start', 'check', 'end'] },
  },
  {
    name: 'send and business-rule tasks with a task definition are jobs',
    fixtures: ['c_send_rule.bpmn'],
    steps: [{ start: 'c_send_rule' }, { completeJob: 'c-notify' }, { completeJob: 'c-decide', variables: { rule: 'A' } }],
    expect: { state: 'COMPLETED', path: ['start', 'notify', 'decide', 'end'], variables: { rule: 'A' } },
  },
  {
    name: 'job type as a FEEL expression',
    fixtures: ['c_job_type_feel.bpmn'],
    steps: [{ start: 'c_job_type_feel', variables: { kind: 'stock' } }, { completeJob: 'c-stock' }],
    expect: { state: 'COMPLETED', path: ['start', 'work', 'end'] },
  },
  {
    name: 'script task evaluates FEEL into its result variable',
    fixtures: ['c_script.bpmn'],
    steps: [{ start: 'c_script', variables: { a: 2, b: 40 } }],
    expect: { state: 'COMPLETED', path: ['start', 'sum', 'end'], variables: { total: 42 } },
  },
];
