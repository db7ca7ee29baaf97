import { readFileSync } from 'node:fs';
import type { EngineEvent } from '@dealerflow/engine';
// the adapter is the engine's second entry point, built beside the first
import { ZeebeEngine } from '@dealerflow/engine/dist/zeebe';
import { configFromEnv, startStandaloneEngine, type StandaloneEngine } from '../../src';
import { eventually } from '../support/eventually';
import { fixture } from '../support/testGateway';

describe('our own adapter fed by a global user task listener of the standalone engine', () => {
  let running: StandaloneEngine;
  let adapter: ZeebeEngine;

  beforeAll(async () => {
    const env = { CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_TYPE: 'dealerflow-user-task-events', CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_EVENTTYPES: 'creating,assigning,completing,canceling' };
    running = await startStandaloneEngine({ ...configFromEnv(env), databaseUrl: 'memory:', grpc: { host: '127.0.0.1', port: 0 }, rest: { host: '127.0.0.1', port: 0 }, pollInterval: 100 });
    adapter = new ZeebeEngine({ restAddress: `http://127.0.0.1:${running.restPort}`, grpcAddress: `grpc://127.0.0.1:${running.grpcPort}` });
    await running.engine.deploy([{ name: 'g_user.bpmn', content: readFileSync(fixture('g_user.bpmn'), 'utf8') }]);
  });
  afterAll(async () => {
    await adapter.close();
    await running.close();
  });

  it('announces creation, assignment, completion and cancellation through the listener jobs, as on a Camunda cluster', async () => {
    const events: string[] = [];
    const record = (e: EngineEvent) => void events.push(`${e.type}:${'task' in e ? (e.task.assignee ?? '-') : ''}`);
    for (const type of ['userTask.created', 'userTask.assigned', 'userTask.completed', 'userTask.cancelled'] as const) adapter.on(type, record);

    const done = await adapter.createInstance('g_user', { orderId: 'o-7' });
    const [task] = await eventually(async () => {
      const found = await running.engine.searchUserTasks({ processInstanceKey: done.processInstanceKey });
      if (found.length === 0) throw new Error('not created yet');
      return found;
    });
    await adapter.assignUserTask(task.key, 'dealer1.manager');
    await adapter.completeUserTask(task.key, { approved: true });
    expect((await running.engine.getInstance(done.processInstanceKey)).state).toBe('COMPLETED');

    const cancelled = await adapter.createInstance('g_user', {});
    await eventually(async () => {
      if ((await running.engine.searchUserTasks({ processInstanceKey: cancelled.processInstanceKey })).length === 0) throw new Error('not created yet');
    });
    await adapter.cancelInstance(cancelled.processInstanceKey);
    await eventually(() => {
      if (!events.includes('userTask.cancelled:-')) throw new Error('not cancelled yet');
    });
    expect(events).toEqual(['userTask.created:-', 'userTask.assigned:dealer1.manager', 'userTask.completed:dealer1.manager', 'userTask.created:-', 'userTask.cancelled:-']);
  });
});
