import type { Scenario } from '../Scenario';

const FIXTURES = ['c_rules.dmn', 'c_business_rule.bpmn'];

/** Conformance scenarios: business rule tasks evaluating DMN decisions (zeebe:calledDecision). */
export const decisions: Scenario[] = [
  {
    name: 'FIRST decision table with a required literal decision routes a hot lead to a call',
    fixtures: FIXTURES,
    steps: [{ start: 'c_business_rule', variables: { decision: 'lead_routing', region: 'Moscow', budget: 6_000_000 } }, { expectTasks: ['call'] }, { completeTask: 'call' }],
    expect: { state: 'COMPLETED', path: ['start', 'route', 'gw', 'call', 'end_call'], variables: { result: { dealerId: 'dealer1', channel: 'call' } } },
  },
  {
    name: 'the first matching rule wins and a list entry matches any of its values',
    fixtures: FIXTURES,
    steps: [{ start: 'c_business_rule', variables: { decision: 'lead_routing', region: 'Samara', budget: 100 } }],
    expect: { state: 'COMPLETED', path: ['start', 'route', 'gw', 'end'], variables: { result: { dealerId: 'dealer2', channel: 'email' } } },
  },
  {
    name: 'no matching rule gives null',
    fixtures: FIXTURES,
    steps: [{ start: 'c_business_rule', variables: { decision: 'lead_routing', region: 'Omsk', budget: 100 } }],
    expect: { state: 'COMPLETED', path: ['start', 'route', 'gw', 'end'], variables: { result: null } },
  },
  {
    name: 'COLLECT SUM adds the outputs of every matching rule',
    fixtures: FIXTURES,
    steps: [{ start: 'c_business_rule', variables: { decision: 'discount_total', quantity: 60, fleet: true } }],
    expect: { state: 'COMPLETED', variables: { result: 10 } },
  },
  {
    name: 'two matching rules under hit policy UNIQUE raise a decision incident',
    fixtures: FIXTURES,
    steps: [{ start: 'c_business_rule', variables: { decision: 'tier_unique', amount: 100 } }],
    expect: { state: 'ACTIVE', incidents: ['DECISION_EVALUATION_ERROR'], path: ['start'] },
  },
  {
    name: 'a decision that is not deployed raises an incident',
    fixtures: FIXTURES,
    steps: [{ start: 'c_business_rule', variables: { decision: 'no_such_decision' } }],
    expect: { state: 'ACTIVE', incidents: ['DECISION_EVALUATION_ERROR'], path: ['start'] },
  },
];
