import { EmbeddedEngine, type EngineStore } from '@dealerflow/engine';
import { zeebeApprovalFlow } from './referenceFlow';

/** Runs n approval instances to the end on the embedded engine; returns instances per second. */
export async function runEmbedded(store: EngineStore, n: number): Promise<number> {
  const engine = new EmbeddedEngine({ store, pollInterval: 0 });
  await engine.deploy([{ name: 'approval.bpmn', content: zeebeApprovalFlow }]);
  const tasks: string[] = [];
  let completed = 0;
  engine.on('userTask.created', (e) => void tasks.push(e.task.key));
  engine.on('instance.completed', () => void completed++);
  engine.createWorker('check-credit-limit', async (_job, act) => act.complete({ creditOk: true }), { maxJobsActive: 64 });
  const drain = async () => {
    while (tasks.length > 0) await engine.completeUserTask(tasks.shift()!, { approved: true });
  };
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    await engine.createInstance('bench_approval', { amount: i % 2 === 0 ? 5000 : 500, dealerId: 'dealer1' });
    await drain();
  }
  for (let guard = 0; completed < n && guard < 1_000_000; guard++) {
    await drain();
    await new Promise((r) => setImmediate(r));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await engine.close();
  if (completed !== n) throw new Error(`only ${completed} of ${n} instances completed`);
  return n / seconds;
}

/** Heap bytes per instance waiting at its first user task. */
export async function embeddedHeapPerWaiting(store: EngineStore, n: number, gc: () => void): Promise<number> {
  const engine = new EmbeddedEngine({ store, pollInterval: 0 });
  await engine.deploy([{ name: 'approval.bpmn', content: zeebeApprovalFlow }]);
  await engine.createInstance('bench_approval', { amount: 1 });
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < n; i++) await engine.createInstance('bench_approval', { amount: 5000, dealerId: 'dealer1' });
  gc();
  const after = process.memoryUsage().heapUsed;
  await engine.close();
  return (after - before) / n;
}
