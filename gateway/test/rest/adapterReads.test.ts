import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// the adapter is the engine's second entry point, built beside the first
import { ZeebeEngine } from '@dealerflow/engine/dist/zeebe';
import { eventually } from '../support/eventually';
import { fixture, startTestGateway, type TestGateway } from '../support/testGateway';

const deploy = (gateway: TestGateway, name: string) => gateway.engine.deploy([{ name, content: readFileSync(fixture(name), 'utf8') }]);

describe('what the Zeebe adapter reads over the v2 API of the standalone engine', () => {
  let gateway: TestGateway;
  let adapter: ZeebeEngine;

  beforeAll(async () => {
    gateway = await startTestGateway();
    adapter = new ZeebeEngine({ restAddress: gateway.restAddress, grpcAddress: `grpc://${gateway.address}` });
    await deploy(gateway, 'g_task.bpmn');
    await deploy(gateway, 'g_user.bpmn');
  });
  afterAll(async () => {
    await adapter.close();
    await gateway.close();
  });

  it('activates the jobs that are there now, without waiting for the long poll as the port promises', async () => {
    // given no job of the type, and a gateway whose long poll holds a request 10 s
    const type = `wire-nothing-${Date.now()}`;
    // when the adapter activates
    const answered = await Promise.race([adapter.activateJobs({ type, maxJobsToActivate: 5 }), new Promise((resolve) => setTimeout(() => resolve('still polling'), 5_000))]);
    // then it answered with nothing before the long poll would have ended
    expect(answered).toEqual([]);
    // and a job created afterwards is activated by the next call
    const { processInstanceKey } = await adapter.createInstance('g_task', { jobType: type });
    const jobs = await adapter.activateJobs({ type, maxJobsToActivate: 5 });
    expect(jobs.map((j) => j.processInstanceKey)).toEqual([processInstanceKey]);
  });

  it('deploys a form with its process and answers the form\'s version and key, as the port does in process', async () => {
    const resources = ['g_form.bpmn', 'order-review.form'].map((name) => ({ name, content: readFileSync(fixture(name), 'utf8') }));
    const deployment = await adapter.deploy(resources);
    expect(deployment.processes.map((p) => p.bpmnProcessId)).toEqual(['g_form']);
    expect(deployment.forms).toEqual([{ formId: 'order-review', version: 1, formKey: expect.stringMatching(/^\d+$/), resourceName: 'order-review.form' }]);
    expect(await gateway.engine.getForm({ formId: 'order-review' })).toMatchObject({ formKey: deployment.forms![0]!.formKey, version: 1 });
  });

  it('reads the external form reference of a user task', async () => {
    // given a user task whose form is zeebe:formDefinition externalReference="order-approval"
    const { processInstanceKey } = await adapter.createInstance('g_user', {});
    // when the adapter searches it
    const [task] = await eventually(async () => {
      const found = await adapter.searchUserTasks({ processInstanceKey });
      if (found.length === 0) throw new Error('not created yet');
      return found;
    });
    // then the reference is there for the application to resolve
    expect(task).toMatchObject({ elementId: 'approve', externalFormReference: 'order-approval', candidateGroups: ['sales'], priority: 70 });
  });

  it('reads the variables each user task sees, whole, as the embedded engine hands them', async () => {
    // given two open tasks, one with a long variable and an object
    const note = 'Ж'.repeat(10_000);
    const first = await adapter.createInstance('g_user', { caseRef: 'WIRE-TASK-1', note, lines: [{ model: 'Rio', quantity: 1 }] });
    const second = await adapter.createInstance('g_user', { caseRef: 'WIRE-TASK-2' });
    // when the adapter searches them by element, as an inbox would
    const found = await adapter.searchUserTasks({ elementId: 'approve', state: 'CREATED' });
    // then each carries its own variables, the long one whole, and the embedded engine answers the same
    const mine = found.filter((t) => [first.processInstanceKey, second.processInstanceKey].includes(t.processInstanceKey));
    expect(mine.map((t) => t.variables)).toEqual([{ caseRef: 'WIRE-TASK-1', note, lines: [{ model: 'Rio', quantity: 1 }] }, { caseRef: 'WIRE-TASK-2' }]);
    const inProcess = (await gateway.engine.searchUserTasks({ elementId: 'approve', state: 'CREATED' })).filter((t) => mine.some((m) => m.key === t.key));
    expect(inProcess.map((t) => t.variables)).toEqual(mine.map((t) => t.variables));
  });

  it('reads a long variable whole, though a search cuts long values by default', async () => {
    // given an instance with a variable of 20,000 characters
    const note = 'Б'.repeat(20_000);
    const { processInstanceKey } = await adapter.createInstance('g_user', { note, short: 1 });
    // when the adapter reads the instance
    const instance = await adapter.getInstance(processInstanceKey);
    // then the value is whole
    expect(instance.variables.note).toBe(note);
    expect(instance.variables.short).toBe(1);
  });

  it('reads every element instance of a long instance, page after page', async () => {
    // given an instance that looped 350 times: more than a thousand element instances, over one search page
    const loop = readFileSync(join(__dirname, '../../../engine/conformance/fixtures/c_loop.bpmn'), 'utf8').replace(/c_loop/g, 'g_long_loop').replace('counter &gt;= 3', 'counter &gt;= 350');
    await adapter.deploy([{ name: 'g_long_loop.bpmn', content: loop }]);
    const { processInstanceKey } = await adapter.createInstance('g_long_loop', { counter: 0 });
    // when the adapter reads it
    const instance = await adapter.getInstance(processInstanceKey);
    // then the whole history is there, in order
    const completed = instance.history.filter((h) => h.state === 'COMPLETED').map((h) => h.elementId);
    expect(instance).toMatchObject({ state: 'COMPLETED', variables: { counter: 350 } });
    expect(completed.filter((id) => id === 'inc')).toHaveLength(350);
    expect(completed.slice(0, 4)).toEqual(['start', 'merge', 'inc', 'check']);
    expect(completed.slice(-2)).toEqual(['check', 'end']);
  });
});
