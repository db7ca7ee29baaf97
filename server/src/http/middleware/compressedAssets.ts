import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Middleware } from 'koa';
import { COMPRESSION_THRESHOLD } from './compression';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Files under /assets carry a hash of their content in the name, so they never change. */
export const FOREVER = 'public, max-age=31536000, immutable';

type Encoding = 'br' | 'gzip';

/** The text files a web build emits, by extension; images and fonts are compressed already. */
const TEXT_ASSETS: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const encoders: Record<Encoding, (raw: Buffer) => Promise<Buffer>> = {
  // The best quality is ten times slower than 9 and gains a tenth; above a megabyte 9 is the better deal.
  br: (raw) => brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: raw.length > 1_000_000 ? 9 : constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
  gzip: (raw) => gzipped(raw, { level: 9 }),
};

/**
 * The built app's hashed scripts and styles, compressed once at the best setting and kept in
 * memory: compressing a 500 KB script on every request would cost more time than it saves on a
 * fast network. The files the page loads first are compressed as the server starts, the others
 * after their first request (off the event loop); until then, and for anything else, the plain
 * file server answers and the compression middleware compresses on the fly.
 */
export function compressedAssets(root: string): Middleware {
  /** Finished compressions; one under way is in `pending` and not served until it is done. */
  const ready = new Map<string, Buffer>();
  const pending = new Set<string>();
  const prepare = (name: string, encoding: Encoding) => {
    const key = `${encoding}:${name}`;
    if (ready.has(key) || pending.has(key)) return;
    pending.add(key);
    // A failure (the file went away) is not remembered: a later request tries again.
    readFile(join(root, 'assets', name))
      .then(encoders[encoding])
      .then((buffer) => ready.set(key, buffer), () => undefined)
      .finally(() => pending.delete(key));
  };
  for (const name of firstScreenAssets(root)) prepare(name, 'br');

  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !ctx.path.startsWith('/assets/')) return next();
    const name = ctx.path.slice('/assets/'.length);
    // Hashed names only: one path segment, no way out of the folder.
    if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) return next();
    const type = TEXT_ASSETS[extname(name).toLowerCase()];
    // Brotli whenever the browser takes it (it is the smaller), whatever order it lists them in.
    const encoding = ctx.acceptsEncodings('br') === 'br' ? 'br' : ctx.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : null;
    if (!type || !encoding) return next();
    const compressed = ready.get(`${encoding}:${name}`);
    if (!compressed) {
      // The best setting takes seconds on a large chunk: this answer is compressed on the fly (fast
      // setting, by the compression middleware) while the best one is made for the next.
      const info = await stat(join(root, 'assets', name)).catch(() => null);
      if (info?.isFile() && info.size >= COMPRESSION_THRESHOLD) prepare(name, encoding);
      return next();
    }
    ctx.vary('Accept-Encoding');
    ctx.type = type;
    ctx.set('Content-Encoding', encoding);
    ctx.set('Cache-Control', FOREVER);
    ctx.compress = false;
    ctx.body = compressed;
  };
}

/** The hashed files the app's page loads at once (its entry script, styles and preloads). */
function firstScreenAssets(root: string): string[] {
  try {
    const page = readFileSync(join(root, 'index.html'), 'utf8');
    return [...page.matchAll(/(?:src|href)="\/assets\/([\w.-]+)"/g)].map((match) => match[1]);
  } catch {
    return [];
  }
}
