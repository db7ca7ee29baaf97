import { apiRoutes, openApiPath } from '@dealerflow/contract';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

describe('the API description', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(testDatabases()[0][1]());
  });
  afterAll(() => server.stop());

  it('serves an OpenAPI 3.1 document of every described route, with bearer tokens and the session cookie as security schemes', async () => {
    const response = await server.anonymous().get('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(Object.keys(response.body.components.securitySchemes).sort()).toEqual(['bearerToken', 'sessionCookie']);
    expect(response.body.components.securitySchemes.sessionCookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'df_session' });
    for (const spec of apiRoutes) expect(response.body.paths[openApiPath(spec.path)]?.[spec.method.toLowerCase()]).toBeDefined();
    const list = response.body.paths['/api/tasks'].get;
    expect(list.security).toEqual([{ bearerToken: [] }, { sessionCookie: [] }]);
    expect(list.parameters).toContainEqual(expect.objectContaining({ name: 'limit', in: 'query', required: false }));
    expect(list.responses['200'].content['application/json'].schema.properties.items.type).toBe('array');
    const complete = response.body.paths['/api/tasks/{key}/complete'].post;
    expect(complete.parameters).toContainEqual(expect.objectContaining({ name: 'key', in: 'path', required: true }));
    expect(complete.requestBody.content['application/json'].schema.required).toEqual(['variables']);
    expect(Object.keys(complete.responses).sort()).toEqual(['204', 'default']);
    expect(JSON.stringify(response.body)).not.toContain('$id');
  });

  it('describes file uploads, downloads and the task stream by their media types, not as JSON', async () => {
    const { paths } = (await server.anonymous().get('/api/openapi.json')).body;
    const upload = paths['/api/uploads'].post;
    expect(upload.requestBody.content).toEqual({ 'application/octet-stream': {} });
    expect(upload.parameters).toContainEqual(expect.objectContaining({ name: 'name', in: 'query', required: true }));
    expect(upload.responses['201'].content['application/json'].schema.required).toEqual(['id', 'fileName', 'contentType', 'size']);
    expect(paths['/api/stock/import'].post.requestBody.content).toEqual({ 'application/octet-stream': {} });
    expect(Object.keys(paths['/api/process-instances/{key}/attachments/{id}'].get.responses['200'].content)).toEqual(['application/octet-stream']);
    expect(Object.keys(paths['/api/tasks/stream'].get.responses['200'].content)).toEqual(['text/event-stream']);
    expect(Object.keys(paths['/api/leads'].post.responses).sort()).toEqual(['200', '201', 'default']);
  });

  it('serves a browsable reference from our own files, within the app\'s content security policy', async () => {
    const page = await server.anonymous().get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html');
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self' 'unsafe-eval'");
    expect(csp).toContain("default-src 'self'");
    expect(page.text).not.toMatch(/<script>|<script [^>]*>[^<]+<\/script>|<style/);
    const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThanOrEqual(4);
    for (const source of sources) {
      expect(source.startsWith('/api/docs/')).toBe(true);
      const asset = await server.anonymous().get(source);
      expect({ source, status: asset.status }).toEqual({ source, status: 200 });
      expect(asset.headers['content-type']).toMatch(/javascript|css|png/);
    }
    expect((await server.anonymous().get('/api/docs/start.js')).text).toContain("url: '/api/openapi.json'");
    expect((await server.anonymous().get('/api/docs/package.json')).status).toBe(404);
    expect((await server.anonymous().get('/api/docs/..%2Fpackage.json')).status).toBe(404);
  });
});
