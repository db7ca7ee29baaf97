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

/**
 * Brotli or gzip, whichever the browser prefers, for text answers above the threshold. Server-sent
 * events stay plain: a compressor holds events back until its buffer fills. Brotli runs at a middle
 * quality, fast enough for answers made per request (the default, 11, takes a second on a large script).
 */
export function compression(): Middleware {
  return compress(<compress.CompressOptions>{
    threshold: COMPRESSION_THRESHOLD,
    filter: (type) => isCompressibleType(type),
    // Brotli or gzip only, whatever else a browser offers (zstd, where Node has it).
    encodingPreference: ['br', 'gzip', 'identity'],
    br: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
    gzip: { level: 6 },
    deflate: false,
  });
}
