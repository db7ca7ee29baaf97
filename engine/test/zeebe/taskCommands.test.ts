import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EngineError } from '../../src';
import { ZeebeEngine } from '../../src/zeebe';

/** A REST stand-in that answers each request with the next of `answers` (status, problem detail), the last one from then on. */
function restAnswering(answers: [number, string?][]): Promise<{ server: Server; url: string; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push(`${req.method} ${req.url}`);
      const [status, detail] = answers[Math.min(seen.length - 1, answers.length - 1)];
      res.writeHead(status, detail ? { 'content-type': 'application/problem+json' } : {});
      res.end(detail ? JSON.stringify({ type: 'about:blank', title: 'INVALID_STATE', status, detail }) : undefined);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen })));
}

const held = (state: string) => `Expected to complete user task with key '42', but it is in state '${state}'`;

describe('ZeebeEngine task commands while listeners hold the task', () => {
  let rest: Awaited<ReturnType<typeof restAnswering>> | undefined;
  let engine: ZeebeEngine | undefined;
  afterEach(async () => {
    await engine?.close();
    rest?.server.closeAllConnections();
    await new Promise((resolve) => rest?.server.close(resolve));
  });
  const start = async (answers: [number, string?][]) => {
    rest = await restAnswering(answers);
    engine = new ZeebeEngine({ restAddress: rest.url, grpcAddress: 'grpc://127.0.0.1:1' });
    return { engine, seen: rest.seen };
  };

  it('sends a completion again once an assignment its listeners held has ended', async () => {
    const { engine, seen } = await start([[409, held('ASSIGNING')], [409, held('ASSIGNING')], [204]]);
    await engine.completeUserTask('42', { ok: true });
    expect(seen).toEqual(Array(3).fill('POST /v2/user-tasks/42/completion'));
  });

  it('sends an assignment again while the task is still being created', async () => {
    const { engine, seen } = await start([[409, held('CREATING')], [204]]);
    await engine.assignUserTask('42', 'dealer1.staff');
    expect(seen).toEqual(Array(2).fill('POST /v2/user-tasks/42/assignment'));
  });

  it('refuses at once a command on a task that is being completed', async () => {
    const { engine, seen } = await start([[409, held('COMPLETING')]]);
    await expect(engine.completeUserTask('42')).rejects.toMatchObject({ code: 'INVALID_STATE', message: held('COMPLETING') });
    expect(seen).toHaveLength(1);
    const other = await engine.assignUserTask('42', undefined).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(EngineError);
    expect(seen).toEqual(['POST /v2/user-tasks/42/completion', 'DELETE /v2/user-tasks/42/assignee']);
  });
});
