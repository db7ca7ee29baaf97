/**
 * The engine benchmark: the embedded engine (in-memory and durable SQLite) against
 * bpmn-engine on the same approval flow, in one run. Each measurement runs in its own
 * child process so one heap's garbage does not slow the next.
 * Run: `npm run bench:engine -w @dealerflow/bench` (after `npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { measure, type Measurement } from './measure';

function child(kind: string, n: number): Measurement {
  const out = execFileSync(process.execPath, ['--expose-gc', __filename, kind, String(n)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as Measurement;
}

function main(): void {
  const [kind, n] = process.argv.slice(2);
  if (kind) {
    void measure(kind, Number(n)).then((m) => process.stdout.write(`${JSON.stringify(m)}\n`));
    return;
  }
  const instances = Number(process.env.BENCH_INSTANCES ?? 2000);
  const peer = child('peer', Math.min(instances, 1000));
  const memory = child('memory', instances);
  const sqlite = child('sqlite', instances);
  process.stdout.write('reference approval flow: start → user task → service task "check credit limit" → gateway (amount > 1000) → approval user task → end\n');
  for (const [name, m] of [['bpmn-engine 25 (peer)', peer], ['embedded, in-memory store', memory], ['embedded, SQLite store (durable)', sqlite]] as const) {
    process.stdout.write(`${name.padEnd(34)} ${m.rate.toFixed(0).padStart(7)} instances/s ${(m.rate / peer.rate).toFixed(1).padStart(7)}× peer ${Math.max(0, Math.round(m.heapPerWaiting)).toString().padStart(9)} heap bytes per waiting instance\n`);
  }
}

main();
