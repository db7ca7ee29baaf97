/**
 * The HTTP hot path (issue 13): `GET /api/tasks`, `GET /api/approvals` and `GET /api/health`
 * through the whole server, as a ratio to a bare Koa JSON endpoint measured in the same run: the
 * lists as a polling user reads them (from the pages the server keeps until a task changes) and
 * with each page built anew.
 * The contenders take turns (bare, tasks, approvals, health, bare, …) for `--rounds` rounds and
 * each keeps its best round, so a burst of load from other work on the machine hurts all alike.
 * On demo data (embedded SQLite in the temp folder, the shipped demo users) by default; with
 * `--mariadb` on bench/inbox's 1M-task database (seeded by it when absent).
 * Run: `npm run bench:http -w @dealerflow/bench [-- --mariadb] [-- --rounds 3] [-- --seconds 5] [-- --connections 20]`
 * Env: BENCH_MARIADB_URL (default mariadb://root@127.0.0.1:3306).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@dealerflow/server/dist/config';
import { startServer } from '@dealerflow/server/dist/server';
import { startBareKoa } from './bareKoa';
import { load, signIn } from './load';
import { approverName, BENCH_PASSWORD, dealerUser, existingTasks, seed, SIZE } from '../inbox/seed';

const out = (line = '') => process.stdout.write(`${line}\n`);
const option = (name: string, fallback: number) => (process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : fallback);
const DATABASE = 'df_bench_inbox';
/** Targets of issue 13. */
const TARGET_RATIO_DEMO = 0.25;
const TARGET_RPS_MARIADB = 2000;

/**
 * A contender either reads as users poll (a repeated read answered from the page the server kept
 * until a task changed) or `built`: every page built anew, as if a task changed before each read.
 */
interface Contender { name: string; url: string; path: string; cookies: string[]; built?: boolean }

/** Makes every read of `pages` build its page anew until the returned function is called. */
function buildEveryPage(pages: { read: (...args: never[]) => unknown; changed(): void }): () => void {
  const read = pages.read;
  pages.read = (...args) => {
    pages.changed();
    return read.apply(pages, args);
  };
  return () => {
    pages.read = read;
  };
}

async function main(): Promise<void> {
  const mariadb = process.argv.includes('--mariadb');
  const rounds = option('rounds', 3);
  const seconds = option('seconds', 5);
  const connections = option('connections', 20);
  const files = mkdtempSync(join(tmpdir(), 'df-bench-http-'));
  let databaseUrl = `sqlite:${join(files, 'bench.sqlite')}`;
  let taskUsers = ['dealer1.staff', 'dealer1.manager', 'dealer2.staff', 'dealer2.manager'];
  let approvers = ['approver.warranty', 'approver.sales', 'approver.finance'];
  let password = 'demo';
  if (mariadb) {
    const serverUrl = (process.env.BENCH_MARIADB_URL ?? 'mariadb://root@127.0.0.1:3306').replace(/\/$/, '');
    if ((await existingTasks(serverUrl, DATABASE)) !== SIZE.tasks) {
      out(`seeding ${DATABASE} as bench/inbox does (${SIZE.tasks} tasks)`);
      await (await seed(serverUrl, DATABASE, out)).destroy();
    }
    databaseUrl = `${serverUrl}/${DATABASE}`;
    taskUsers = [dealerUser(3, 1), dealerUser(57, 0), dealerUser(120, 7), dealerUser(199, 12)];
    approvers = [approverName(1), approverName(12), approverName(20), approverName(28)];
    password = BENCH_PASSWORD;
  }
  const server = await startServer(loadConfig({
    ...process.env, DATABASE_URL: databaseUrl, DEMO_DATA: mariadb ? 'off' : 'on', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'fatal', ATTACHMENTS_DIR: files,
  }));
  const bare = await startBareKoa();
  try {
    const signedIn = async (users: string[]) => Promise.all(users.map((user) => signIn(server.url, user, password)));
    const contenders: Contender[] = [
      { name: 'bare Koa', url: bare.url, path: '/', cookies: [''] },
      { name: 'GET /api/tasks', url: server.url, path: '/api/tasks', cookies: await signedIn(taskUsers) },
      { name: 'GET /api/approvals', url: server.url, path: '/api/approvals', cookies: await signedIn(approvers) },
      { name: 'GET /api/tasks, built', url: server.url, path: '/api/tasks', cookies: await signedIn(taskUsers), built: true },
      { name: 'GET /api/approvals, built', url: server.url, path: '/api/approvals', cookies: await signedIn(approvers), built: true },
      { name: 'GET /api/health', url: server.url, path: '/api/health', cookies: [''] },
    ];
    const pages: string[] = [];
    for (const c of contenders.filter((contender) => contender.cookies.length > 1 && !contender.built)) {
      const sizes = [];
      for (const cookie of c.cookies) {
        const response = await fetch(`${c.url}${c.path}`, { headers: { cookie } });
        const body = (await response.json()) as { items?: unknown[] };
        if (!response.ok || !Array.isArray(body.items)) throw new Error(`${c.path} answered ${response.status}`);
        sizes.push(body.items.length);
      }
      pages.push(`${c.path}: ${sizes.join(', ')} items`);
    }
    if (pages.every((page) => page.endsWith(': 0 items'))) throw new Error('the users see no work');
    out(`${mariadb ? `MariaDB ${DATABASE} (1M tasks)` : 'demo data on embedded SQLite'}; autocannon ${connections} connections × ${seconds} s, ${rounds} interleaved rounds, best round of each; users cycled per connection`);
    out(`pages per user: ${pages.join('; ')}`);
    const best = new Map<string, { rps: number; p50: number; p99: number; non2xx: number; cpuUs: number }>();
    for (let round = 1; round <= rounds; round += 1) {
      for (const c of contenders) {
        const restore = c.built ? buildEveryPage(c.path === '/api/tasks' ? server.services.inboxPages : server.services.approvalPages) : () => undefined;
        const cpuBefore = process.cpuUsage();
        const result = await load(c.url, c.path, c.cookies, connections, seconds).finally(restore);
        const cpu = process.cpuUsage(cpuBefore);
        const rps = result.requests.total / (result.duration || seconds); // autocannon reports the duration in seconds
        // This process's CPU per answer (the load generator runs in its own): steadier than req/s when others load the machine.
        const cpuUs = (cpu.user + cpu.system) / Math.max(result.requests.total, 1);
        out(`  round ${round} ${c.name.padEnd(25)} ${rps.toFixed(0).padStart(7)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  CPU ${cpuUs.toFixed(0)} µs/answer  non-2xx ${result.non2xx} errors ${result.errors}`);
        const previous = best.get(c.name);
        if (!previous || rps > previous.rps) best.set(c.name, { rps, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, cpuUs: Math.min(cpuUs, previous?.cpuUs ?? Infinity) });
        else previous.cpuUs = Math.min(previous.cpuUs, cpuUs);
      }
    }
    const peer = best.get('bare Koa')!.rps;
    out();
    out(`${'best of each'.padEnd(25)} ${'req/s'.padStart(7)} ${'÷ bare Koa'.padStart(11)} ${'CPU µs/answer'.padStart(14)} ${'÷ bare Koa'.padStart(11)}  target`);
    for (const c of contenders) {
      const b = best.get(c.name)!;
      const ratio = b.rps / peer;
      let target = '';
      if (c.name !== 'bare Koa' && c.path !== '/api/health' && !c.built) {
        target = mariadb
          ? `≥ ${TARGET_RPS_MARIADB} req/s: ${b.rps >= TARGET_RPS_MARIADB ? 'met' : 'MISSED'}`
          : `≥ ${TARGET_RATIO_DEMO} of bare Koa: ${ratio >= TARGET_RATIO_DEMO ? 'met' : 'MISSED'}`;
      }
      const cpuRatio = best.get('bare Koa')!.cpuUs / b.cpuUs;
      out(`${c.name.padEnd(25)} ${b.rps.toFixed(0).padStart(7)} ${ratio.toFixed(3).padStart(11)} ${b.cpuUs.toFixed(0).padStart(14)} ${cpuRatio.toFixed(3).padStart(11)}  ${target}${b.non2xx ? `  (non-2xx ${b.non2xx})` : ''}`);
    }
  } finally {
    await bare.close();
    await server.close();
    rmSync(files, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
