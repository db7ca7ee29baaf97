import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZeebeEngine } from '@dealerflow/engine/dist/zeebe';
import { exited, freePort, startEngineProcess, type EngineProcess } from '../../../gateway/test/support/engineProcess';
import { loadConfig, StartupError } from '../../src/config';
import { zeebeEngine } from '../../src/engine/zeebe/zeebeEngine';
import { eventually } from '../support/eventually';
import { tinyProcess } from '../support/tinyProcess';
import { startBearerProxy, startMetadataRecorder, startTokenEndpoint, type BearerProxy, type MetadataRecorder, type TokenEndpoint } from './oauthEndpoints';

const CLIENT = { clientId: 'dealerflow-server', clientSecret: 's3cret-of-the-cluster', audience: 'orchestration-api' };
/** Short-lived tokens, so the test sees one renewed: the adapter renews a token a second before it expires. */
const TTL_SECONDS = 5;

/** The environment of a server on a secured cluster, as the official clients name it. */
const secured = (tokens: TokenEndpoint, rest: string, grpc: string, secret = CLIENT.clientSecret) => ({
  ENGINE: 'zeebe', ZEEBE_GRPC_ADDRESS: grpc, ZEEBE_REST_ADDRESS: rest,
  CAMUNDA_AUTH_STRATEGY: 'OAUTH', CAMUNDA_OAUTH_URL: tokens.url, ZEEBE_CLIENT_ID: CLIENT.clientId, ZEEBE_CLIENT_SECRET: secret, CAMUNDA_TOKEN_AUDIENCE: CLIENT.audience,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const expiryOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number }).exp * 1000;

describe('the adapter on a cluster secured by OAuth client credentials', () => {
  jest.setTimeout(120_000);
  let dir: string;
  let cluster: EngineProcess;
  let tokens: TokenEndpoint;
  let front: BearerProxy;
  let recorder: MetadataRecorder;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dealerflow-oauth-'));
    const [grpcPort, restPort] = [await freePort(), await freePort()];
    cluster = await startEngineProcess({ ZEEBE_GRPC_PORT: String(grpcPort), ZEEBE_REST_PORT: String(restPort), ENGINE_DATABASE_URL: `sqlite:${join(dir, 'engine.sqlite')}` });
    tokens = await startTokenEndpoint({ ...CLIENT, ttlSeconds: TTL_SECONDS });
    front = await startBearerProxy(`http://127.0.0.1:${restPort}`, tokens);
    recorder = await startMetadataRecorder();
  }, 180_000);

  afterAll(async () => {
    await Promise.all([tokens?.close(), front?.close(), recorder?.close()]);
    if (cluster) {
      cluster.child.kill('SIGTERM');
      await exited(cluster.child);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends every REST call with a bearer token of the endpoint, reuses it until shortly before expiry, renews it then, and once more after a 401', async () => {
    const config = loadConfig(secured(tokens, front.url, recorder.address));
    const engine = new ZeebeEngine({ grpcAddress: config.zeebeGrpcAddress!, restAddress: config.zeebeRestAddress!, oauth: config.zeebeOAuth });
    try {
      // given a first token, fetched at start
      await engine.authorization();
      expect(tokens.requests).toBe(1);
      const first = tokens.issued[0];

      // when several calls go out well before it expires, then all carry it and no other token is asked for
      const id = `oauth-${Date.now()}`;
      await engine.deploy([{ name: `${id}.bpmn`, content: tinyProcess({ id }) }]);
      const started = await engine.createInstance(id, { amount: 1 });
      expect((await engine.getInstance(started.processInstanceKey)).bpmnProcessId).toBe(id);
      expect(Date.now()).toBeLessThan(expiryOf(first) - 1000); // still the first token's time
      expect(tokens.requests).toBe(1);
      expect(front.passed.length).toBeGreaterThanOrEqual(3);
      expect(new Set(front.passed)).toEqual(new Set([first]));

      // when the token is within a second of its expiry, then the next call asks for a new one first, and the cluster never saw an expired token
      await sleep(expiryOf(first) - 1000 - Date.now() + 50);
      await engine.getInstance(started.processInstanceKey);
      expect(tokens.requests).toBe(2);
      const second = tokens.issued[1];
      expect(second).not.toBe(first);
      expect(front.passed.at(-1)).toBe(second);
      expect(front.refused).toBe(0);

      // when the cluster stops taking a token it has not seen expire (a key rotation), then the call is answered after one renewal
      front.revoked.add(second);
      await engine.cancelInstance(started.processInstanceKey);
      expect(front.refused).toBe(1);
      expect(tokens.requests).toBe(3);
      expect(front.passed.at(-1)).toBe(tokens.issued[2]);
      await eventually(async () => expect((await engine.getInstance(started.processInstanceKey)).state).toBe('TERMINATED'));
      expect(tokens.requests).toBe(3);
    } finally {
      await engine.close();
    }
  });

  it('asks the token source of the REST calls for the gRPC metadata too: a job stream opens with a valid bearer token', async () => {
    const config = loadConfig(secured(tokens, front.url, recorder.address));
    const engine = new ZeebeEngine({ grpcAddress: config.zeebeGrpcAddress!, restAddress: config.zeebeRestAddress!, oauth: config.zeebeOAuth });
    try {
      const before = tokens.requests;
      await engine.authorization();
      engine.createWorker('oauth-recorded', async (_job, act) => act.complete());
      const stream = await eventually(async () => {
        const opened = recorder.calls.find((call) => call.method === 'StreamActivatedJobs');
        expect(opened).toBeDefined();
        return opened!;
      });
      expect(tokens.accepts(stream.authorization)).toBe(true);
      expect(stream.authorization).toBe(`Bearer ${tokens.issued.at(-1)}`);
      // and so does every other call of the worker (its activation polls)
      for (const call of recorder.calls) expect(tokens.accepts(call.authorization)).toBe(true);
      // one token for both sides: the stream did not ask for its own
      expect(tokens.requests).toBe(before + 1);
    } finally {
      await engine.close();
    }
  });

  it('refuses to start with wrong credentials, naming the token endpoint and its answer', async () => {
    const config = loadConfig(secured(tokens, front.url, recorder.address, 'not-the-secret'));
    const refusal = zeebeEngine(config, undefined as never, () => undefined);
    await expect(refusal).rejects.toBeInstanceOf(StartupError);
    await expect(refusal).rejects.toThrow(`The OAuth token endpoint ${tokens.url} gave no token for the client id "dealerflow-server": it answered 401 (invalid_client: Invalid client or Invalid client credentials)`);
    // and a token endpoint nobody answers at is named as unreachable
    const nowhere = `http://127.0.0.1:${await freePort()}/oauth/token`;
    await expect(zeebeEngine(loadConfig({ ...secured(tokens, front.url, recorder.address), CAMUNDA_OAUTH_URL: nowhere }), undefined as never, () => undefined))
      .rejects.toThrow(`The OAuth token endpoint ${nowhere} gave no token for the client id "dealerflow-server": it could not be reached (ECONNREFUSED)`);
  });

  it('says so in one sentence when started as `npm start` does, without a stack trace', async () => {
    const env = { ...process.env, ...secured(tokens, front.url, recorder.address, 'not-the-secret'), DATABASE_URL: `sqlite:${join(dir, 'server.sqlite')}`, DEMO_DATA: 'off', PORT: String(await freePort()) };
    const child = spawn(process.execPath, [join(__dirname, '../../dist/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    expect(await exited(child)).toBe(1);
    expect(stderr).toContain(`Dealerflow cannot start: The OAuth token endpoint ${tokens.url} gave no token for the client id "dealerflow-server": it answered 401 (invalid_client`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
