import { eventually } from '../support/eventually';
import { fixture, sdkGrpcClient, startTestGateway, type TestGateway } from '../support/testGateway';

describe('user task listener jobs worked by the official SDK over gRPC', () => {
  let gateway: TestGateway;
  let zbc: ReturnType<typeof sdkGrpcClient>;

  beforeAll(async () => {
    gateway = await startTestGateway('sqlite');
    zbc = sdkGrpcClient(gateway);
    await zbc.deployResource({ processFilename: fixture('g_task_listeners.bpmn') });
  });
  afterAll(async () => {
    await zbc.close();
    await gateway.close();
  });

  it('a worker of the listener type reads the task from the headers and lets creation and completion go on', async () => {
    const seen: Array<{ action: string; userTaskKey: string; groups: string }> = [];
    const workers = ['on-creating', 'on-completing'].map((taskType) => zbc.createWorker({
      taskType,
      taskHandler: (job) => {
        const h = job.customHeaders as Record<string, string>;
        seen.push({ action: h['io.camunda.zeebe:action'], userTaskKey: h['io.camunda.zeebe:userTaskKey'], groups: h['io.camunda.zeebe:candidateGroups'] });
        return job.complete();
      },
    }));
    try {
      const { processInstanceKey } = await zbc.createProcessInstance({ bpmnProcessId: 'listened_approval', variables: { claimId: 'WC-11' } });
      const task = await eventually(async () => {
        const [found] = await gateway.engine.searchUserTasks({ processInstanceKey });
        if (!found) throw new Error('the task is not created yet');
        return found;
      });
      expect(seen).toEqual([{ action: 'create', userTaskKey: task.key, groups: '["warranty"]' }]);
      await gateway.engine.completeUserTask(task.key, { approved: true });
      expect(seen.map((s) => s.action)).toEqual(['create', 'complete']);
      expect((await gateway.engine.getInstance(processInstanceKey)).state).toBe('COMPLETED');
    } finally {
      for (const w of workers) await w.close();
    }
  });
});
