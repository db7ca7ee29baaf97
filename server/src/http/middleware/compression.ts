import { Stream } from 'node:stream';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context, Middleware } from 'koa';
import compress from 'koa-compress';

/** Text the browser reads: pages, scripts, styles, JSON, XML (BPMN, DMN) and SVG. Images, fonts and archives are compressed already. */
const TEXT = /^(text\/(html|css|plain|javascript|xml|csv)|application\/(json|javascript|xml|[\w.+-]*\+(json|xml))|image\/svg\+xml)\b/i;

/** Whether an answer of this Content-Type is worth compressing (text, and never a live event stream). */
export function isCompressibleType(type: string): boolean {
  return TEXT.test(type) && !/event-stream/i.test(type);
}

/** Answers below this many bytes go out as they are: the headers would eat the saving. */
export const COMPRESSION_THRESHOLD = 1024;

/** Above this many bytes an answer made on the fly goes out gzip: brotli would take seconds on a large chunk. */
export const BROTLI_ON_THE_FLY_MAX = 1_000_000;

/** Answers up to this many bytes are compressed in one synchronous call rather than through a stream. */
export const SMALL_ANSWER_MAX = 64 * 1024;

/** Brotli's window for small answers: 2^17 bytes holds any of them, and a smaller window is much cheaper to set up than the default 4 MiB. */
const SMALL_WINDOW = 17;

/**
 * Brotli or gzip, whichever the browser prefers, for text answers above the threshold. Server-sent
 * events stay plain: a compressor holds events back until its buffer fills. Brotli runs at a middle
 * quality, fast enough for answers made per request (the default, 11, takes a second on a large
 * script), and not at all on very large ones, which gzip in a fraction of the time; the built app's
 * hashed files get the best compression once, ahead of this (see compressedAssets).
 */
export function compression(): Middleware {
  const options = {
    threshold: COMPRESSION_THRESHOLD,
    filter: (type: string) => isCompressibleType(type),
    // Brotli or gzip only, whatever else a browser offers (zstd, where Node has it).
    encodingPreference: ['br', 'gzip', 'identity'],
    br: (_type: string, size: number) => (size > BROTLI_ON_THE_FLY_MAX ? false : { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
    gzip: { level: 6 },
    deflate: false,
  };
  // koa-compress takes per-answer settings as functions and a preference order; its typings know neither.
  const streaming = compress(options as unknown as compress.CompressOptions);
  return (ctx, next) => streaming(ctx, async () => {
    await next();
    compressSmallAnswer(ctx);
  });
}

/** The bytes of a frozen answer (a page kept for many reads): serialised, and compressed per encoding, once. */
const frozenBytes = new WeakMap<object, { json: Buffer; br?: Buffer; gzip?: Buffer }>();

function bytesOf(answer: object): { json: Buffer; br?: Buffer; gzip?: Buffer } {
  if (!Object.isFrozen(answer)) return { json: Buffer.from(JSON.stringify(answer)) };
  let bytes = frozenBytes.get(answer);
  if (!bytes) frozenBytes.set(answer, (bytes = { json: Buffer.from(JSON.stringify(answer)) }));
  return bytes;
}

/**
 * The hot path for API answers (issue 13): the JSON is serialised once (Koa would do it for the
 * length and again to send, koa-compress a third time), and an answer up to `SMALL_ANSWER_MAX` is
 * compressed in one call with a window sized for it, with no stream to set up. A frozen answer
 * keeps its bytes for the next request that answers it. What is left (streams, files, large
 * answers) goes through koa-compress as before, which leaves alone what carries a Content-Encoding.
 */
function compressSmallAnswer(ctx: Context): void {
  const body: unknown = ctx.body;
  if (body == null || body instanceof Stream || ctx.response.get('Content-Encoding')) return;
  const bytes = typeof body === 'object' && !Buffer.isBuffer(body) ? bytesOf(body) : undefined;
  const plain = bytes ? (ctx.body = bytes.json) : (body as Buffer | string);
  const size = typeof plain === 'string' ? Buffer.byteLength(plain) : plain.length;
  if (size < COMPRESSION_THRESHOLD || size > SMALL_ANSWER_MAX || ctx.method === 'HEAD' || ctx.status === 206 || ctx.response.get('Content-Range')) return;
  if (!isCompressibleType(ctx.response.get('Content-Type')) || /\bno-transform\b/i.test(ctx.response.get('Cache-Control'))) return;
  // Brotli whenever the client takes it, as koa-compress's preference order does.
  const encoding = ctx.acceptsEncodings('br') || ctx.acceptsEncodings('gzip');
  if (encoding !== 'br' && encoding !== 'gzip') return;
  const compressed = bytes?.[encoding] ?? (encoding === 'br'
    ? brotliCompressSync(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_LGWIN]: SMALL_WINDOW, [constants.BROTLI_PARAM_SIZE_HINT]: size } })
    : gzipSync(plain, { level: 6 }));
  if (bytes) bytes[encoding] = compressed;
  ctx.body = compressed;
  ctx.set('Content-Encoding', encoding);
}
