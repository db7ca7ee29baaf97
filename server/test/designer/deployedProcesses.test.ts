import { newDecisionXml } from '../../../designer/src/dmn/newDecisionXml';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';
import { tinyForm, tinyProcess } from '../support/tinyProcess';

/** The placeholder table with one rule filled in: what an admin deploys after editing it. */
const withRule = (xml: string, id: string) =>
  xml.replace('</decisionTable>', `<rule id="${id}_rule"><inputEntry id="${id}_in"><text>"a"</text></inputEntry><outputEntry id="${id}_out"><text>"yes"</text></outputEntry></rule></decisionTable>`);

describe.each(testDatabases())('the designer\'s deployed processes and DMN deploys on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());
  const admin = () => server.as('admin');
  const deploy = async (resources: { name: string; content: string }[]) => (await admin()).post('/api/deployments').send({ resources });
  const deployments = async () => ((await (await admin()).get('/api/audit?limit=200')).body as { items: { action: string }[] }).items.filter((entry) => entry.action === 'deployment.create').length;

  it('lists each deployed process once, with its latest version and how many there are', async () => {
    const before = (await (await admin()).get('/api/designer/processes')).body as { items: { processId: string }[] };
    expect(before.items.map((item) => item.processId)).toContain('warranty-claim');
    expect(before.items.map((item) => item.processId)).not.toContain('tiny-versions');
    const tiny = [{ name: 'tiny.bpmn', content: tinyProcess() }, { name: 'tiny-form.form.json', content: JSON.stringify(tinyForm) }];
    expect((await deploy(tiny)).status).toBe(201);
    expect((await deploy([{ name: 'tiny.bpmn', content: tinyProcess({ reviewName: 'Review the case' }) }, tiny[1]])).status).toBe(201);
    const list = await (await admin()).get('/api/designer/processes');
    expect(list.status).toBe(200);
    const items = list.body.items as { processId: string; name: string; latestVersion: number; versions: number; deployedBy: string; deployedAt: string }[];
    expect(items.filter((item) => item.processId === 'tiny-versions')).toEqual([{ processId: 'tiny-versions', name: 'Tiny versions', latestVersion: 2, versions: 2, deployedBy: 'admin', deployedAt: expect.any(String) }]);
    expect(new Set(items.map((item) => item.processId)).size).toBe(items.length);
    // Opening the latest version is the versions API's document.
    const latest = await (await admin()).get('/api/processes/tiny-versions/versions/2');
    expect(latest.body.xml).toBe(tinyProcess({ reviewName: 'Review the case' }));
  });

  it('is for process admins only', async () => {
    const staff = await server.as('dealer1.staff');
    const answer = await staff.get('/api/designer/processes');
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('forbidden');
  });

  it('refuses a DMN table without rules (the new file\'s placeholder), naming it, and deploys nothing', async () => {
    const before = await deployments();
    const placeholder = newDecisionXml('Decision_placeholder');
    const refused = await deploy([{ name: 'decisions.dmn', content: placeholder }]);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('empty_decision_table');
    expect(refused.body.details).toEqual([{ field: 'Decision_placeholder', message: 'the decision table "Decision" has no rules' }]);
    expect(await deployments()).toBe(before);
    // Once it has a rule it deploys, as the decision's first version: the refused one left nothing behind.
    const accepted = await deploy([{ name: 'decisions.dmn', content: withRule(placeholder, 'Decision_placeholder') }]);
    expect(accepted.status).toBe(201);
    expect(accepted.body.decisions).toEqual([{ decisionId: 'Decision_placeholder', version: 1, key: expect.any(String) }]);
    expect(await deployments()).toBe(before + 1);
  });
});
