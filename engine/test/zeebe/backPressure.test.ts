import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ZeebeEngine } from '../../src/zeebe';

const instance = { processInstanceKey: '2251799813685249', processDefinitionId: 'order', processDefinitionVersion: 1, processDefinitionKey: '2251799813685001' };

/** A REST stand-in that pushes back `refusals` times (as Camunda does under back-pressure), then creates the instance. */
function pushingBack(refusals: number): Promise<{ server: Server; url: string; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push(`${req.method} ${req.url}`);
      if (seen.length <= refusals) {
        res.writeHead(503, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify({ type: 'about:blank', title: 'RESOURCE_EXHAUSTED', status: 503, detail: 'Expected to handle REST API request, but the broker is overloaded' }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...instance, variables: {} }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen })));
}

describe('ZeebeEngine under back-pressure', () => {
  let rest: Awaited<ReturnType<typeof pushingBack>> | undefined;
  let engine: ZeebeEngine | undefined;
  afterEach(async () => {
    await engine?.close();
    rest?.server.closeAllConnections();
    await new Promise((resolve) => rest?.server.close(resolve));
  });
  const start = async (refusals: number, maxAttempts: number) => {
    rest = await pushingBack(refusals);
    engine = new ZeebeEngine({ restAddress: rest.url, grpcAddress: 'grpc://127.0.0.1:1', rest: { initialBackOff: 5, maxAttempts } });
    return { engine, seen: rest.seen };
  };

  it('backs off and sends a refused start again: the case starts, once', async () => {
    const { engine, seen } = await start(3, 8);
    await expect(engine.createInstance('order', { amount: 1 })).resolves.toMatchObject({ processInstanceKey: instance.processInstanceKey });
    expect(seen).toEqual(Array(4).fill('POST /v2/process-instances'));
  });

  it('gives up after its attempts with the broker\'s reason, rather than waiting for ever', async () => {
    const { engine, seen } = await start(10, 3);
    await expect(engine.createInstance('order')).rejects.toThrow(/overloaded/);
    expect(seen).toHaveLength(3);
  });
});
