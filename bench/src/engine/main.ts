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
  const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
  // the machine is shared: every engine gets the same rounds, interleaved, and keeps its best
  const best = (a: Measurement | undefined, b: Measurement) => (!a || b.rate > a.rate ? b : a);
  let peer: Measurement | undefined;
  let memory: Measurement | undefined;
  let sqlite: Measurement | undefined;
  for (let round = 0; round < rounds; round++) {
    peer = best(peer, child('peer', Math.min(instances, 1000)));
    memory = best(memory, child('memory', instances));
    sqlite = best(sqlite, child('sqlite', instances));
  }
  if (!peer || !memory || !sqlite) throw new Error('BENCH_ROUNDS must be at least 1');
  process.stdout.write(`best of ${rounds} interleaved rounds, ${instances} instances each (peer: ${Math.min(instances, 1000)})\n`);
  process.stdout.write('reference approval flow: start → user task → service task "check credit limit" → gateway (amount > 1000) → approval user task → end\n');
  for (const [name, m] of [['bpmn-engine 25 (peer)', peer], ['embedded, in-memory store', memory], ['embedded, SQLite store (durable)', sqlite]] as const) {
    process.stdout.write(`${name.padEnd(34)} ${m.rate.toFixed(0).padStart(7)} instances/s ${(m.rate / peer.rate).toFixed(1).padStart(7)}× peer ${Math.max(0, Math.round(m.heapPerWaiting)).toString().padStart(9)} heap bytes per waiting instance\n`);
  }
}

main();
