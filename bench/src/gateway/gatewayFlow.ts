import { spawn, type ChildProcess } from 'node:child_process';
import { Camunda8 } from '@camunda8/sdk';
import { JOB_TYPE, oneTaskFlow } from './oneTaskFlow';
import type { Flow } from './ramp';

const RESOURCE_EXHAUSTED = 8;

/**
 * Starts the standalone engine (`npm run engine`) as its own process and resolves once it serves.
 * BENCH_PROFILE_DIR=dir writes the engine's CPU profile there (run the bench itself with `node --cpu-prof` for the client's).
 */
export function startEngineProcess(main: string, env: Record<string, string>): Promise<ChildProcess> {
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, main], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('gRPC gateway on')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`the engine exited with ${code}: ${output}`)));
  });
}

/** The flow over the protocol: instances started over gRPC by the official SDK, their jobs worked by its streaming worker. */
export async function gatewayFlow(address: string): Promise<Flow & { close(): Promise<void> }> {
  const c8 = new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${address}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    // no retries: a RESOURCE_EXHAUSTED answer is what the ramp looks for
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false, ZEEBE_GRPC_CLIENT_CONNECTION_TOLERANCE_MS: 100 },
  } as ConstructorParameters<typeof Camunda8>[0]);
  const zbc = c8.getZeebeGrpcApiClient();
  await zbc.deployResource({ process: Buffer.from(oneTaskFlow), name: 'bench_one_task.bpmn' });
  let sink: (startedAt: number) => void = () => undefined;
  const stream = await zbc.streamJobs({
    type: JOB_TYPE, worker: 'bench', timeout: 60_000, tenantIds: [],
    taskHandler: async (job) => {
      const ack = await job.complete();
      sink(Number(job.variables.startedAt));
      return ack;
    },
  });
  return {
    onCompleted: (s) => (sink = s),
    start: async (startedAt) => {
      try {
        await zbc.createProcessInstance({ bpmnProcessId: 'bench_one_task', variables: { startedAt } });
        return 'created';
      } catch (error) {
        if ((error as { code?: number }).code === RESOURCE_EXHAUSTED || /RESOURCE_EXHAUSTED/.test(String(error))) return 'backpressure';
        throw error;
      }
    },
    close: async () => {
      stream.close();
      await zbc.close();
    },
  };
}
