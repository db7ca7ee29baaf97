import { eventually } from '../support/eventually';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';
import { tinyForm, tinyProcess } from '../support/tinyProcess';

describe.each(testDatabases())('process versions on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());
  const admin = () => server.as('admin');
  const deploy = async (xml: string) => (await admin()).post('/api/deployments').send({ resources: [{ name: 'tiny.bpmn', content: xml }, { name: 'tiny-form.form.json', content: JSON.stringify(tinyForm) }] });
  const engine = () => server.running.services.engine;
  const start = async () => ((await (await admin()).post('/api/process-instances').send({ bpmnProcessId: 'tiny-versions', variables: {} })).body as { instanceKey: string }).instanceKey;
  const instance = async (key: string) => (await (await admin()).get(`/api/process-instances/${key}`)).body as { version: number; state: string };
  /** Completes the open user task of `key`, answering its element id. */
  const completeOpenTask = async (key: string) => {
    const [task] = await eventually(async () => {
      const open = await engine().searchUserTasks({ processInstanceKey: key, state: 'CREATED' });
      if (!open.length) throw new Error('no open task yet');
      return open;
    });
    await engine().completeUserTask(task.key, { ok: true });
    return task.elementId;
  };

  it('lists each deployment as a version with who, when and the checksum of its BPMN', async () => {
    expect((await deploy(tinyProcess())).status).toBe(201);
    expect((await deploy(tinyProcess({ reviewName: 'Review the case', secondReview: true }))).status).toBe(201);
    const list = await (await admin()).get('/api/processes/tiny-versions/versions');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      { version: 2, key: expect.any(String), name: 'Tiny versions', resourceName: 'tiny.bpmn', deployedAt: expect.any(String), deployedBy: 'admin', checksum: expect.stringMatching(/^[0-9a-f]{64}$/) },
      { version: 1, key: expect.any(String), name: 'Tiny versions', resourceName: 'tiny.bpmn', deployedAt: expect.any(String), deployedBy: 'admin', checksum: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    const v1 = await (await admin()).get('/api/processes/tiny-versions/versions/1');
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ version: 1, xml: tinyProcess(), forms: [tinyForm] });
  });

  it('tells what a version changed against the one before it, or against any other', async () => {
    const diff = await (await admin()).get('/api/processes/tiny-versions/versions/2/diff');
    expect(diff.status).toBe(200);
    expect(diff.body).toEqual({
      version: 2,
      against: 1,
      diff: {
        added: [{ id: 'SecondReview', type: 'bpmn:UserTask', name: 'Second review' }, { id: 'f3', type: 'bpmn:SequenceFlow' }],
        removed: [],
        changed: [
          { id: 'Review', type: 'bpmn:UserTask', name: 'Review the case', changes: [{ facet: 'name', before: 'Review', after: 'Review the case' }] },
          { id: 'f2', type: 'bpmn:SequenceFlow', changes: [{ facet: 'connection', before: 'Review → End', after: 'Review → SecondReview' }] },
        ],
      },
      forms: { added: [], removed: [], schemaChanged: [], presentationChanged: [] },
    });
    const backwards = await (await admin()).get('/api/processes/tiny-versions/versions/1/diff?against=2');
    expect(backwards.body.diff.removed.map((e: { id: string }) => e.id)).toEqual(['SecondReview', 'f3']);
    const first = await (await admin()).get('/api/processes/tiny-versions/versions/1/diff');
    expect(first.body).toMatchObject({ against: null, diff: { removed: [], changed: [] } });
    expect(first.body.diff.added.map((e: { id: string }) => e.id)).toEqual(['End', 'Review', 'Start', 'f1', 'f2', 'tiny-versions']);
  });

  it('rolls back by deploying an old version again as a new one, while running instances keep their version', async () => {
    // Given an instance on v2 and one started on v3 = v1's content (after the rollback).
    const onV2 = await start();
    expect((await instance(onV2)).version).toBe(2);
    const rollback = await (await admin()).post('/api/processes/tiny-versions/versions/1/rollback');
    expect(rollback.status).toBe(201);
    expect(rollback.body.processes).toEqual([{ bpmnProcessId: 'tiny-versions', version: 3, key: expect.any(String) }]);
    const onV3 = await start();
    expect((await instance(onV3)).version).toBe(3);
    const versions = (await (await admin()).get('/api/processes/tiny-versions/versions')).body.items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(versions[0].checksum).toBe(versions[2].checksum);
    expect((await (await admin()).get('/api/processes/tiny-versions/versions/3/diff?against=1')).body.diff).toEqual({ added: [], removed: [], changed: [] });

    // Then v2's instance still takes v2's path (two reviews), and v3's takes v1's (one review).
    expect(await completeOpenTask(onV2)).toBe('Review');
    expect(await completeOpenTask(onV2)).toBe('SecondReview');
    await eventually(async () => expect((await instance(onV2)).state).toBe('COMPLETED'));
    expect(await completeOpenTask(onV3)).toBe('Review');
    await eventually(async () => expect((await instance(onV3)).state).toBe('COMPLETED'));
    expect((await instance(onV2)).version).toBe(2);
  });

  it('keeps an instance started on v1 on v1 after v2 and after a rollback to v1 content as v3', async () => {
    const xml = (secondReview: boolean) => tinyProcess({ id: 'tiny-pinned', secondReview });
    const deployPinned = async (content: string) => (await admin()).post('/api/deployments').send({ resources: [{ name: 'pinned.bpmn', content }] });
    expect((await deployPinned(xml(false))).body.processes[0].version).toBe(1);
    const onV1 = ((await (await admin()).post('/api/process-instances').send({ bpmnProcessId: 'tiny-pinned', variables: {} })).body as { instanceKey: string }).instanceKey;
    expect((await deployPinned(xml(true))).body.processes[0].version).toBe(2);
    expect((await (await admin()).get(`/api/process-instances/${onV1}`)).body.version).toBe(1);
    // Two identical rollbacks at once: one deploys v3, the other is told it is already there.
    const [a, b] = await Promise.all([(await admin()).post('/api/processes/tiny-pinned/versions/1/rollback'), (await admin()).post('/api/processes/tiny-pinned/versions/1/rollback')]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect((a.status === 201 ? a : b).body.processes[0].version).toBe(3);
    expect((a.status === 409 ? a : b).body).toMatchObject({ code: 'conflict', details: { latestVersion: 3 } });
    expect((await (await admin()).get('/api/processes/tiny-pinned/versions')).body.items.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect((await (await admin()).get(`/api/process-instances/${onV1}`)).body.version).toBe(1);
    // v1 has one review: completing it ends the instance although v2 added a second.
    expect(await completeOpenTask(onV1)).toBe('Review');
    await eventually(async () => expect((await instance(onV1)).state).toBe('COMPLETED'));
    expect((await instance(onV1)).version).toBe(1);
  });

  it('answers bad version numbers with 400 and unknown processes or versions with 404, never 500', async () => {
    const agent = await admin();
    for (const path of ['/api/processes/tiny-versions/versions/0', '/api/processes/tiny-versions/versions/abc', '/api/processes/tiny-versions/versions/1/diff?against=x', '/api/processes/tiny-versions/versions/-1/diff']) {
      expect({ path, status: (await agent.get(path)).status }).toEqual({ path, status: 400 });
    }
    expect((await agent.post('/api/processes/tiny-versions/versions/zero/rollback')).status).toBe(400);
    for (const path of ['/api/processes/nope/versions', '/api/processes/tiny-versions/versions/99', '/api/processes/tiny-versions/versions/2/diff?against=99']) {
      expect({ path, status: (await agent.get(path)).status }).toEqual({ path, status: 404 });
    }
    expect((await agent.post('/api/processes/tiny-versions/versions/99/rollback')).status).toBe(404);
    expect((await agent.get('/api/processes/tiny-versions/versions')).body.items).toHaveLength(3);
  });

  it('keeps versions to process admins', async () => {
    for (const username of ['approver.warranty', 'dealer1.manager', 'dealer2.staff', 'auditor']) {
      const agent = await server.as(username);
      expect((await agent.get('/api/processes/tiny-versions/versions')).status).toBe(403);
      expect((await agent.get('/api/processes/tiny-versions/versions/1')).status).toBe(403);
      expect((await agent.get('/api/processes/tiny-versions/versions/2/diff')).status).toBe(403);
      expect((await agent.post('/api/processes/tiny-versions/versions/1/rollback')).status).toBe(403);
    }
    expect((await (await admin()).get('/api/processes/tiny-versions/versions')).body.items).toHaveLength(3);
  });
});
