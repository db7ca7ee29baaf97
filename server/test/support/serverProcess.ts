import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exited, freePort, waitForOutput } from '../../../gateway/test/support/engineProcess';

const MAIN = join(__dirname, '../../dist/main.js');

/** A server as `npm start` runs it, in a process of its own: what a test can kill. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Signs in as `username` (password `demo`) and answers the session cookie. */
  signIn(username: string): Promise<string>;
  /** Ends it with SIGKILL, as a crash would, and waits until it is gone. */
  kill(): Promise<void>;
  /** Ends it with SIGTERM and waits until it is gone. */
  stop(): Promise<void>;
}

/** Starts the built server (`server/dist/main.js`) with `env` on a free port; resolves once it listens. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: String(port), ATTACHMENTS_DIR: mkdtempSync(join(tmpdir(), 'dealerflow-files-')), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = await waitForOutput(child, 'Dealerflow is listening', 180_000);
  const url = `http://127.0.0.1:${port}`;
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited(child);
  };
  return {
    url,
    child,
    output,
    async signIn(username) {
      const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
      if (response.status !== 200) throw new Error(`sign-in as ${username} answered ${response.status}`);
      return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
    },
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}
