import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCamundaClient } from '@camunda8/orchestration-cluster-api';
import { exited, freePort, startEngineProcess, type EngineProcess } from '../support/engineProcess';
import { RawClient } from '../support/rawClient';
import { fixture } from '../support/testGateway';
import { walCommits } from '../support/walCommits';

const COMMANDS = 40;
const NOW = { consistency: { waitUpToMs: 0 } };

describe('commands that reach the engine together share a commit', () => {
  let dir: string;
  let engine: EngineProcess | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'df-group-commit-'));
  });
  afterAll(async () => {
    if (engine && engine.child.exitCode === null && engine.child.signalCode === null) {
      engine.child.kill('SIGKILL');
      await exited(engine.child);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every concurrent CreateProcessInstance OK only once it is committed, in fewer commits than commands, and all survive a kill -9 right after the answers', async () => {
    // given the standalone engine on durable SQLite with a deployed process
    const database = join(dir, 'engine.sqlite');
    const grpcPort = await freePort();
    const restPort = await freePort();
    const env = { ZEEBE_GRPC_PORT: String(grpcPort), ZEEBE_REST_PORT: String(restPort), ENGINE_DATABASE_URL: `sqlite:${database}` };
    engine = await startEngineProcess(env);
    const raw = new RawClient(`127.0.0.1:${grpcPort}`);
    let keys: string[];
    let before;
    try {
      await raw.call('DeployResource', { resources: [{ name: 'g_task.bpmn', content: readFileSync(fixture('g_task.bpmn')) }] });
      before = walCommits(`${database}-wal`);

      // when 40 clients' CreateProcessInstance calls arrive at once
      const answers = await Promise.all(Array.from({ length: COMMANDS }, (_, i) => raw.call('CreateProcessInstance', { bpmnProcessId: 'g_task', variables: JSON.stringify({ jobType: 'group-commit', i }) })));
      keys = answers.map((a) => String(a.processInstanceKey));
    } finally {
      raw.close();
    }
    // and the engine is killed with SIGKILL as soon as the last answer is in
    engine.child.kill('SIGKILL');
    await exited(engine.child);

    // then every call was answered with its own instance
    expect(new Set(keys).size).toBe(COMMANDS);
    // and they took fewer commits than commands, as the log the killed engine left holds them
    const after = walCommits(`${database}-wal`);
    expect(after.salts).toBe(before.salts);
    const commits = after.commits - before.commits;
    expect(commits).toBeGreaterThan(0);
    expect(commits).toBeLessThan(COMMANDS);

    // and started again on the same state, the engine has every answered instance, waiting at its task
    engine = await startEngineProcess(env);
    const camunda = createCamundaClient({ config: { CAMUNDA_REST_ADDRESS: `http://127.0.0.1:${restPort}`, CAMUNDA_AUTH_STRATEGY: 'NONE', CAMUNDA_SDK_LOG_LEVEL: 'silent' } } as Parameters<typeof createCamundaClient>[0]);
    const active = await camunda.searchProcessInstances({ filter: { processDefinitionId: 'g_task' as never, state: 'ACTIVE' }, page: { limit: 1000 } }, NOW);
    expect(active.page.totalItems).toBe(COMMANDS);
    expect(new Set(active.items.map((i) => String(i.processInstanceKey)))).toEqual(new Set(keys));
    engine.child.kill('SIGTERM');
    expect(await exited(engine.child)).toBe(0);
  }, 60_000);
});
