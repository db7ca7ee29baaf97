/**
 * What the first screen costs to load (issue 16): the bytes of the built web app as the server
 * sends them (brotli, gzip) against the same files sent plain, and the time until the sign-in
 * form shows in a real browser, cold and then from the cache, against the same page fetched
 * without compression in the same run. Localhost hides most of what compression saves (no
 * latency, no bandwidth limit), so the time is reported, never asserted.
 * Run: `npm run build && npm run bench:loading -w @dealerflow/bench [-- --rounds 5]`
 * (needs the built web app; CHROMIUM names the browser, Debian's chromium by default).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import pino from 'pino';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig } from '@dealerflow/server/dist/config';
import { startServer } from '@dealerflow/server/dist/server';

const out = (line = '') => process.stdout.write(`${line}\n`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const option = (name: string, fallback: number) => (process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : fallback);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The bytes of one GET as they crossed the wire (not decoded), and how they were encoded. */
function transfer(url: string, encoding: string): Promise<{ bytes: number; encoding: string; cacheControl: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'Accept-Encoding': encoding, Accept: 'text/html,*/*' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({ bytes, encoding: String(response.headers['content-encoding'] ?? 'identity'), cacheControl: String(response.headers['cache-control'] ?? '') }));
    }).on('error', reject);
  });
}

/** Milliseconds from navigation until the sign-in form can be typed into, in a fresh profile then from its cache. */
async function firstScreen(browser: Browser, url: string, plain: boolean): Promise<{ cold: number; warm: number; requests: number }> {
  const context = await browser.newContext({ locale: 'ru-RU', extraHTTPHeaders: plain ? { 'Accept-Encoding': 'identity' } : {} });
  const page = await context.newPage();
  let requests = 0;
  page.on('requestfinished', (request) => void (request.url().startsWith(url) && (requests += 1)));
  const load = async () => {
    const started = performance.now();
    await page.goto(`${url}/sign-in`);
    await page.getByLabel('Имя пользователя').waitFor();
    return performance.now() - started;
  };
  const cold = await load();
  const coldRequests = requests;
  // The second load takes the hashed files from the cache without asking; the page is revalidated.
  const warm = await load();
  await context.close();
  return { cold, warm, requests: coldRequests };
}

async function main(): Promise<void> {
  const webRoot = join(__dirname, '..', '..', '..', 'web', 'dist');
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error('Build the web app first: npm run build -w web');
  const rounds = option('rounds', 5);
  const databaseUrl = `sqlite:${join(mkdtempSync(join(tmpdir(), 'df-bench-loading-')), 'bench.sqlite')}`;
  const server = await startServer({ ...loadConfig({ DEMO_DATA: 'off' }), databaseUrl, port: 0, webRoot }, { logger: pino({ level: 'silent' }) });
  try {
    const page = readFileSync(join(webRoot, 'index.html'), 'utf8');
    const firstScreenFiles = ['/', ...[...page.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1])];
    out(`first screen: ${firstScreenFiles.length} files (the page and what it loads at once); all assets: ${readdirSync(join(webRoot, 'assets')).length}`);
    out('file                                     plain        br    gzip   br/plain  cache-control');
    const totals = { plain: 0, br: 0, gzip: 0 };
    for (const path of firstScreenFiles) {
      const [plain, br, gzip] = await Promise.all(['identity', 'br', 'gzip'].map((encoding) => transfer(server.url + path, encoding)));
      totals.plain += plain.bytes;
      totals.br += br.bytes;
      totals.gzip += gzip.bytes;
      out(`${path.padEnd(38).slice(0, 38)} ${kb(plain.bytes).padStart(9)} ${kb(br.bytes).padStart(9)} ${kb(gzip.bytes).padStart(7)} ${(br.bytes / plain.bytes).toFixed(2).padStart(9)}  ${br.cacheControl} (${br.encoding})`);
    }
    out(`total                                  ${kb(totals.plain).padStart(9)} ${kb(totals.br).padStart(9)} ${kb(totals.gzip).padStart(7)} ${(totals.br / totals.plain).toFixed(2).padStart(9)}`);
    // The peer for our brotli setting: the best brotli could do on the same bytes, offline.
    const script = firstScreenFiles.find((path) => path.endsWith('.js'));
    if (script) {
      const raw = readFileSync(join(webRoot, script));
      const served = await transfer(server.url + script, 'br');
      out(`entry script: served brotli ${kb(served.bytes)} vs best brotli (quality 11) ${kb(brotliCompressSync(raw).length)} — ratio ${(served.bytes / brotliCompressSync(raw).length).toFixed(2)}`);
    }

    const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
    const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const runs = { compressed: [] as Awaited<ReturnType<typeof firstScreen>>[], plain: [] as Awaited<ReturnType<typeof firstScreen>>[] };
      for (let round = 0; round < rounds; round++) {
        runs.compressed.push(await firstScreen(browser, server.url, false));
        runs.plain.push(await firstScreen(browser, server.url, true));
      }
      for (const [name, list] of Object.entries(runs)) {
        out(`first screen (${name}, median of ${rounds}): cold ${median(list.map((r) => r.cold)).toFixed(0)} ms over ${list[0].requests} requests; again from the cache ${median(list.map((r) => r.warm)).toFixed(0)} ms`);
      }
      const ratio = median(runs.compressed.map((r) => r.cold)) / median(runs.plain.map((r) => r.cold));
      out(`cold first screen, compressed / plain: ${ratio.toFixed(2)} (localhost: no latency or bandwidth limit, so bytes saved barely show)`);
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
