import { Router } from '@koa/router';
import { route } from '@dealerflow/contract';
import { Type } from '@sinclair/typebox';
import Koa from 'koa';
import pino from 'pino';
import request from 'supertest';
import { contractRoute } from '../../src/http/contractRoute';
import { errorHandler } from '../../src/http/middleware/errorHandler';
import { requestContext } from '../../src/http/middleware/requestContext';

const Receipt = Type.Object({ id: Type.String(), created: Type.Boolean() });
const upsert = route({ method: 'POST', path: '/api/things/:id', summary: 'makes a thing or finds it', tags: ['test'], auth: 'public', params: Type.Object({ id: Type.String() }), responses: { 200: Receipt, 201: Receipt } });
const file = route({
  method: 'POST',
  path: '/api/files',
  summary: 'takes a file',
  tags: ['test'],
  auth: 'public',
  query: Type.Object({ name: Type.String({ minLength: 1 }) }),
  rawBody: { mediaType: 'application/octet-stream', description: 'the file' },
  responses: { 201: Type.Object({ name: Type.String(), size: Type.Integer() }) },
});

/** An app with one route that makes things not seen before, and one that takes raw files (no JSON body parser, as the upload routes). */
function app() {
  const seen = new Set<string>();
  const koa = new Koa();
  koa.silent = true;
  koa.use(requestContext(pino({ level: 'silent' })));
  koa.use(errorHandler);
  const router = new Router({ prefix: '/api' });
  contractRoute(router, upsert, async (ctx, { params }) => {
    const created = !seen.has(params.id);
    seen.add(params.id);
    if (created) ctx.status = 201;
    return { id: params.id, created };
  });
  contractRoute(router, file, async (ctx, { query, body }) => {
    if (body !== undefined) throw new Error('the raw body reached the handler parsed');
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
    return { name: query.name, size: Buffer.concat(chunks).length };
  });
  koa.use(router.routes());
  return koa.callback();
}

describe('a route mounted from its contract', () => {
  it('answers the success status its handler picked among the declared ones, else the lowest', async () => {
    const callback = app();
    const first = await request(callback).post('/api/things/a').send({});
    expect({ status: first.status, body: first.body }).toEqual({ status: 201, body: { id: 'a', created: true } });
    const again = await request(callback).post('/api/things/a').send({});
    expect({ status: again.status, body: again.body }).toEqual({ status: 200, body: { id: 'a', created: false } });
  });

  it('leaves a raw body to the handler, with the query checked first', async () => {
    const callback = app();
    const sent = await request(callback).post('/api/files?name=photo.png').set('Content-Type', 'image/png').send(Buffer.alloc(42, 1));
    expect({ status: sent.status, body: sent.body }).toEqual({ status: 201, body: { name: 'photo.png', size: 42 } });
    const nameless = await request(callback).post('/api/files').set('Content-Type', 'image/png').send(Buffer.alloc(3));
    expect({ status: nameless.status, code: nameless.body.code }).toEqual({ status: 400, code: 'validation_failed' });
  });
});
