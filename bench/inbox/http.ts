import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type autocannon from 'autocannon';
import { loadConfig } from '@dealerflow/server/dist/config';
import { startServer } from '@dealerflow/server/dist/server';
import { approverName, BENCH_PASSWORD, dealerUser } from './seed';

/** requests/s and latency of one endpoint under load. */
export interface LoadResult {
  path: string;
  users: string[];
  result: autocannon.Result;
}

function runAutocannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'loadgen.js'));
    child.once('message', (result) => resolve(result as autocannon.Result));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`the load generator exited with ${code}`))));
    child.send(options);
  });
}

async function signIn(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: BENCH_PASSWORD }) });
  if (!response.ok) throw new Error(`${username} could not sign in: ${response.status} ${await response.text()}`);
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/**
 * Starts a real server on the bench database (no demo data), signs in a few users and
 * loads `GET /api/tasks` (dealer users) and `GET /api/approvals` (approvers) with
 * autocannon, each connection cycling through the signed-in users.
 */
export async function httpLoad(databaseUrl: string, seconds: number, connections: number): Promise<LoadResult[]> {
  const attachments = mkdtempSync(join(tmpdir(), 'df-bench-inbox-'));
  // Log level fatal: when autocannon stops, requests still in flight fail as the server closes
  // its pool, and their error logs are not results (autocannon counts errors and timeouts).
  const server = await startServer(loadConfig({ ...process.env, DATABASE_URL: databaseUrl, DEMO_DATA: 'off', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'fatal', ATTACHMENTS_DIR: attachments }));
  try {
    const results: LoadResult[] = [];
    for (const { path, users } of [
      { path: '/api/tasks', users: [dealerUser(3, 1), dealerUser(57, 0), dealerUser(120, 7), dealerUser(199, 12)] },
      { path: '/api/approvals', users: [approverName(1), approverName(12), approverName(20), approverName(28)] },
    ]) {
      const cookies = [];
      for (const user of users) cookies.push(await signIn(server.url, user));
      for (const cookie of cookies) {
        const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
        const body = (await response.json()) as { items?: unknown[] };
        if (!response.ok || body.items?.length !== 50) throw new Error(`${path} answered ${response.status} with ${body.items?.length} items`);
      }
      const result = await runAutocannon({
        url: server.url,
        connections,
        duration: seconds,
        requests: cookies.map((cookie) => ({ method: 'GET', path, headers: { cookie } })),
      });
      results.push({ path, users, result });
    }
    return results;
  } finally {
    await server.close();
    rmSync(attachments, { recursive: true, force: true });
  }
}
