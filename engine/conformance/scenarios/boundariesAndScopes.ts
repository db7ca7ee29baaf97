import type { Scenario } from '../Scenario';

const H = 3_600_000;

/** Conformance scenarios: boundary events, errors, subprocesses, call activities, multi-instance, mappings. */
export const boundariesAndScopes: Scenario[] = [
  {
    name: 'interrupting boundary timer cancels the task and escalates',
    fixtures: ['c_boundary_timer.bpmn'],
    steps: [{ start: 'c_boundary_timer' }, { advance: 2 * H }, { expectTasks: ['escalate'] }, { completeTask: 'escalate' }],
    expect: { state: 'COMPLETED', path: ['start', 'sla', 'escalate', 'end_esc'] },
  },
  {
    name: 'boundary timer does not fire when the task is done in time',
    fixtures: ['c_boundary_timer.bpmn'],
    steps: [{ start: 'c_boundary_timer' }, { advance: H }, { completeTask: 'approve' }, { advance: 5 * H }],
    expect: { state: 'COMPLETED', path: ['start', 'approve', 'end'] },
  },
  {
    name: 'non-interrupting cycle timer repeats while the task stays open',
    fixtures: ['c_boundary_cycle.bpmn'],
    steps: [{ start: 'c_boundary_cycle', variables: { reminders: 0 } }, { advance: H }, { advance: H }, { advance: H }, { expectTasks: ['approve'] }, { completeTask: 'approve' }],
    expect: { state: 'COMPLETED', variables: { reminders: 2 }, path: ['start', 'remind', 'count', 'end_remind', 'remind', 'count', 'end_remind', 'approve', 'end'] },
  },
  {
    name: 'boundary timer with a FEEL date',
    fixtures: ['c_boundary_date.bpmn'],
    steps: [{ start: 'c_boundary_date', variables: { deadline: '2026-01-01T05:00:00Z' } }, { advance: 4 * H }, { expectTasks: ['approve'] }, { advance: H }],
    expect: { state: 'COMPLETED', path: ['start', 'deadline', 'end_late'], openTasks: [] },
  },
  {
    name: 'interrupting message boundary cancels the task',
    fixtures: ['c_boundary_message.bpmn'],
    steps: [{ start: 'c_boundary_message', variables: { orderId: 'b-1' } }, { publish: 'c-cancel-order', correlationKey: 'b-1', variables: { reason: 'customer' } }],
    expect: { state: 'COMPLETED', path: ['start', 'cancelled', 'end_cancelled'], openTasks: [], variables: { reason: 'customer' } },
  },
  {
    name: 'non-interrupting message boundary keeps the task open',
    fixtures: ['c_boundary_message_ni.bpmn'],
    steps: [{ start: 'c_boundary_message_ni', variables: { orderId: 'b-2' } }, { publish: 'c-order-note', correlationKey: 'b-2' }, { expectTasks: ['prepare'] }, { completeTask: 'prepare' }],
    expect: { state: 'COMPLETED', path: ['start', 'note', 'log', 'end_note', 'prepare', 'end'] },
  },
  {
    name: 'a BPMN error thrown by a job is caught by the matching boundary',
    fixtures: ['c_boundary_error.bpmn'],
    steps: [{ start: 'c_boundary_error' }, { throwError: 'c-limit', errorCode: 'CREDIT_DENIED', variables: { why: 'over limit' } }, { completeTask: 'manual' }],
    expect: { state: 'COMPLETED', path: ['start', 'denied', 'manual', 'end_denied'], variables: { why: 'over limit' } },
  },
  {
    name: 'a BPMN error with no matching boundary raises an incident',
    fixtures: ['c_boundary_error.bpmn'],
    steps: [{ start: 'c_boundary_error' }, { throwError: 'c-limit', errorCode: 'SOMETHING_ELSE' }],
    expect: { state: 'ACTIVE', incidents: ['UNHANDLED_ERROR_EVENT'] },
  },
  {
    name: 'an error end event in a subprocess is caught on the subprocess',
    fixtures: ['c_subprocess_error.bpmn'],
    steps: [{ start: 'c_subprocess_error', variables: { vin: null } }],
    expect: { state: 'COMPLETED', path: ['start', 'sub_start', 'sub_gw', 'caught', 'end_error'] },
  },
  {
    name: 'a subprocess without error completes normally',
    fixtures: ['c_subprocess_error.bpmn'],
    steps: [{ start: 'c_subprocess_error', variables: { vin: 'XTA21' } }],
    expect: { state: 'COMPLETED', path: ['start', 'sub_start', 'sub_gw', 'sub_end', 'sub', 'end'] },
  },
  {
    name: 'an uncaught error end event raises an incident',
    fixtures: ['c_error_uncaught.bpmn'],
    steps: [{ start: 'c_error_uncaught' }],
    expect: { state: 'ACTIVE', incidents: ['UNHANDLED_ERROR_EVENT'] },
  },
  {
    name: 'terminate end event ends the other branches',
    fixtures: ['c_terminate.bpmn'],
    steps: [{ start: 'c_terminate' }],
    expect: { state: 'COMPLETED', path: ['start', 'fork', 'fast', 'kill'], openTasks: [] },
  },
  {
    name: 'embedded subprocess has a local scope with input and output mappings',
    fixtures: ['c_subprocess.bpmn'],
    steps: [{ start: 'c_subprocess', variables: { amount: 20 } }, { completeTask: 'inner', variables: { doubled: 100 } }],
    expect: { state: 'COMPLETED', path: ['start', 'sub_start', 'inner', 'sub_end', 'sub', 'end'], variables: { amount: 20, result: 101 } },
  },
  {
    name: 'call activity runs the child and propagates its variables',
    fixtures: ['c_child.bpmn', 'c_parent.bpmn'],
    steps: [{ start: 'c_parent', variables: { vin: 'X1' } }, { expectTasks: [] }, { completeTask: 'child_task', variables: { decision: 'ok', note: 'n' } }],
    expect: { state: 'COMPLETED', path: ['start', 'call', 'end'], variables: { vin: 'X1', decision: 'ok', note: 'n' } },
  },
  {
    name: 'call activity without propagation maps only its outputs',
    fixtures: ['c_child.bpmn', 'c_parent_mapped.bpmn'],
    steps: [{ start: 'c_parent_mapped', variables: { vin: 'X2' } }, { completeTask: 'child_task', variables: { decision: 'no', note: 'x' } }],
    expect: { state: 'COMPLETED', path: ['start', 'call', 'end'], variables: { vin: 'X2', childDecision: 'no' }, absentVariables: ['note', 'decision'] },
  },
  {
    name: 'an error thrown in a called process is caught on the call activity',
    fixtures: ['c_child_error.bpmn', 'c_parent_error.bpmn'],
    steps: [{ start: 'c_parent_error' }],
    expect: { state: 'COMPLETED', path: ['start', 'caught', 'end_error'] },
  },
  {
    name: 'a call activity to an undeployed process raises an incident',
    fixtures: ['c_parent_missing.bpmn'],
    steps: [{ start: 'c_parent_missing', variables: { childId: 'c_nowhere' } }],
    expect: { state: 'ACTIVE', incidents: ['CALLED_ELEMENT_ERROR'] },
  },
  {
    name: 'parallel multi-instance user tasks collect their outputs',
    fixtures: ['c_mi_parallel.bpmn'],
    steps: [
      { start: 'c_mi_parallel', variables: { voters: ['anna', 'boris', 'vera'] } }, { expectTasks: ['vote', 'vote', 'vote'] },
      { completeTask: 'vote', variables: { vote: 'yes' } }, { completeTask: 'vote', variables: { vote: 'no' } }, { completeTask: 'vote', variables: { vote: 'yes' } },
    ],
    expect: { state: 'COMPLETED', variables: { votes: ['yes', 'no', 'yes'] }, path: ['start', 'vote', 'vote', 'vote', 'vote', 'end'] },
  },
  {
    name: 'sequential multi-instance runs one job at a time',
    fixtures: ['c_mi_sequential.bpmn'],
    steps: [
      { start: 'c_mi_sequential', variables: { vins: ['V1', 'V2'] } },
      { completeJob: 'c-reserve', variables: { reservation: 'R1' } }, { completeJob: 'c-reserve', variables: { reservation: 'R2' } },
    ],
    expect: { state: 'COMPLETED', variables: { reservations: ['R1', 'R2'] }, path: ['start', 'reserve', 'reserve', 'reserve', 'end'] },
  },
  {
    name: 'multi-instance over an empty collection completes at once',
    fixtures: ['c_mi_empty.bpmn'],
    steps: [{ start: 'c_mi_empty', variables: { vins: [] } }],
    expect: { state: 'COMPLETED', variables: { out: [] }, path: ['start', 'reserve', 'end'] },
  },
  {
    name: 'a boundary timer on a multi-instance body ends every inner task',
    fixtures: ['c_mi_boundary.bpmn'],
    steps: [{ start: 'c_mi_boundary', variables: { voters: ['a', 'b'] } }, { completeTask: 'vote' }, { advance: H }],
    expect: { state: 'COMPLETED', openTasks: [], path: ['start', 'vote', 'sla', 'end_sla'] },
  },
  {
    name: 'a multi-instance input that is not a list raises an incident',
    fixtures: ['c_mi_bad.bpmn'],
    steps: [{ start: 'c_mi_bad', variables: { items: 'not a list' } }],
    expect: { state: 'ACTIVE', incidents: ['EXTRACT_VALUE_ERROR'] },
  },
  {
    name: 'io mappings: inputs are local to the task, outputs map results to the process',
    fixtures: ['c_io_mapping.bpmn'],
    steps: [{ start: 'c_io_mapping', variables: { customer: { name: 'ACME' }, amount: 2 } }, { completeJob: 'c-score', variables: { result: { score: 710 } } }],
    expect: { state: 'COMPLETED', variables: { creditScore: 710, centsOut: 200, amount: 2 } },
  },
  {
    name: 'a loop through an exclusive gateway runs until its condition holds',
    fixtures: ['c_loop.bpmn'],
    steps: [{ start: 'c_loop', variables: { counter: 0 } }],
    expect: { state: 'COMPLETED', variables: { counter: 3 }, path: ['start', 'merge', 'inc', 'check', 'merge', 'inc', 'check', 'merge', 'inc', 'check', 'end'] },
  },
  {
    name: 'none throw events, manual and plain tasks pass through',
    fixtures: ['c_passthrough.bpmn'],
    steps: [{ start: 'c_passthrough' }],
    expect: { state: 'COMPLETED', path: ['start', 'milestone', 'manual', 'plain', 'end'] },
  },
  {
    name: 'task variables decide the following gateway',
    fixtures: ['c_decision.bpmn'],
    steps: [{ start: 'c_decision' }, { completeTask: 'decide', variables: { decision: 'reject' } }],
    expect: { state: 'COMPLETED', path: ['start', 'decide', 'gw', 'rejected'] },
  },
  {
    name: 'cancelling an instance terminates it and its tasks',
    fixtures: ['c_parallel.bpmn'],
    steps: [{ start: 'c_parallel' }, { completeTask: 'a' }, { cancel: true }],
    expect: { state: 'TERMINATED', openTasks: [], path: ['start', 'fork', 'a'] },
  },
  {
    name: 'reference approval flow: a big amount goes to approval',
    fixtures: ['c_approval.bpmn'],
    steps: [{ start: 'c_approval', variables: { amount: 5000 } }, { completeTask: 'submit' }, { completeJob: 'check-credit-limit', variables: { creditOk: true } }, { expectTasks: ['approve'] }, { completeTask: 'approve', variables: { approved: true } }],
    expect: { state: 'COMPLETED', path: ['start', 'submit', 'credit', 'gw', 'approve', 'end'], variables: { approved: true, creditOk: true } },
  },
];
