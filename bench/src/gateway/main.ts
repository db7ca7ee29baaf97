/**
 * The gateway benchmark: process instances of one service task completed per second, started over
 * gRPC and worked by a streaming worker of the official SDK against the standalone engine on durable
 * SQLite, the start rate raised until back-pressure answers appear or completions fall behind;
 * then the same flow driven in-process (the embedded engine's API, same store kind).
 * Run: `npm run bench:gateway -w @dealerflow/bench` (after `npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatewayFlow, startEngineProcess } from './gatewayFlow';
import { inProcessFlow } from './inProcessFlow';
import { best, DEFAULT_RATES, ramp, sustained, type Flow, type Stage } from './ramp';

/** BENCH_ENGINE_MAIN=path runs another build of the standalone engine (to compare two builds). */
const STANDALONE_MAIN = process.env.BENCH_ENGINE_MAIN ?? require.resolve('@dealerflow/gateway/dist/standalone/main.js');
const stageSeconds = Number(process.env.BENCH_STAGE_SECONDS ?? 4);
const rates = process.env.BENCH_RATES ? process.env.BENCH_RATES.split(',').map(Number) : DEFAULT_RATES;
/** BENCH_IN_PROCESS=0 runs the protocol side alone: short, interleaved comparisons of two builds at a fixed rate. */
const withInProcess = process.env.BENCH_IN_PROCESS !== '0';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}

/** CPU time (ms) a process has used: this one, or a child by pid (Linux /proc). */
function cpuMs(pid?: number): number {
  if (pid === undefined) {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
}

/** A ramp's stages and the CPU milliseconds per completed instance it cost, by process. */
interface Run {
  stages: Stage[];
  cpuPerInstance: Record<string, number>;
}

/** The flow with a count of every completion, drains between stages included. */
function counted(flow: Flow): Flow & { total(): number } {
  let total = 0;
  return { start: (t) => flow.start(t), onCompleted: (sink) => flow.onCompleted((t) => (total++, sink(t))), total: () => total };
}

const line = (name: string) => (s: Stage) => process.stderr.write(`  ${name.padEnd(11)} start ${String(s.rate).padStart(5)}/s: ${String(s.started).padStart(6)} started, ${String(s.backpressure).padStart(5)} back-pressure, ${s.completedPerSecond.toFixed(0).padStart(5)} completed/s, p50 ${s.p50.toFixed(0).padStart(5)} ms, p99 ${s.p99.toFixed(0).padStart(5)} ms\n`);

async function overTheProtocol(dir: string): Promise<Run> {
  const [grpcPort, restPort] = [await freePort(), await freePort()];
  const engine = await startEngineProcess(STANDALONE_MAIN, { ZEEBE_GRPC_PORT: String(grpcPort), ZEEBE_REST_PORT: String(restPort), ENGINE_DATABASE_URL: `sqlite:${join(dir, 'gateway.sqlite')}` });
  const gateway = await gatewayFlow(`127.0.0.1:${grpcPort}`);
  const flow = counted(gateway);
  try {
    await ramp(flow, { rates: [50], stageSeconds: 2 }); // warm-up
    const [engine0, client0, n0] = [cpuMs(engine.pid), cpuMs(), flow.total()];
    const stages = await ramp(flow, { rates, stageSeconds, log: line('gateway') });
    const n = flow.total() - n0;
    return { stages, cpuPerInstance: { engine: (cpuMs(engine.pid) - engine0) / n, client: (cpuMs() - client0) / n } };
  } finally {
    await gateway.close();
    engine.kill('SIGTERM');
    await new Promise((resolve) => engine.once('exit', resolve));
  }
}

async function inProcess(dir: string): Promise<Run> {
  const embedded = await inProcessFlow(`sqlite:${join(dir, 'inprocess.sqlite')}`);
  const flow = counted(embedded);
  try {
    await ramp(flow, { rates: [50], stageSeconds: 2 });
    const [cpu0, n0] = [cpuMs(), flow.total()];
    const stages = await ramp(flow, { rates, stageSeconds, log: line('in-process') });
    return { stages, cpuPerInstance: { 'engine and worker': (cpuMs() - cpu0) / (flow.total() - n0) } };
  } finally {
    await embedded.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'df-bench-gateway-'));
  try {
    if (process.argv[2] === 'in-process') {
      process.stdout.write(`${JSON.stringify(await inProcess(dir))}\n`);
      return;
    }
    const gateway = await overTheProtocol(dir);
    const cpu = (run: Run) => Object.entries(run.cpuPerInstance).map(([who, ms]) => `${who} ${ms.toFixed(2)} ms`).join(', ');
    const g = best(gateway.stages);
    if (!withInProcess) {
      process.stdout.write(`over the protocol: ${g.completedPerSecond.toFixed(0)} instances/s completed at ${g.rate}/s started, p50 ${g.p50.toFixed(0)} ms, p99 ${g.p99.toFixed(0)} ms; CPU per instance: ${cpu(gateway)}\n`);
      return;
    }
    // in its own process, so the gateway run's heap and sockets do not weigh on it
    const out = execFileSync(process.execPath, [__filename, 'in-process'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
    const embedded = JSON.parse(out.trim().split('\n').pop()!) as Run;
    const e = best(embedded.stages);
    process.stdout.write('one service task, durable SQLite (WAL, synchronous=NORMAL); start rate raised until back-pressure or completions fall behind\n');
    const [gs, es] = [sustained(gateway.stages), sustained(embedded.stages)];
    const keptUpTo = (s?: Stage) => (s ? `kept up to ${s.rate}/s started, p99 ${s.p99.toFixed(0)} ms` : 'kept up at no rate');
    process.stdout.write(`over the protocol (gRPC starts, streaming SDK worker, standalone engine): ${g.completedPerSecond.toFixed(0)} instances/s completed, p99 start-to-complete ${g.p99.toFixed(0)} ms (at ${g.rate}/s started; back-pressure answers ${gateway.stages.some((s) => s.backpressure > 0) ? `from ${gateway.stages.find((s) => s.backpressure > 0)!.rate}/s` : 'never seen'}; ${keptUpTo(gs)}); CPU per instance: ${cpu(gateway)}\n`);
    process.stdout.write(`in-process (embedded engine API, same store kind):                       ${e.completedPerSecond.toFixed(0)} instances/s completed, p99 start-to-complete ${e.p99.toFixed(0)} ms (at ${e.rate}/s started; ${keptUpTo(es)}); CPU per instance: ${cpu(embedded)}\n`);
    const keptUpRatio = gs && es ? `, ${(gs.completedPerSecond / es.completedPerSecond).toFixed(2)}× between the highest stages that kept up` : '';
    process.stdout.write(`ratio over the protocol ÷ in-process: ${(g.completedPerSecond / e.completedPerSecond).toFixed(2)}×${keptUpRatio} (targets: ≥ 1000 instances/s, ≥ 0.5×)\n`);
    const protocolCpu = gateway.cpuPerInstance.engine + gateway.cpuPerInstance.client;
    const cores = availableParallelism();
    process.stdout.write(`what bounds it (CPU averaged over the ramp): engine and SDK client together use ${protocolCpu.toFixed(2)} ms of CPU per instance, so ${cores} cores complete at most ${(cores * 1000 / protocolCpu).toFixed(0)}/s over the protocol, `
      + `and the client's one thread at most ${(1000 / gateway.cpuPerInstance.client).toFixed(0)}/s; CPU per instance, in-process engine and worker ÷ standalone engine: ${(embedded.cpuPerInstance['engine and worker'] / gateway.cpuPerInstance.engine).toFixed(2)}×\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
