import { fork } from 'node:child_process';
import { join } from 'node:path';
import type autocannon from 'autocannon';

/** The session cookie of `username`, signed in through the API. */
export async function signIn(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!response.ok) throw new Error(`${username} could not sign in: ${response.status} ${await response.text()}`);
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** One autocannon run against `path`, each connection cycling through `cookies`, in bench/inbox's load-generator process. */
export function load(url: string, path: string, cookies: string[], connections: number, seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, '..', 'inbox', 'loadgen.js'));
    child.once('message', (result) => resolve(result as autocannon.Result));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`the load generator exited with ${code}`))));
    child.send({ url, connections, duration: seconds, requests: cookies.map((cookie) => ({ method: 'GET', path, headers: cookie ? { cookie, 'accept-encoding': 'gzip, br' } : { 'accept-encoding': 'gzip, br' } })) });
  });
}
