import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { orchestrationClient } from '../support/restClients';
import { startTestGateway, type TestGateway } from '../support/testGateway';

/** The Maven module with the official Java client's test (not an npm workspace). */
const MODULE = join(__dirname, '../../../compat/java');
const REPORT = join(MODULE, 'target/surefire-reports/TEST-dealerflow.compat.JavaClientCompatTest.xml');
const NOW = { consistency: { waitUpToMs: 0 } };

/** Fails with what to install when a tool the suite needs is not on the machine. */
function requireTool(command: string, args: string[]): void {
  const probe = spawnSync(command, args, { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(`The Java client compatibility test needs '${command}' (a JDK 17+ and Maven 3.8+ on the PATH): '${command} ${args.join(' ')}' ${probe.error ? `failed: ${probe.error.message}` : `exited with ${probe.status}: ${probe.stderr}`}`);
  }
}

/** Runs Maven without blocking this process: the gateway it talks to serves from here. */
function maven(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('mvn', args, { cwd: MODULE, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the official Java client (io.camunda:camunda-client-java 8.9.0)', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    requireTool('java', ['-version']);
    requireTool('mvn', ['-v']);
    gateway = await startTestGateway('sqlite');
  });
  afterAll(async () => {
    await gateway?.close();
  });

  // The first run on a machine downloads the client from Maven Central; CI fetches it before the suite.
  it('deploys, starts, works a job, correlates a message and completes a user task, over gRPC and over REST', async () => {
    const runId = randomUUID();
    rmSync(REPORT, { force: true });
    const run = await maven(['-q', '-B', 'test', `-Dgateway.grpcAddress=http://${gateway.address}`, `-Dgateway.restAddress=${gateway.restAddress}`, `-Dcompat.runId=${runId}`]);
    if (run.code !== 0) throw new Error(`mvn test failed with ${run.code}:\n${run.output.slice(-8000)}`);

    // both cases ran and passed (not skipped)
    expect(existsSync(REPORT)).toBe(true);
    const suite = /<testsuite [^>]*>/.exec(readFileSync(REPORT, 'utf8'))![0];
    expect(suite).toMatch(/ tests="2"/);
    expect(suite).toMatch(/ failures="0"/);
    expect(suite).toMatch(/ errors="0"/);
    expect(suite).toMatch(/ skipped="0"/);

    // and our side saw it: two completed instances with what the Java worker, the message and the task left
    const camunda = orchestrationClient(gateway);
    const { items } = await camunda.searchProcessInstances({ filter: { processDefinitionId: 'java_compat' as never }, sort: [{ field: 'startDate' }] }, NOW);
    expect(items.map((i) => i.state)).toEqual(['COMPLETED', 'COMPLETED']);
    const variables = await Promise.all(items.map(async (i) => (await gateway.engine.getInstance(i.processInstanceKey)).variables));
    expect(variables).toEqual([
      expect.objectContaining({ runId, transport: 'grpc', orderId: `order-grpc-${runId}`, reservedBy: 'java-grpc', vin: expect.stringMatching(/^XTA\d+$/), paid: true, approved: true }),
      expect.objectContaining({ runId, transport: 'rest', orderId: `order-rest-${runId}`, reservedBy: 'java-rest', vin: expect.stringMatching(/^XTA\d+$/), paid: true, approved: true }),
    ]);
    const open = await camunda.searchUserTasks({ filter: { processDefinitionId: 'java_compat' as never } }, NOW);
    expect(open.items).toEqual([]);
  }, 600_000);
});
