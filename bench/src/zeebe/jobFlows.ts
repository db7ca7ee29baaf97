import { Camunda8 } from '@camunda8/sdk';
import { ZeebeEngine } from '@dealerflow/engine/dist/zeebe';
import { JOB_TYPE } from '../gateway/oneTaskFlow';
import { closedLoop, type LoopResult } from './closedLoop';

/** One start → service task → end contender: starts instance `i` (its id travels as `benchId`), and a worker completes each job. */
interface JobFlow {
  start(benchId: number): Promise<unknown>;
  close(): Promise<void>;
}

/** Waits for the worker's completion of each instance, by `benchId` (the job may come before the start answers). */
class Completions {
  private readonly waiting = new Map<number, () => void>();
  private readonly early = new Set<number>();

  done(benchId: number): void {
    const resolve = this.waiting.get(benchId);
    if (resolve) {
      this.waiting.delete(benchId);
      resolve();
    } else this.early.add(benchId);
  }

  of(benchId: number): Promise<void> {
    if (this.early.delete(benchId)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(benchId, resolve));
  }
}

/** Our adapter: `ZeebeEngine.createInstance` and a `createWorker` worker (the port's methods). */
function adapterFlow(grpcAddress: string, restAddress: string, completions: Completions): JobFlow {
  const engine = new ZeebeEngine({ grpcAddress, restAddress });
  engine.createWorker(JOB_TYPE, async (job, act) => {
    const ack = await act.complete();
    completions.done(Number(job.variables.benchId));
    return ack;
  });
  return { start: (benchId) => engine.createInstance('bench_one_task', { benchId }), close: () => engine.close() };
}

/** A bare `@camunda8/sdk` gRPC client: `createProcessInstance` and a streaming worker. */
async function bareFlow(grpcAddress: string, completions: Completions): Promise<JobFlow> {
  const c8 = new Camunda8({ ZEEBE_GRPC_ADDRESS: grpcAddress, CAMUNDA_AUTH_STRATEGY: 'NONE', zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' } });
  const zbc = c8.getZeebeGrpcApiClient();
  const stream = await zbc.streamJobs({
    type: JOB_TYPE, worker: 'bench-bare', timeout: 30_000, tenantIds: ['<default>'],
    taskHandler: async (job) => {
      const ack = await job.complete();
      completions.done(Number(job.variables.benchId));
      return ack;
    },
  });
  return {
    start: (benchId) => zbc.createProcessInstance({ bpmnProcessId: 'bench_one_task', variables: { benchId } }),
    close: async () => {
      stream.close();
      await zbc.close();
    },
  };
}

/**
 * Drives `n` instances (plus a warm-up of `warmup`) through one contender against the engine at
 * the given addresses, `concurrency` in flight: each is timed from its start to its job's acknowledged completion.
 */
export async function runJobFlow(kind: 'adapter' | 'bare', grpcAddress: string, restAddress: string, n: number, concurrency: number, warmup = 100): Promise<LoopResult & { cpuMsPerInstance: number }> {
  const completions = new Completions();
  const flow = kind === 'adapter' ? adapterFlow(grpcAddress, restAddress, completions) : await bareFlow(grpcAddress, completions);
  try {
    let id = 0;
    const one = async () => {
      const benchId = id++;
      const completed = completions.of(benchId);
      await flow.start(benchId);
      await completed;
    };
    await closedLoop(warmup, concurrency, one);
    const cpu0 = process.cpuUsage();
    const result = await closedLoop(n, concurrency, one);
    const cpu = process.cpuUsage(cpu0);
    return { ...result, cpuMsPerInstance: (cpu.user + cpu.system) / 1000 / n };
  } finally {
    await flow.close();
  }
}
