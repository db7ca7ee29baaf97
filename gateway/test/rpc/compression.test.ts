import { connect } from 'node:http2';
import { startTestGateway, type TestGateway } from '../support/testGateway';

describe('message compression', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());

  // the official SDK gzips every message unless the server accepts only identity; gzip cost a fifth of the engine's CPU in bench/gateway
  it('tells clients it accepts only uncompressed messages, on unary calls and job streams', async () => {
    const session = connect(`http://${gateway.address}`);
    const headersOf = (path: string, request: Buffer) => new Promise<Record<string, unknown>>((resolve, reject) => {
      const stream = session.request({ ':method': 'POST', ':path': path, 'content-type': 'application/grpc', te: 'trailers', 'grpc-accept-encoding': 'identity,gzip' });
      stream.on('response', (headers) => {
        resolve(headers);
        stream.close();
      });
      stream.on('error', reject);
      stream.end(request);
    });
    // an empty message: no compression flag, length 0
    const empty = Buffer.from([0, 0, 0, 0, 0]);
    // StreamActivatedJobs with type "t" (field 1, length 1) and a timeout (field 3): the stream opens and waits
    const stream = Buffer.from([0, 0, 0, 0, 5, 0x0a, 0x01, 0x74, 0x18, 0x64]);
    try {
      expect(await headersOf('/gateway_protocol.Gateway/Topology', empty)).toMatchObject({ ':status': 200, 'grpc-accept-encoding': 'identity' });
      expect(await headersOf('/gateway_protocol.Gateway/StreamActivatedJobs', stream)).toMatchObject({ ':status': 200, 'grpc-accept-encoding': 'identity' });
    } finally {
      session.close();
    }
  });
});
