import { EmbeddedEngine, type EngineStore } from '@dealerflow/engine';
import { zeebeApprovalFlow } from './referenceFlow';

/** Runs n approval instances to the end on the embedded engine, `concurrency` at a time (user tasks completed as they appear); instances per second. */
export async function runEmbedded(store: EngineStore, n: number, concurrency = 20): Promise<number> {
  const engine = new EmbeddedEngine({ store, pollInterval: 0 });
  await engine.deploy([{ name: 'approval.bpmn', content: zeebeApprovalFlow }]);
  const tasks: string[] = [];
  let completed = 0;
  let signalled = false;
  let resolveWait: (() => void) | undefined;
  const wake = () => {
    signalled = true;
    resolveWait?.();
  };
  engine.on('userTask.created', (e) => void tasks.push(e.task.key));
  engine.on('instance.completed', () => {
    completed++;
    wake();
  });
  engine.createWorker('check-credit-limit', async (_job, act) => act.complete({ creditOk: true }), { maxJobsActive: 64 });
  const inFlight = new Set<Promise<unknown>>();
  const launch = (p: Promise<unknown>) => {
    inFlight.add(p);
    void p.finally(() => {
      inFlight.delete(p);
      wake();
    });
  };
  const started = process.hrtime.bigint();
  let created = 0;
  for (let guard = 0; completed < n && guard < 10_000_000; guard++) {
    while (created < n && created - completed < concurrency) launch(engine.createInstance('bench_approval', { amount: created++ % 2 === 0 ? 5000 : 500, dealerId: 'dealer1' }));
    while (tasks.length > 0) launch(engine.completeUserTask(tasks.shift()!, { approved: true }));
    if (completed >= n) break;
    if (!signalled) await new Promise<void>((resolve) => (resolveWait = resolve));
    signalled = false;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await Promise.all(inFlight);
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
