/**
 * Event-loop delay while a 900 KB model is deployed: the embedded engine (which parses a
 * large model in a worker thread) against bpmn-engine (which parses it on the event loop),
 * each in its own child process, best of BENCH_ROUNDS interleaved rounds.
 * Run: `npm run bench:deploy -w @dealerflow/bench` (after `npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { EmbeddedEngine, MemoryStore, parsePool } from '@dealerflow/engine';
import { Engine } from 'bpmn-engine';
import { largeModel } from './largeModel';

interface Delay { maxMs: number; p99Ms: number; totalMs: number }

async function measure(kind: string, kilobytes: number): Promise<Delay> {
  const xml = largeModel('large_model', kilobytes);
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  // the first timer tick after enable() only starts the sampling: let it pass before the work
  await new Promise((resolve) => setTimeout(resolve, 20));
  const started = Date.now();
  if (kind === 'peer') {
    await new Engine({ name: 'large', source: xml }).getDefinitions();
  } else {
    const engine = new EmbeddedEngine({ store: new MemoryStore(), pollInterval: 0 });
    await engine.deploy([{ name: 'large.bpmn', content: xml }]);
    await engine.close();
    await parsePool().close();
  }
  const totalMs = Date.now() - started;
  // the histogram records a stall only when its timer fires after it: let the loop turn
  await new Promise((resolve) => setTimeout(resolve, 50));
  histogram.disable();
  return { maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6, totalMs };
}

function child(kind: string, kilobytes: number): Delay {
  const out = execFileSync(process.execPath, [__filename, kind, String(kilobytes)], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as Delay;
}

function main(): void {
  const [kind, kb] = process.argv.slice(2);
  if (kind) {
    void measure(kind, Number(kb)).then((d) => process.stdout.write(`${JSON.stringify(d)}\n`));
    return;
  }
  const kilobytes = Number(process.env.BENCH_KB ?? 900);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
  const best = (a: Delay | undefined, b: Delay) => (!a || b.maxMs < a.maxMs ? b : a);
  let peer: Delay | undefined;
  let ours: Delay | undefined;
  for (let round = 0; round < rounds; round++) {
    peer = best(peer, child('peer', kilobytes));
    ours = best(ours, child('embedded', kilobytes));
  }
  if (!peer || !ours) throw new Error('BENCH_ROUNDS must be at least 1');
  process.stdout.write(`deploying a ${kilobytes} KB model, best of ${rounds} interleaved rounds: longest event-loop stall\n`);
  for (const [name, d] of [['bpmn-engine 25 (peer, parses on the loop)', peer], ['embedded engine (parses in a worker)', ours]] as const) {
    process.stdout.write(`${name.padEnd(42)} max ${d.maxMs.toFixed(0).padStart(6)} ms  p99 ${d.p99Ms.toFixed(0).padStart(6)} ms  deploy ${d.totalMs.toFixed(0).padStart(6)} ms  ${(peer.maxMs / d.maxMs).toFixed(1).padStart(6)}× shorter stall than the peer\n`);
  }
}

main();
