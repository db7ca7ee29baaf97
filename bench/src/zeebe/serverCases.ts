import { spawn, type ChildProcess } from 'node:child_process';
import { CASE_PROCESS_ID, caseForm, caseProcess } from './caseFlow';

const SERVER_MAIN = require.resolve('@dealerflow/server/dist/main.js');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Our server (`npm start`) running as its own process. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** The end of what it logged. */
  log(): string;
  stop(): Promise<void>;
}

/** Starts the built server with `env` on `port` and resolves once `/api/health` answers ok (engine up). */
export async function startServerProcess(port: number, env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [SERVER_MAIN], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  // its log is shown only when something fails (a stopping server's closed streams are noise)
  let errors = '';
  const keep = (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-8000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  child.once('exit', () => (exited = true));
  for (const until = Date.now() + 180_000; ; await sleep(200)) {
    if (exited) throw new Error(`the server (${env.ENGINE ?? 'embedded'}) exited while starting: ${errors}`);
    if (Date.now() > until) throw new Error('the server did not become healthy within 180 s');
    const health = await fetch(`${url}/api/health`).then((r) => (r.ok ? r.json() as Promise<{ engine?: { status?: string } }> : undefined), () => undefined);
    if (health?.engine?.status === 'up') break;
  }
  return {
    url,
    child,
    log: () => errors,
    stop: async () => {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    },
  };
}

/** A signed-in API user of one server. */
export class ApiUser {
  private constructor(private readonly url: string, private readonly cookie: string) {}

  static async signIn(url: string, username: string, password = 'demo'): Promise<ApiUser> {
    const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (!response.ok) throw new Error(`${username} could not sign in: ${response.status} ${await response.text()}`);
    return new ApiUser(url, response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '));
  }

  async call<T>(method: string, path: string, body?: unknown, expected = [200, 201, 204]): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      method, headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!expected.includes(response.status)) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** The users one server's cases are driven by: the admin who deploys and opens them for a dealer (dealer staff may start only the shipped processes), the dealer's staff who work them. */
export interface CaseDriver {
  admin: ApiUser;
  staff: ApiUser;
}

export async function caseDriver(url: string): Promise<CaseDriver> {
  const admin = await ApiUser.signIn(url, 'admin');
  await admin.call('POST', '/api/deployments', { resources: [{ name: `${CASE_PROCESS_ID}.bpmn`, content: caseProcess }, { name: `${caseForm.id}.form.json`, content: JSON.stringify(caseForm) }] });
  return { admin, staff: await ApiUser.signIn(url, 'dealer1.staff') };
}

/** Polls `read` every `everyMs` until it gives a value; fails after `timeoutMs`. */
async function until<T>(what: string, read: () => Promise<T | undefined>, everyMs = 20, timeoutMs = 60_000): Promise<T> {
  for (const end = performance.now() + timeoutMs; ; await sleep(everyMs)) {
    const found = await read();
    if (found !== undefined) return found;
    if (performance.now() > end) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
  }
}

interface InboxRow { key: string; processInstanceKey: string; elementId: string }

/**
 * One case end to end over HTTP: the admin opens it for dealer1, whose staff find its review in the inbox,
 * claim and complete it; then wait until the case reads as completed (the notification ran).
 * Answers the milliseconds from the start to the completion's answer.
 */
export async function runCase({ admin, staff }: CaseDriver, i: number): Promise<number> {
  const t0 = performance.now();
  const { instanceKey } = await admin.call<{ instanceKey: string }>('POST', '/api/process-instances', { bpmnProcessId: CASE_PROCESS_ID, variables: { benchCase: i }, dealerId: 'dealer1' });
  const task = await until(`the review of case ${instanceKey} in the inbox`, async () => {
    const page = await staff.call<{ items: InboxRow[] }>('GET', `/api/tasks?state=open&processId=${CASE_PROCESS_ID}&limit=100`);
    return page.items.find((t) => t.processInstanceKey === instanceKey && t.elementId === 'Review');
  });
  await staff.call('POST', `/api/tasks/${task.key}/claim`);
  await staff.call('POST', `/api/tasks/${task.key}/complete`, { variables: { ok: true } });
  const completedAfter = performance.now() - t0;
  await until(`the end of case ${instanceKey}`, async () => {
    const detail = await staff.call<{ state: string }>('GET', `/api/process-instances/${instanceKey}`);
    return detail.state === 'COMPLETED' ? true : undefined;
  });
  return completedAfter;
}
