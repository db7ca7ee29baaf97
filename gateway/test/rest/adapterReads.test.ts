import { readFileSync } from 'node:fs';
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
});
