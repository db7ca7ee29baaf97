/**
 * The Zeebe benchmark (issue 12), two ratios in one run:
 * 1. the server end to end over HTTP (start a case, find its review in the inbox, claim, complete,
 *    until the case reads as completed) with the embedded engine and with ENGINE=zeebe against the
 *    standalone engine: cases/s, p50 / p99, and wire ÷ in-process;
 * 2. start → service task → end through our adapter (`ZeebeEngine.createInstance` and `createWorker`)
 *    and through a bare `@camunda8/sdk` gRPC client, against one standalone engine: instances/s and
 *    adapter ÷ bare (target ≥ 0.8).
 * Contenders take turns for `BENCH_ROUNDS` rounds and each keeps its best round (the machine is shared).
 * Run: `npm run bench:zeebe -w @dealerflow/bench` (after `npm run build`).
 * Env: BENCH_ROUNDS=3, BENCH_CASES=100, BENCH_CASE_CONCURRENCY=8, BENCH_INSTANCES=1000, BENCH_CONCURRENCY=32, BENCH_ONLY=cases|adapter.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import { startEngineProcess } from '../gateway/gatewayFlow';
import { oneTaskFlow } from '../gateway/oneTaskFlow';
import { better, closedLoop, percentile, type LoopResult } from './closedLoop';
import { runJobFlow } from './jobFlows';
import { caseDriver, runCase, startServerProcess, type ServerProcess } from './serverCases';

const STANDALONE_MAIN = require.resolve('@dealerflow/gateway/dist/standalone/main.js');
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const rounds = env('BENCH_ROUNDS', 3);
const cases = env('BENCH_CASES', 100);
const caseConcurrency = env('BENCH_CASE_CONCURRENCY', 8);
const instances = env('BENCH_INSTANCES', 1000);
const concurrency = env('BENCH_CONCURRENCY', 32);
const TARGET_ADAPTER_RATIO = 0.8;
/** Instances each part-2 contender runs before it is measured. */
const WARMUP = 100;

const out = (line = '') => process.stdout.write(`${line}\n`);
const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ');
const row = (name: string, r: LoopResult, unit: string, extra = '') => `${name.padEnd(44)} ${r.perSecond.toFixed(1).padStart(8)} ${unit}  p50 ${r.p50.toFixed(0).padStart(5)} ms  p99 ${r.p99.toFixed(0).padStart(5)} ms${extra}`;

/** CPU milliseconds a child process has used so far (Linux /proc). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}

/** The standalone engine (`npm run engine`) on a fresh SQLite file, with the server's global user task listener. */
async function standaloneEngine(dir: string, name: string): Promise<{ child: ChildProcess; grpc: string; rest: string; stop(): Promise<void> }> {
  const [grpcPort, restPort] = [await freePort(), await freePort()];
  const child = await startEngineProcess(STANDALONE_MAIN, {
    ZEEBE_GRPC_PORT: String(grpcPort), ZEEBE_REST_PORT: String(restPort), ENGINE_DATABASE_URL: `sqlite:${join(dir, `${name}.sqlite`)}`,
    // the inbox's feed: one global listener for every user task transition the server projects
    CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_TYPE: 'dealerflow-user-task-events',
    CAMUNDA_CLUSTER_GLOBALLISTENERS_USERTASK_0_EVENTTYPES: 'creating,assigning,completing,canceling',
  });
  return {
    child, grpc: `grpc://127.0.0.1:${grpcPort}`, rest: `http://127.0.0.1:${restPort}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    },
  };
}

/** Part 1: the server's cases, embedded engine against ENGINE=zeebe, interleaved. */
async function serverModes(dir: string): Promise<void> {
  const engine = await standaloneEngine(dir, 'wire-engine');
  const servers: { name: string; server: ServerProcess }[] = [];
  try {
    const common = { DEMO_DATA: 'on', ATTACHMENTS_DIR: join(dir, 'attachments') };
    servers.push({ name: 'in-process (embedded engine)', server: await startServerProcess(await freePort(), { ...common, DATABASE_URL: `sqlite:${join(dir, 'embedded-server.sqlite')}` }) });
    servers.push({ name: 'over the wire (ENGINE=zeebe, standalone engine)', server: await startServerProcess(await freePort(), {
      ...common, DATABASE_URL: `sqlite:${join(dir, 'wire-server.sqlite')}`, ENGINE: 'zeebe', ZEEBE_GRPC_ADDRESS: engine.grpc, ZEEBE_REST_ADDRESS: engine.rest,
    }) });
    const drivers = await Promise.all(servers.map(({ server }) => caseDriver(server.url)));
    for (const driver of drivers) await closedLoop(Math.min(10, cases), caseConcurrency, (i) => runCase(driver, -1 - i)); // warm-up
    const best = new Map<string, LoopResult & { toComplete: number }>();
    for (let round = 1; round <= rounds; round++) {
      for (const [i, { name }] of servers.entries()) {
        const toComplete: number[] = [];
        const r = await closedLoop(cases, caseConcurrency, async (n) => toComplete.push(await runCase(drivers[i], round * 100_000 + n)));
        const measured = { ...r, toComplete: percentile(toComplete, 50) };
        process.stderr.write(`  round ${round} ${row(name, r, 'cases/s')}  (p50 to the completion's answer ${measured.toComplete.toFixed(0)} ms)  load ${load()}\n`);
        if (better(best.get(name), r) === r) best.set(name, measured);
      }
    }
    out(`1. a case end to end through our server over HTTP: start, review found in the inbox, claim, complete, until the case reads completed`);
    out(`   (process: user task → service task "notify" → end; ${cases} cases × ${rounds} interleaved rounds, ${caseConcurrency} in flight, best round)`);
    for (const { name } of servers) {
      const b = best.get(name)!;
      out(`   ${row(name, b, 'cases/s', `  (p50 to the completion's answer ${b.toComplete.toFixed(0)} ms)`)}`);
    }
    const [embedded, wire] = servers.map(({ name }) => best.get(name)!);
    out(`   ratio wire ÷ in-process: ${(wire.perSecond / embedded.perSecond).toFixed(2)}×`);
  } catch (error) {
    for (const { name, server } of servers) process.stderr.write(`--- the end of the log of the server ${name}:\n${server.log()}\n`);
    throw error;
  } finally {
    for (const { server } of servers) await server.stop();
    await engine.stop();
  }
}

type JobRun = LoopResult & { cpuMsPerInstance: number; engineCpuMsPerInstance: number };

/** One contender of part 2 in its own process, so neither one's heap and sockets weigh on the other; with the engine's CPU per instance (warm-up included). */
function jobFlowChild(kind: string, grpc: string, rest: string, enginePid: number): JobRun {
  const cpu0 = cpuMsOf(enginePid);
  const text = execFileSync(process.execPath, [__filename, kind, grpc, rest], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  const run = JSON.parse(text.trim().split('\n').pop()!) as LoopResult & { cpuMsPerInstance: number };
  return { ...run, engineCpuMsPerInstance: (cpuMsOf(enginePid) - cpu0) / (run.done + WARMUP) };
}

/** Part 2: our adapter against a bare SDK client on one standalone engine, interleaved. */
async function adapterAgainstBare(dir: string): Promise<void> {
  const engine = await standaloneEngine(dir, 'adapter-engine');
  try {
    const c8 = new Camunda8({ ZEEBE_GRPC_ADDRESS: engine.grpc, CAMUNDA_AUTH_STRATEGY: 'NONE', zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' } });
    const zbc = c8.getZeebeGrpcApiClient();
    await zbc.deployResource({ process: Buffer.from(oneTaskFlow), name: 'bench_one_task.bpmn' });
    await zbc.close();
    const best: Record<string, JobRun | undefined> = {};
    const kinds = [['adapter', 'our adapter (ZeebeEngine)'], ['bare', 'bare @camunda8/sdk gRPC client']] as const;
    for (let round = 1; round <= rounds; round++) {
      for (const [kind, name] of kinds) {
        const r = jobFlowChild(kind, engine.grpc, engine.rest, engine.child.pid!);
        process.stderr.write(`  round ${round} ${row(name, r, 'instances/s')}  CPU ms/instance: client ${r.cpuMsPerInstance.toFixed(2)}, engine ${r.engineCpuMsPerInstance.toFixed(2)}  load ${load()}\n`);
        const b = best[kind];
        best[kind] = better(b, r) === r ? r : b;
      }
    }
    out(`2. start → service task → end against one standalone engine: our adapter against a bare SDK client`);
    out(`   (${instances} instances × ${rounds} interleaved rounds, ${concurrency} in flight, each in its own process, best round)`);
    for (const [kind, name] of kinds) out(`   ${row(name, best[kind]!, 'instances/s', `  CPU ms/instance: client ${best[kind]!.cpuMsPerInstance.toFixed(2)}, engine ${best[kind]!.engineCpuMsPerInstance.toFixed(2)}`)}`);
    const ratio = best.adapter!.perSecond / best.bare!.perSecond;
    out(`   ratio adapter ÷ bare: ${ratio.toFixed(2)}× (target ≥ ${TARGET_ADAPTER_RATIO}: ${ratio >= TARGET_ADAPTER_RATIO ? 'met' : 'MISSED'})`);
  } finally {
    await engine.stop();
  }
}

async function main(): Promise<void> {
  const [kind, grpc, rest] = process.argv.slice(2);
  if (kind === 'adapter' || kind === 'bare') {
    out(JSON.stringify(await runJobFlow(kind, grpc, rest, instances, concurrency, WARMUP)));
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'df-bench-zeebe-'));
  const only = process.env.BENCH_ONLY;
  out(`load average (1 / 5 / 15 min) at start: ${load()}`);
  try {
    if (only !== 'adapter') await serverModes(dir);
    if (only !== 'cases') await adapterAgainstBare(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  out(`load average at end: ${load()}`);
}

main().then(() => process.exit(0), (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
