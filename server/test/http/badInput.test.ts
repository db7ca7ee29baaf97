import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

const [[, sqlite]] = testDatabases();

describe('bad input never gets a 500', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(sqlite());
  });
  afterAll(() => server.stop());

  it('answers malformed JSON with 400', async () => {
    const response = await server.anonymous().post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": "admin", ');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: 'bad_request', message: 'Request body is not valid JSON', details: null });
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const response = await server.anonymous().get('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'not_found', message: expect.stringContaining('/api/no-such-thing') });
  });

  it('answers an oversized body with 413', async () => {
    const huge = JSON.stringify({ username: 'admin', password: 'x'.repeat(2 * 1024 * 1024) });
    const response = await server.anonymous().post('/api/auth/login').set('Content-Type', 'application/json').send(huge);
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('payload_too_large');
  });

  it('answers a non-JSON body with 415', async () => {
    const response = await server.anonymous().post('/api/auth/login').set('Content-Type', 'application/x-www-form-urlencoded').send('username=admin&password=demo');
    expect(response.status).toBe(415);
    expect(response.body.code).toBe('unsupported_media_type');
  });

  it('answers a wrong method on a known route with 405', async () => {
    const response = await server.anonymous().delete('/api/auth/login');
    expect(response.status).toBe(405);
    expect(response.body.code).toBe('method_not_allowed');
  });

  it('rejects JSON of the wrong shape with field errors', async () => {
    const admin = await server.as('admin');
    const response = await admin.patch('/api/dealers/dealer1').send({ rating: 'high', colour: 'red' });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(expect.arrayContaining([
      { field: 'rating', message: expect.any(String) },
      { field: 'colour', message: 'is not allowed' },
    ]));
    expect((await admin.get('/api/dealers/dealer1')).body.rating).toBe(4.6);
  });

  it('answers a non-object JSON body with 400, not 500', async () => {
    for (const body of ['null', '[]', '"text"', '42']) {
      const response = await server.anonymous().post('/api/auth/login').set('Content-Type', 'application/json').send(body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
  });

  it('rejects bad query parameters with 400', async () => {
    const auditor = await server.as('auditor');
    const response = await auditor.get('/api/audit?limit=lots&surprise=1');
    expect(response.status).toBe(400);
  });

  it('tags every response with a request id', async () => {
    const response = await server.anonymous().get('/api/health').set('X-Request-Id', 'trace-123');
    expect(response.headers['x-request-id']).toBe('trace-123');
  });
});
