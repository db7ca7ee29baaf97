import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as grpc from '@grpc/grpc-js';
import { loadGatewayService } from '../../../gateway/src/protocol/loadGatewayService';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const closing = (server: Server) => () => new Promise<void>((resolve) => {
  server.closeAllConnections();
  server.close(() => resolve());
});

/** A token endpoint as Identity (Keycloak) or the SaaS login serves it: the client credentials grant, signed JWTs. */
export interface TokenEndpoint {
  url: string;
  /** Token requests answered so far, refused ones included. */
  requests: number;
  /** The tokens it issued, in order. */
  issued: string[];
  /** Whether `authorization` is `Bearer <a token of ours>` for our audience that has not expired. */
  accepts(authorization: string | undefined): boolean;
  close(): Promise<void>;
}

/** Starts a token endpoint for one client; tokens live `ttlSeconds`. */
export async function startTokenEndpoint(client: { clientId: string; clientSecret: string; audience: string; ttlSeconds: number }): Promise<TokenEndpoint> {
  const key = randomUUID();
  const sign = (unsigned: string) => createHmac('sha256', key).update(unsigned).digest('base64url');
  const server = createServer((request, response) => {
    void bodyOf(request).then((raw) => {
      endpoint.requests++;
      const form = new URLSearchParams(raw.toString());
      const answer = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (request.method !== 'POST' || form.get('grant_type') !== 'client_credentials') return answer(400, { error: 'unsupported_grant_type', error_description: 'Only the client credentials grant' });
      if (form.get('client_id') !== client.clientId || form.get('client_secret') !== client.clientSecret) return answer(401, { error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' });
      if (form.get('audience') !== client.audience) return answer(400, { error: 'invalid_request', error_description: `Unknown audience ${form.get('audience')}` });
      const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ sub: client.clientId, aud: client.audience, jti: randomUUID(), exp: Math.floor(Date.now() / 1000) + client.ttlSeconds })}`;
      const token = `${unsigned}.${sign(unsigned)}`;
      endpoint.issued.push(token);
      answer(200, { access_token: token, token_type: 'Bearer', expires_in: client.ttlSeconds, scope: '' });
    });
  });
  const url = `${await listen(server)}/oauth/token`;
  const endpoint: TokenEndpoint = {
    url,
    requests: 0,
    issued: [],
    accepts(authorization) {
      const [scheme, token = ''] = (authorization ?? '').split(' ');
      const [header, payload, signature] = token.split('.');
      if (scheme !== 'Bearer' || !signature || sign(`${header}.${payload}`) !== signature) return false;
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { aud: string; exp: number };
      return claims.aud === client.audience && claims.exp * 1000 > Date.now();
    },
    close: closing(server),
  };
  return endpoint;
}

/** A secured cluster's REST front: passes a request with a valid bearer token on to the gateway, answers 401 otherwise. */
export interface BearerProxy {
  url: string;
  /** The bearer tokens of the requests passed on, in order. */
  passed: string[];
  /** Requests answered 401. */
  refused: number;
  /** Tokens the cluster no longer takes (as after a key rotation). */
  revoked: Set<string>;
  close(): Promise<void>;
}

/** Starts a front of `target` (a REST address) that takes the tokens `tokens` accepts. */
export async function startBearerProxy(target: string, tokens: TokenEndpoint): Promise<BearerProxy> {
  const server = createServer((request, response) => {
    void bodyOf(request).then(async (body) => {
      const authorization = request.headers.authorization;
      const token = authorization?.replace(/^Bearer /, '') ?? '';
      if (!tokens.accepts(authorization) || proxy.revoked.has(token)) {
        proxy.refused++;
        return response.writeHead(401, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ title: 'Unauthorized', status: 401, detail: 'No valid bearer token' }));
      }
      proxy.passed.push(token);
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['authorization', 'host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
      const answer = await fetch(`${target}${request.url}`, { method: request.method, headers, body: body.length ? new Uint8Array(body) : undefined });
      response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
    }).catch((error: unknown) => response.writeHead(502).end(String(error)));
  });
  const proxy: BearerProxy = { url: await listen(server), passed: [], refused: 0, revoked: new Set(), close: closing(server) };
  return proxy;
}

/** A gRPC server of the gateway's service (its definition loaded from the installed client) that records the authorization metadata of the job calls. */
export interface MetadataRecorder {
  address: string;
  /** Each job stream or activation call, with its `authorization` metadata. */
  calls: { method: string; authorization: string }[];
  close(): Promise<void>;
}

/** Starts the recorder on a free port; it has no jobs: a job stream stays open until the client cancels it, an activation ends empty. */
export async function startMetadataRecorder(): Promise<MetadataRecorder> {
  const server = new grpc.Server();
  const recorder: MetadataRecorder = { address: '', calls: [], close: async () => server.forceShutdown() };
  const record = (method: string, call: grpc.ServerWritableStream<unknown, unknown>) => recorder.calls.push({ method, authorization: String(call.metadata.get('authorization')[0] ?? '') });
  server.addService(loadGatewayService().definition, {
    StreamActivatedJobs: (call: grpc.ServerWritableStream<unknown, unknown>) => {
      record('StreamActivatedJobs', call);
      call.on('cancelled', () => call.end());
    },
    ActivateJobs: (call: grpc.ServerWritableStream<unknown, unknown>) => {
      record('ActivateJobs', call);
      call.end();
    },
  });
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))));
  recorder.address = `grpc://127.0.0.1:${port}`;
  return recorder;
}
