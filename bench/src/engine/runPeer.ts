import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import { peerApprovalFlow } from './referenceFlow';

const services = {
  checkCreditLimit(_ctx: unknown, callback: (err: Error | null, result?: unknown) => void) {
    callback(null, { creditOk: true });
  },
};

function startPeer(amount: number, signal: boolean): Promise<Engine> {
  const engine = new Engine({ name: 'approval', source: peerApprovalFlow, services, variables: { amount } });
  const listener = new EventEmitter();
  if (signal) listener.on('wait', (api: { signal(message?: unknown): void }) => api.signal({ approved: true }));
  const ended = new Promise<Engine>((resolve, reject) => {
    engine.once('end', () => resolve(engine));
    engine.once('error', reject);
  });
  void engine.execute({ listener });
  return signal ? ended : Promise.resolve(engine);
}

/** Runs n approval instances to the end on bpmn-engine (user tasks signalled at once); instances per second. */
export async function runPeer(n: number, concurrency = 20): Promise<number> {
  const started = process.hrtime.bigint();
  let next = 0;
  const lane = async () => {
    while (next < n) {
      const i = next++;
      await startPeer(i % 2 === 0 ? 5000 : 500, true);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return n / (Number(process.hrtime.bigint() - started) / 1e9);
}

/** Heap bytes per bpmn-engine instance waiting at its first user task. */
export async function peerHeapPerWaiting(n: number, gc: () => void): Promise<number> {
  const keep: Engine[] = [];
  keep.push(await startPeer(1, false));
  await new Promise((r) => setTimeout(r, 10));
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < n; i++) keep.push(await startPeer(5000, false));
  await new Promise((r) => setTimeout(r, 50));
  gc();
  const after = process.memoryUsage().heapUsed;
  for (const e of keep) e.stop();
  return (after - before) / n;
}
