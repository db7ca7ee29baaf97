import { Router } from '@koa/router';
import { route } from '@dealerflow/contract';
import { Type } from '@sinclair/typebox';
import Koa from 'koa';
import pino from 'pino';
import request from 'supertest';
import { errorHandler } from '../../src/http/middleware/errorHandler';
import { requestContext } from '../../src/http/middleware/requestContext';
import { responseCheck } from '../../src/http/middleware/responseCheck';

const spec = route({ method: 'GET', path: '/api/things/:id', summary: 'a thing', tags: ['test'], auth: 'public', params: Type.Object({ id: Type.String() }), responses: { 200: Type.Object({ id: Type.String(), size: Type.Integer() }) } });
const empty = route({ method: 'POST', path: '/api/things/:id/touch', summary: 'touches a thing', tags: ['test'], auth: 'public', responses: { 204: null } });

/** An app whose routes answer whatever the test asks for. */
function appAnswering(body: unknown, touchBody?: unknown) {
  const app = new Koa();
  app.silent = true;
  app.use(requestContext(pino({ level: 'silent' })));
  app.use(errorHandler);
  app.use(responseCheck([spec, empty]));
  const router = new Router({ prefix: '/api/things' });
  router.get('/:id', (ctx) => {
    ctx.body = body;
  });
  router.post('/:id/touch', (ctx) => {
    ctx.status = 204;
    if (touchBody !== undefined) ctx.body = touchBody;
  });
  router.get('/:id/other', (ctx) => {
    ctx.body = { anything: true };
  });
  app.use(router.routes());
  return app.callback();
}

describe('checking answers against the contract', () => {
  let stderr: jest.SpyInstance;
  beforeEach(() => {
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => stderr.mockRestore());

  it('lets an answer that matches its schema through', async () => {
    const response = await request(appAnswering({ id: 'a', size: 3 })).get('/api/things/a');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: 'a', size: 3 });
    expect(stderr).not.toHaveBeenCalled();
  });

  it('fails an answer that breaks its schema with a 500 and prints which field broke it', async () => {
    const response = await request(appAnswering({ id: 'a', size: 'big' })).get('/api/things/a');
    expect(response.status).toBe(500);
    expect(String(stderr.mock.calls[0][0])).toContain('GET /api/things/:id answered 200 with a body its contract does not allow: size must be integer');
  });

  it('fails an answer with a status the contract does not declare', async () => {
    const response = await request(appAnswering({ id: 'a', size: 1 })).post('/api/things/a/touch').send({});
    expect(response.status).toBe(204);
    const app = new Koa();
    app.silent = true;
    app.use(requestContext(pino({ level: 'silent' })));
    app.use(errorHandler);
    app.use(responseCheck([spec]));
    const router = new Router();
    router.get('/api/things/:id', (ctx) => {
      ctx.status = 201;
      ctx.body = { id: 'a', size: 1 };
    });
    app.use(router.routes());
    expect((await request(app.callback()).get('/api/things/a')).status).toBe(500);
    expect(String(stderr.mock.calls[0][0])).toContain('the contract declares only 200');
  });

  it('leaves routes the contract does not describe alone', async () => {
    expect((await request(appAnswering({})).get('/api/things/a/other')).status).toBe(200);
  });
});
