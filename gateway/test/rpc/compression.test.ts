import { connect, type ClientHttp2Session } from 'node:http2';
import { gzipSync } from 'node:zlib';
import { startTestGateway, type TestGateway } from '../support/testGateway';

interface Answer {
  headers: Record<string, unknown>;
  trailers: Record<string, unknown>;
  body: Buffer;
}

/** One gRPC call by hand, so the answer's headers and the request's compression are ours to see and choose. */
function call(session: ClientHttp2Session, path: string, message: Buffer, encoding: 'identity' | 'gzip'): Promise<Answer> {
  const framed = Buffer.alloc(5 + message.length);
  framed[0] = encoding === 'gzip' ? 1 : 0;
  framed.writeUInt32BE(message.length, 1);
  message.copy(framed, 5);
  return new Promise((resolve, reject) => {
    const stream = session.request({ ':method': 'POST', ':path': path, 'content-type': 'application/grpc', te: 'trailers', 'grpc-accept-encoding': 'identity,deflate,gzip', 'grpc-encoding': encoding });
    let headers: Record<string, unknown> = {};
    // a failure comes as trailers only: its status is in the one header block
    let trailers: Record<string, unknown> | undefined;
    const chunks: Buffer[] = [];
    stream.on('response', (h) => (headers = h));
    stream.on('trailers', (t) => (trailers = t));
    stream.on('close', () => resolve({ headers, trailers: trailers ?? headers, body: Buffer.concat(chunks) }));
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', reject);
    stream.end(framed);
  });
}

describe('message compression', () => {
  let gateway: TestGateway;
  let session: ClientHttp2Session;
  beforeAll(async () => {
    gateway = await startTestGateway();
    session = connect(`http://${gateway.address}`);
  });
  afterAll(async () => {
    session.close();
    await gateway.close();
  });

  // the official SDK gzips every request until an answer says otherwise; gzip was a fifth of its CPU in bench/gateway
  it('answers with headers asking for uncompressed messages, and the answer itself is uncompressed', async () => {
    const answer = await call(session, '/gateway_protocol.Gateway/Topology', Buffer.alloc(0), 'identity');
    expect(answer.headers).toMatchObject({ ':status': 200, 'grpc-accept-encoding': 'identity' });
    expect(answer.trailers['grpc-status']).toBe('0');
    // one uncompressed message that names this gateway's version
    expect(answer.body[0]).toBe(0);
    expect(answer.body.subarray(5).toString('latin1')).toContain('8.8.0');
  });

  it('still takes gzip messages: a client sends its first requests before it hears the answer', async () => {
    // CreateProcessInstance of an unknown process id "nope" (field 2): the engine read it, so it answers NOT_FOUND with that id
    const request = Buffer.from([0x12, 0x04, ...Buffer.from('nope')]);
    const answer = await call(session, '/gateway_protocol.Gateway/CreateProcessInstance', gzipSync(request), 'gzip');
    expect(answer.trailers['grpc-status']).toBe('5');
    expect(decodeURIComponent(String(answer.trailers['grpc-message']))).toContain("process ID 'nope'");
  });
});
