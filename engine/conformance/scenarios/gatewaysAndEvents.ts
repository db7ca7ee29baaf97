import type { Scenario } from '../Scenario';

const H = 3_600_000;

/** Conformance scenarios: gateways, timers and messages. */
export const gatewaysAndEvents: Scenario[] = [
  {
    name: 'exclusive gateway takes the flow whose condition holds',
    fixtures: ['c_exclusive.bpmn'],
    steps: [{ start: 'c_exclusive', variables: { amount: 5000 } }, { completeTask: 'approval' }],
    expect: { state: 'COMPLETED', path: ['start', 'gw', 'approval', 'merge', 'end'] },
  },
  {
    name: 'exclusive gateway takes the default flow',
    fixtures: ['c_exclusive.bpmn'],
    steps: [{ start: 'c_exclusive', variables: { amount: 10 } }],
    expect: { state: 'COMPLETED', path: ['start', 'gw', 'auto', 'merge', 'end'] },
  },
  {
    name: 'exclusive gateway with no true condition and no default raises an incident',
    fixtures: ['c_exclusive_nodefault.bpmn'],
    steps: [{ start: 'c_exclusive_nodefault', variables: { flag: 'maybe' } }],
    expect: { state: 'ACTIVE', path: ['start'], incidents: ['CONDITION_ERROR'] },
  },
  {
    name: 'parallel gateway forks and joins',
    fixtures: ['c_parallel.bpmn'],
    steps: [{ start: 'c_parallel' }, { expectTasks: ['a', 'b'] }, { completeTask: 'b' }, { expectTasks: ['a'] }, { completeTask: 'a' }],
    expect: { state: 'COMPLETED', path: ['start', 'fork', 'b', 'a', 'join', 'end'] },
  },
  {
    name: 'parallel service tasks join after both jobs',
    fixtures: ['c_parallel_jobs.bpmn'],
    steps: [{ start: 'c_parallel_jobs' }, { completeJob: 'c-credit', variables: { credit: 'ok' } }, { completeJob: 'c-stock', variables: { stock: 'ok' } }],
    expect: { state: 'COMPLETED', path: ['start', 'fork', 'credit', 'stock', 'join', 'end'], variables: { credit: 'ok', stock: 'ok' } },
  },
  {
    name: 'inclusive gateway activates every true branch and joins them',
    fixtures: ['c_inclusive.bpmn'],
    steps: [{ start: 'c_inclusive', variables: { needsLegal: true, amount: 500 } }, { expectTasks: ['finance', 'legal'] }, { completeTask: 'legal' }, { expectTasks: ['finance'] }, { completeTask: 'finance' }],
    expect: { state: 'COMPLETED', path: ['start', 'fork', 'legal', 'finance', 'join', 'end'] },
  },
  {
    name: 'inclusive gateway with one true branch joins without waiting',
    fixtures: ['c_inclusive.bpmn'],
    steps: [{ start: 'c_inclusive', variables: { needsLegal: false, amount: 500 } }, { completeTask: 'finance' }],
    expect: { state: 'COMPLETED', path: ['start', 'fork', 'finance', 'join', 'end'] },
  },
  {
    name: 'inclusive gateway falls back to its default flow',
    fixtures: ['c_inclusive.bpmn'],
    steps: [{ start: 'c_inclusive', variables: { needsLegal: false, amount: 1 } }],
    expect: { state: 'COMPLETED', path: ['start', 'fork', 'nothing', 'join', 'end'] },
  },
  {
    name: 'event-based gateway: the message comes first',
    fixtures: ['c_event_gateway.bpmn'],
    steps: [{ start: 'c_event_gateway', variables: { orderId: 'eg-1' } }, { advance: H }, { publish: 'c-eg-paid', correlationKey: 'eg-1', variables: { paidAt: 'now' } }, { advance: 48 * H }],
    expect: { state: 'COMPLETED', path: ['start', 'gw', 'paid', 'end_paid'], variables: { paidAt: 'now' } },
  },
  {
    name: 'event-based gateway: the timer comes first',
    fixtures: ['c_event_gateway.bpmn'],
    steps: [{ start: 'c_event_gateway', variables: { orderId: 'eg-2' } }, { advance: 24 * H }, { publish: 'c-eg-paid', correlationKey: 'eg-2' }],
    expect: { state: 'COMPLETED', path: ['start', 'gw', 'timeout', 'end_timeout'] },
  },
  {
    name: 'intermediate timer catch waits for its duration',
    fixtures: ['c_timer_catch.bpmn'],
    steps: [{ start: 'c_timer_catch' }, { advance: H / 2 }, { advance: H / 2 }],
    expect: { state: 'COMPLETED', path: ['start', 'wait', 'end'] },
  },
  {
    name: 'intermediate timer is still waiting before it is due',
    fixtures: ['c_timer_catch.bpmn'],
    steps: [{ start: 'c_timer_catch' }, { advance: H - 1 }],
    expect: { state: 'ACTIVE', path: ['start'] },
  },
  {
    name: 'timer duration from a FEEL expression',
    fixtures: ['c_timer_feel.bpmn'],
    steps: [{ start: 'c_timer_feel', variables: { hours: 3 } }, { advance: 2 * H }, { expectTasks: [] }, { advance: H }],
    expect: { state: 'COMPLETED', path: ['start', 'wait', 'end'] },
  },
  {
    name: 'timer date fires at that date',
    fixtures: ['c_timer_date.bpmn'],
    steps: [{ start: 'c_timer_date' }, { advance: 24 * H }, { expectTasks: [] }, { advance: 24 * H }],
    expect: { state: 'COMPLETED', path: ['start', 'wait', 'end'] },
  },
  {
    name: 'message catch correlates by name and FEEL correlation key',
    fixtures: ['c_message_catch.bpmn'],
    steps: [{ start: 'c_message_catch', variables: { orderId: 'm-1' } }, { publish: 'c-payment', correlationKey: 'other' }, { publish: 'c-payment', correlationKey: 'm-1', variables: { amountPaid: 10 } }],
    expect: { state: 'COMPLETED', path: ['start', 'paid', 'end'], variables: { amountPaid: 10 } },
  },
  {
    name: 'a message published with a time to live waits for a later instance',
    fixtures: ['c_message_catch.bpmn'],
    steps: [{ publish: 'c-payment', correlationKey: 'm-2', timeToLive: H, variables: { early: true } }, { advance: H / 2 }, { start: 'c_message_catch', variables: { orderId: 'm-2' } }],
    expect: { state: 'COMPLETED', path: ['start', 'paid', 'end'], variables: { early: true } },
  },
  {
    name: 'a message without time to live is not buffered',
    fixtures: ['c_message_catch.bpmn'],
    steps: [{ publish: 'c-payment', correlationKey: 'm-3' }, { start: 'c_message_catch', variables: { orderId: 'm-3' } }],
    expect: { state: 'ACTIVE', path: ['start'] },
  },
  {
    name: 'a buffered message expires after its time to live',
    fixtures: ['c_message_catch.bpmn'],
    steps: [{ publish: 'c-payment', correlationKey: 'm-4', timeToLive: H }, { advance: H + 1 }, { start: 'c_message_catch', variables: { orderId: 'm-4' } }],
    expect: { state: 'ACTIVE', path: ['start'] },
  },
  {
    name: 'a message id deduplicates: the second publish is ignored',
    fixtures: ['c_message_catch.bpmn'],
    steps: [
      { publish: 'c-payment', correlationKey: 'm-5', timeToLive: H, messageId: 'pay-5', variables: { n: 1 } },
      { expectError: { publish: 'c-payment', correlationKey: 'm-5', timeToLive: H, messageId: 'pay-5', variables: { n: 2 } }, code: 'ALREADY_EXISTS' },
      { start: 'c_message_catch', variables: { orderId: 'm-5' } },
    ],
    expect: { state: 'COMPLETED', variables: { n: 1 } },
  },
];
