import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const MAIN = join(__dirname, '../../src/standalone/main.ts');
const REGISTER = join(__dirname, 'swcRegister.cjs');

/** A port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}

/** Resolves with the exit code once the child has exited. */
export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
}

/** Runs a TypeScript file of this package in its own node process (compiled on the fly by swc, as jest does). */
export function spawnTs(file: string, args: string[] = [], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['-r', REGISTER, file, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolves once the child has printed a line matching `ready`, with everything it printed so far. */
export function waitForOutput(child: ChildProcess, ready: RegExp | string, timeoutMs = 30_000): Promise<() => string> {
  let output = '';
  const seen = () => output;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${ready}" within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (typeof ready === 'string' ? output.includes(ready) : ready.test(output)) {
        clearTimeout(timer);
        resolve(seen);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code ?? signal}:\n${output}`));
    });
  });
}

/** The standalone engine (`npm run engine`) running as its own process. */
export interface EngineProcess {
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
}

/** Starts the standalone engine as its own process with the given environment and resolves once it serves. */
export async function startEngineProcess(env: Record<string, string>): Promise<EngineProcess> {
  const child = spawnTs(MAIN, [], env);
  const output = await waitForOutput(child, 'gRPC gateway on');
  return { child, output };
}
