import { EmbeddedEngine } from '@dealerflow/engine';
import { openEngineStore } from '@dealerflow/gateway';
import { JOB_TYPE, oneTaskFlow } from './oneTaskFlow';
import type { Flow } from './ramp';

/** The same flow driven in-process: the embedded engine's API directly, on the same store kind as the standalone engine. */
export async function inProcessFlow(databaseUrl: string): Promise<Flow & { close(): Promise<void> }> {
  const opened = await openEngineStore(databaseUrl);
  const engine = new EmbeddedEngine({ store: opened.store, pollInterval: 1000 });
  await engine.deploy([{ name: 'bench_one_task.bpmn', content: oneTaskFlow }]);
  let sink: (startedAt: number) => void = () => undefined;
  engine.createWorker(JOB_TYPE, async (job, act) => {
    const ack = await act.complete();
    sink(Number(job.variables.startedAt));
    return ack;
  }, { maxJobsActive: 64 });
  return {
    onCompleted: (s) => (sink = s),
    start: async (startedAt) => {
      await engine.createInstance('bench_one_task', { startedAt });
      return 'created';
    },
    close: async () => {
      await engine.close();
      await opened.release();
    },
  };
}
