import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { eventually } from '../support/eventually';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

const [[, sqlite]] = testDatabases();

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as they crossed the wire. */
  body: Buffer;
}

/** A GET without any client-side decoding, so the test sees what was sent. Stops reading after `firstChunkOnly`. */
function rawGet(url: string, headers: Record<string, string>, firstChunkOnly = false): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      const done = () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) });
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        if (firstChunkOnly) {
          response.destroy();
          done();
        }
      });
      response.on('end', done);
    }).on('error', reject);
  });
}

const decode = (answer: RawAnswer) => {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.body).toString();
  if (encoding === 'gzip') return gunzipSync(answer.body).toString();
  return answer.body.toString();
};

/** A built app in miniature: a page, a hashed script, and a PNG (compressed already). */
function webRoot(): { root: string; script: string; page: string } {
  const root = mkdtempSync(join(tmpdir(), 'dealerflow-web-'));
  mkdirSync(join(root, 'assets'));
  const script = Array.from({ length: 4000 }, (_, i) => `export const value${i} = ${i};`).join('\n');
  const page = `<!doctype html><html><head><title>Dealerflow</title><script type="module" src="/assets/index-4f2a9c1b.js"></script></head><body>${'<div id="root"></div>'.repeat(100)}</body></html>`;
  writeFileSync(join(root, 'index.html'), page);
  writeFileSync(join(root, 'assets', 'index-4f2a9c1b.js'), script);
  writeFileSync(join(root, 'assets', 'logo-9d8e7f6a.png'), Buffer.alloc(4096, 7));
  // A large chunk the page loads later (the designer's, say).
  writeFileSync(join(root, 'assets', 'designer-1a2b3c4d.js'), Array.from({ length: 60_000 }, (_, i) => `export const part${i} = "${i.toString(36)}";`).join('\n'));
  return { root, script, page };
}

describe('compression and caching of the web app and the API', () => {
  let server: TestServer;
  const built = webRoot();
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer(sqlite(), { WEB_ROOT: built.root });
    const login = await fetch(`${server.running.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'demo' }) });
    cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  }, 120_000);
  afterAll(() => server.stop(), 60_000);
  const url = (path: string) => `${server.running.url}${path}`;

  it('answers brotli or gzip per Accept-Encoding, and plain bytes to a client that asks for neither', async () => {
    const br = await rawGet(url('/assets/index-4f2a9c1b.js'), { 'Accept-Encoding': 'gzip, deflate, br' });
    const gzip = await rawGet(url('/assets/index-4f2a9c1b.js'), { 'Accept-Encoding': 'gzip' });
    const plain = await rawGet(url('/assets/index-4f2a9c1b.js'), { 'Accept-Encoding': 'identity' });
    expect([br.status, gzip.status, plain.status]).toEqual([200, 200, 200]);
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    // Hashed files are compressed once at the best setting and kept (this one, the page's script, at start): answers settle on those bytes.
    const kept = await eventually(async () => {
      const [one, two] = [await rawGet(url('/assets/index-4f2a9c1b.js'), { 'Accept-Encoding': 'br' }), await rawGet(url('/assets/index-4f2a9c1b.js'), { 'Accept-Encoding': 'br' })];
      if (!one.body.equals(two.body)) throw new Error('not kept yet');
      return one;
    });
    expect(kept.body.length).toBeLessThanOrEqual(br.body.length);
    expect(decode(kept)).toBe(built.script);
    expect([decode(br), decode(gzip), decode(plain)]).toEqual([built.script, built.script, built.script]);
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
    expect(gzip.body.length).toBeLessThan(plain.body.length / 4);
    console.log(`script of ${plain.body.length} bytes goes out as ${br.body.length} (br), ${gzip.body.length} (gzip)`);
  });

  it('keeps hashed files for a year and makes the browser ask again for the page', async () => {
    const script = await rawGet(url('/assets/index-4f2a9c1b.js'), { 'Accept-Encoding': 'br' });
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await rawGet(url('/'), { Accept: 'text/html', 'Accept-Encoding': 'gzip' });
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(decode(page)).toBe(built.page);
    // A client route on reload gets the page, uncached too.
    const route = await rawGet(url('/designer'), { Accept: 'text/html' });
    expect(route.status).toBe(200);
    expect(route.headers['cache-control']).toBe('no-cache');
    expect(decode(route)).toBe(built.page);
  });

  it('answers a missing hashed file (an old build\'s) with 404, not with the page', async () => {
    const missing = await rawGet(url('/assets/index-00000000.js'), { Accept: '*/*' });
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control'] ?? '').not.toMatch(/immutable/);
  });

  it('sends a large chunk gzip at first (brotli on the fly would take seconds), then the brotli made meanwhile', async () => {
    const first = await rawGet(url('/assets/designer-1a2b3c4d.js'), { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(first.body.length).toBeGreaterThan(0);
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(first.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const later = await eventually(async () => {
      const answer = await rawGet(url('/assets/designer-1a2b3c4d.js'), { 'Accept-Encoding': 'gzip, deflate, br' });
      if (answer.headers['content-encoding'] !== 'br') throw new Error('brotli not made yet');
      return answer;
    });
    expect(decode(later)).toBe(decode(first));
    expect(later.body.length).toBeLessThan(first.body.length);
  });

  it('does not compress what is compressed already', async () => {
    const png = await rawGet(url('/assets/logo-9d8e7f6a.png'), { 'Accept-Encoding': 'br, gzip' });
    expect(png.status).toBe(200);
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.body.length).toBe(4096);
  });

  it('compresses API JSON above the threshold and leaves small answers alone', async () => {
    const plugins = await rawGet(url('/api/plugins'), { Cookie: cookie, 'Accept-Encoding': 'br' });
    expect(plugins.status).toBe(200);
    const body = JSON.parse(decode(plugins)) as { items: { taskType: string }[] };
    expect(body.items.map((plugin) => plugin.taskType)).toContain('warranty-coverage');
    expect(plugins.headers['content-encoding']).toBe('br');
    expect(plugins.headers['content-type']).toMatch(/application\/json/);
    const health = await rawGet(url('/api/health'), { 'Accept-Encoding': 'br' });
    expect(health.body.length).toBeLessThan(1024);
    expect(health.headers['content-encoding']).toBeUndefined();
  });

  it('answers a HEAD for a hashed file with its headers and no body', async () => {
    const head = await new Promise<RawAnswer>((resolve, reject) => {
      request(url('/assets/index-4f2a9c1b.js'), { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } }, (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.alloc(0) }));
      }).on('error', reject).end();
    });
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('never compresses the live task stream, so each event arrives at once', async () => {
    const stream = await rawGet(url('/api/tasks/stream'), { Cookie: cookie, 'Accept-Encoding': 'br, gzip' }, true);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toMatch(/text\/event-stream/);
    expect(stream.headers['content-encoding']).toBeUndefined();
    expect(stream.body.toString()).toContain(': connected');
  });
});
