import { readFileSync } from 'node:fs';
import { configFromEnv, startStandaloneEngine } from '../../src';
import { fixture } from '../support/testGateway';

describe('global user task listeners of the standalone engine', () => {
  it('reads them from the environment as Camunda names them, in index order', () => {
    const config = configFromEnv({
      CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_1_TYPE: 'audit-after',
      CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_1_EVENTTYPES_0: 'completing',
      CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_1_AFTERNONGLOBAL: 'true',
      CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_TYPE: 'audit',
      CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_EVENTTYPES: 'creating, assigning',
      CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_RETRIES: '5',
    });
    expect(config.taskListeners).toEqual([
      { type: 'audit', eventTypes: ['creating', 'assigning'], retries: 5, afterNonGlobal: false },
      { type: 'audit-after', eventTypes: ['completing'], retries: 3, afterNonGlobal: true },
    ]);
  });

  it('refuses a listener without a type, with an unknown event type or bad retries, naming the variable', () => {
    expect(() => configFromEnv({ CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_EVENTTYPES: 'all' })).toThrow(/USERTASK_0_TYPE/);
    expect(() => configFromEnv({ CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_TYPE: 'a', CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_EVENTTYPES: 'claiming' })).toThrow(/"claiming"/);
    expect(() => configFromEnv({ CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_TYPE: 'a', CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_EVENTTYPES: 'all', CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_RETRIES: '0' })).toThrow(/RETRIES/);
  });

  it('gives every user task the configured listener, before the task\'s own', async () => {
    const env = { CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_TYPE: 'audit', CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_EVENTTYPES: 'creating' };
    const running = await startStandaloneEngine({ ...configFromEnv(env), databaseUrl: 'memory:', grpc: { host: '127.0.0.1', port: 0 }, rest: undefined, pollInterval: 0 });
    try {
      const { engine } = running;
      await engine.deploy([{ name: 'g_task_listeners.bpmn', content: readFileSync(fixture('g_task_listeners.bpmn'), 'utf8') }]);
      const { processInstanceKey } = await engine.createInstance('listened_approval', {});
      const order: string[] = [];
      for (const type of ['audit', 'on-creating']) {
        const jobs = await engine.activateJobs({ type, maxJobsToActivate: 5 });
        expect(jobs).toHaveLength(1);
        order.push(`${type}:${jobs[0].listenerEventType}`);
        expect(await engine.activateJobs({ type: 'on-creating', maxJobsToActivate: 5 })).toEqual([]);
        await engine.completeJob(jobs[0].key);
      }
      expect(order).toEqual(['audit:creating', 'on-creating:creating']);
      expect(await engine.searchUserTasks({ processInstanceKey })).toHaveLength(1);
    } finally {
      await running.close();
    }
  });
});
