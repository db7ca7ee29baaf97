import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasLintErrors, lintDefinitions, readDefinitions, type LintIssue } from '../../src/lint';
import { shippedBpmn } from '../support/shippedBpmn';

async function lintFixture(name: string, pluginTypes?: string[]): Promise<LintIssue[]> {
  const { definitions } = await readDefinitions(readFileSync(join(__dirname, 'fixtures', `${name}.bpmn`), 'utf8'));
  return lintDefinitions(definitions, { pluginTypes });
}

const errorsOf = (issues: LintIssue[]) => issues.filter((issue) => issue.category === 'error').map(({ id, rule }) => ({ id, rule }));

describe.each(shippedBpmn())('the shipped %s', (_path, xml) => {
  test('has no lint errors', async () => {
    const { definitions, warnings } = await readDefinitions(xml);
    expect(warnings).toEqual([]);
    const issues = await lintDefinitions(definitions);
    expect(issues.filter((issue) => issue.category === 'error')).toEqual([]);
  });
});

test.each([
  ['user-task-without-assignment', 'UserTask_NoAssignment', 'dealerflow/user-task-assignment', /no assignment/],
  ['user-task-without-form', 'UserTask_NoForm', 'dealerflow/user-task-form', /no form/],
  ['service-task-without-type', 'ServiceTask_NoType', 'dealerflow/service-task-type', /no job type/],
  ['invalid-feel-condition', 'Flow_1', 'dealerflow/feel-expressions', /FEEL expression in conditionExpression does not parse: a comparison without a left-hand side/],
  ['invalid-timer', 'Timer_Bad', 'dealerflow/timer-iso8601', /"PT-5X" is not an ISO 8601 duration/],
  ['form-bound-to-deployment', 'UserTask_BoundForm', 'dealerflow/latest-binding', /The linked form is bound by "deployment": only "latest" runs here/],
])('%s: the only error is %s by %s', async (fixture, id, rule, message) => {
  const issues = await lintFixture(fixture);
  expect(errorsOf(issues)).toEqual([{ id, rule }]);
  expect(issues[0].message).toMatch(message);
  expect(hasLintErrors(issues)).toBe(true);
});

test('a service task type that no registered plugin handles is advice, named with the known ones, when the plugin types are known', async () => {
  expect((await lintFixture('service-task-unknown-type')).filter((issue) => issue.rule === 'dealerflow/plugin-job-type')).toEqual([]);
  const issues = await lintFixture('service-task-unknown-type', ['warranty-coverage', 'notify']);
  expect(errorsOf(issues)).toEqual([]);
  expect(issues.filter((issue) => issue.rule === 'dealerflow/plugin-job-type')).toEqual([{
    id: 'ServiceTask_UnknownType', rule: 'dealerflow/plugin-job-type', category: 'warn',
    message: 'Task type "coverage-check-v9" is not a registered plugin (known: notify, warranty-coverage): its jobs wait for an external worker',
  }]);
  expect((await lintFixture('service-task-unknown-type', ['coverage-check-v9'])).filter((issue) => issue.rule === 'dealerflow/plugin-job-type')).toEqual([]);
});

describe('linted for a deploy', () => {
  const lintForDeploy = async (xml: string) => lintDefinitions((await readDefinitions(xml)).definitions, { purpose: 'deploy', pluginTypes: [] });
  const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', `${name}.bpmn`), 'utf8');

  test.each(['user-task-without-assignment', 'user-task-without-form'])('%s is advice: the task goes to the process admins, or has no fields', async (name) => {
    const issues = await lintForDeploy(fixture(name));
    expect(errorsOf(issues)).toEqual([]);
    expect(issues.some((issue) => issue.rule.startsWith('dealerflow/user-task-') && issue.category === 'warn')).toBe(true);
  });

  test.each([
    ['service-task-without-type', 'ServiceTask_NoType', 'dealerflow/service-task-type'],
    ['invalid-feel-condition', 'Flow_1', 'dealerflow/feel-expressions'],
    ['invalid-timer', 'Timer_Bad', 'dealerflow/timer-iso8601'],
    ['form-bound-to-deployment', 'UserTask_BoundForm', 'dealerflow/latest-binding'],
  ])('%s still blocks: it cannot run', async (name, id, rule) => {
    expect(errorsOf(await lintForDeploy(fixture(name)))).toEqual([{ id, rule }]);
  });

  test('a model without diagram interchange or <incoming>/<outgoing> elements is connected through its flows', async () => {
    const bare = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="bare" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`;
    const issues = await lintForDeploy(bare);
    expect(errorsOf(issues)).toEqual([]);
    expect(issues.filter((issue) => issue.rule === 'no-disconnected')).toEqual([]);
    expect(issues.filter((issue) => issue.rule === 'no-bpmndi').map((issue) => [issue.id, issue.category])).toEqual(expect.arrayContaining([['Start', 'warn'], ['End', 'warn']]));
    // in the modeler the same model is held to the house rules
    expect(errorsOf(await lintDefinitions((await readDefinitions(bare)).definitions)).map((e) => e.rule)).toContain('no-bpmndi');
  });
});

test('every kind of FEEL expression is checked, on the element that holds it; header values are static text', async () => {
  const issues = (await lintFixture('invalid-feel-everywhere')).filter((issue) => issue.rule === 'dealerflow/feel-expressions');
  expect(issues.map(({ id, message }) => [id, message.replace(/ does not parse: .*/, '')])).toEqual([
    ['Mapping', 'FEEL expression in zeebe:Input.source'],
    ['Script', 'FEEL expression in zeebe:Script.expression'],
    ['Decide', 'FEEL expression in zeebe:AssignmentDefinition.assignee'],
    ['Decide', 'FEEL expression in zeebe:TaskSchedule.dueDate'],
    ['Call', 'FEEL expression in zeebe:CalledElement.processId'],
    ['Message_Bad', 'FEEL expression in zeebe:Subscription.correlationKey'],
  ]);
});
