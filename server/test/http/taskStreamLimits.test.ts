import { get, type IncomingMessage } from 'node:http';
import { eventually } from '../support/eventually';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

/** A signed-in session's cookie header. */
async function signIn(server: TestServer, username: string): Promise<string> {
  const login = await fetch(`${server.running.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
  expect(login.status).toBe(200);
  return login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** An open task stream: what it received so far, and whether the server ended it. */
interface OpenStream {
  text(): string;
  ended(): boolean;
  close(): void;
}

async function openStream(server: TestServer, cookie: string): Promise<OpenStream> {
  const response = await new Promise<IncomingMessage>((resolve) => get(`${server.running.url}/api/tasks/stream`, { headers: { Cookie: cookie } }, resolve));
  expect(response.statusCode).toBe(200);
  let text = '';
  let ended = false;
  response.on('data', (chunk: Buffer) => (text += chunk.toString()));
  response.on('end', () => (ended = true));
  response.on('close', () => (ended = true));
  await eventually(async () => expect(text).toContain(': connected'));
  return { text: () => text, ended: () => ended, close: () => response.destroy() };
}

const endedBy = (stream: OpenStream, reason: string) => eventually(async () => {
  expect(stream.ended()).toBe(true);
  expect(stream.text()).toContain(`event: end\ndata: {"reason":"${reason}"}`);
});

describe.each(testDatabases())('task stream lifetime on %s', (_kind, database) => {
  let server: TestServer;
  const streams: OpenStream[] = [];
  const open = async (cookie: string) => {
    const stream = await openStream(server, cookie);
    streams.push(stream);
    return stream;
  };
  beforeAll(async () => {
    server = await startTestServer(database());
  }, 120_000);
  afterEach(() => streams.splice(0).forEach((s) => s.close()));
  afterAll(() => server.stop(), 60_000);

  it('ends the streams of a session when it signs out, and only those', async () => {
    const session = await signIn(server, 'dealer1.staff');
    const otherDevice = await signIn(server, 'dealer1.staff');
    const [first, second] = [await open(session), await open(session)];
    const elsewhere = await open(otherDevice);
    const logout = await fetch(`${server.running.url}/api/auth/logout`, { method: 'POST', headers: { Cookie: session } });
    expect(logout.status).toBe(204);
    await endedBy(first, 'signed_out');
    await endedBy(second, 'signed_out');
    expect(elsewhere.ended()).toBe(false);
  });

  it('keeps at most 5 streams per user open: a sixth closes the oldest', async () => {
    const cookie = await signIn(server, 'dealer2.staff');
    const colleague = await open(await signIn(server, 'dealer2.manager'));
    const opened: OpenStream[] = [];
    for (let i = 0; i < 6; i++) opened.push(await open(cookie));
    await endedBy(opened[0], 'too_many_streams');
    expect(opened.slice(1).map((s) => s.ended())).toEqual([false, false, false, false, false]);
    expect(colleague.ended()).toBe(false);
  });
});

describe('task stream and session expiry', () => {
  const [[, sqlite]] = testDatabases();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(sqlite(), { SESSION_MAX_AGE_HOURS: String(4 / 3600) });
  }, 120_000);
  afterAll(() => server.stop(), 60_000);

  it('ends a stream when its session expires', async () => {
    const stream = await openStream(server, await signIn(server, 'dealer3.staff'));
    try {
      await eventually(() => endedBy(stream, 'session_expired'), 15_000);
    } finally {
      stream.close();
    }
  }, 30_000);
});
