import { constants } from 'node:zlib';
import type { Middleware } from 'koa';
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
  return compress(options as unknown as compress.CompressOptions);
}
