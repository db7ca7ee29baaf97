import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parsePool } from '@dealerflow/engine';
import { bpmnCheckPool } from '../../src/processes/bpmnChecks';
import { largeProcess } from '../support/largeProcess';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

describe.each(testDatabases().slice(0, 1))('deploying a large model on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());

  it('reads, lints and compiles a 900 KB model in worker threads, and the server answers meanwhile', async () => {
    // given a 900 KB model
    const content = largeProcess('large-model', 900);
    expect(content.length).toBeGreaterThan(900 * 1024);
    const admin = await server.as('admin');
    const checked = bpmnCheckPool().completed;
    const parsed = parsePool().completed;

    // when it is deployed while health checks keep coming
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    // its tasks link one review form, deployed with it (a form reference must resolve)
    const form = { id: 'large-review', title: { ru: 'Проверка', en: 'Review' }, schema: { type: 'object', properties: { note: { type: 'string' } } } };
    const deploying = admin.post('/api/deployments').send({ resources: [{ name: 'large-model.bpmn', content }, { name: 'large-review.form.json', content: JSON.stringify(form) }] });
    let deployed = false;
    const healthChecks: number[] = [];
    const done = deploying.then((response) => {
      deployed = true;
      return response;
    });
    while (!deployed) {
      healthChecks.push((await server.anonymous().get('/api/health')).status);
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 50))]);
    }
    const response = await done;
    delay.disable();
    // the number is reported, not asserted: the machine is shared
    console.log(`event-loop delay while deploying a ${Math.round(content.length / 1024)} KB model: max ${(delay.max / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms, ${healthChecks.length} health checks answered meanwhile`);

    // then it is deployed, the description and lint ran in a worker, and so did the engine's parse
    expect(response.status).toBe(201);
    expect(response.body.processes).toEqual([expect.objectContaining({ bpmnProcessId: 'large-model', version: 1 })]);
    expect(bpmnCheckPool().completed - checked).toBe(2);
    expect(parsePool().completed - parsed).toBe(1);
    expect(healthChecks.every((status) => status === 200)).toBe(true);

    // and the model compiled in the worker runs
    const started = await server.running.services.engine.createInstance('large-model', { claim: { amount: 10, mileage: 500 } });
    const tasks = await server.running.services.engine.searchUserTasks({ processInstanceKey: started.processInstanceKey });
    expect(tasks).toEqual([expect.objectContaining({ elementId: 'Review_1', variables: expect.objectContaining({ amount1: 10, band1: 'high' }) })]);
  });
});
