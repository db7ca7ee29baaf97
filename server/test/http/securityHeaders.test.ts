import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

const [[, sqlite]] = testDatabases();

/** The CSP's directives by name. */
const directives = (header: string) => Object.fromEntries(header.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe('security headers', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(sqlite());
  }, 120_000);
  afterAll(() => server.stop(), 60_000);

  it('sends a CSP without inline scripts, no framing, and the other headers on API answers', async () => {
    const response = await server.anonymous().get('/api/health');
    const csp = directives(String(response.headers['content-security-policy']));
    expect(csp['default-src']).toEqual(["'self'"]);
    // No inline script; 'unsafe-eval' only for the forms' ajv validators (see securityHeaders).
    expect(csp['script-src']).toEqual(["'self'", "'unsafe-eval'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['permissions-policy']).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('sends them on errors too', async () => {
    const response = await server.anonymous().get('/api/me');
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('unauthorized');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('HSTS', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(sqlite(), { SECURE_COOKIES: 'true' });
  }, 120_000);
  afterAll(() => server.stop(), 60_000);

  it('is sent only when cookies are secure (the app is served over HTTPS)', async () => {
    const response = await server.anonymous().get('/api/health');
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});
