import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

const rules = readFileSync(join(__dirname, '../../../engine/conformance/fixtures/c_rules.dmn'), 'utf8');

/** The rules with Kazan/Samara routed to dealer3, the Moscow catch-all removed, a Perm rule added and the routing table made UNIQUE. */
const edited = rules
  .replace('<outputEntry id="o5"><text>"dealer2"</text>', '<outputEntry id="o5"><text>"dealer3"</text>')
  .replace(/<rule id="r_moscow">.*?<\/rule>/, '')
  .replace('</decisionTable>', '<rule id="r_perm"><inputEntry id="p1"><text>"Perm"</text></inputEntry><inputEntry id="p2"><text>-</text></inputEntry><outputEntry id="p3"><text>"dealer2"</text></outputEntry><outputEntry id="p4"><text>"call"</text></outputEntry></rule></decisionTable>')
  .replace('hitPolicy="FIRST"', 'hitPolicy="UNIQUE"');

interface Diff { decisionId: string; name: string; deployedVersion: number | null; unchanged: boolean; [key: string]: unknown }

describe.each(testDatabases())('the review of a DMN deploy on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());

  const review = async (content: string) => {
    const response = await (await server.as('admin')).post('/api/decisions/review').send({ name: 'rules.dmn', content });
    expect(response.status).toBe(200);
    return new Map((response.body.decisions as Diff[]).map((d) => [d.decisionId, d]));
  };

  it('calls every decision a first version before anything is deployed', async () => {
    const first = await review(rules);
    expect([...first.keys()]).toEqual(expect.arrayContaining(['lead_score', 'lead_routing', 'discount_total']));
    expect([...first.values()].every((d) => d.deployedVersion === null)).toBe(true);
  });

  it('keeps the deployed DMN per decision and version, and shows what a new file changes in the table', async () => {
    // Given the rules deployed as version 1
    const admin = await server.as('admin');
    const deployed = await admin.post('/api/deployments').send({ resources: [{ name: 'rules.dmn', content: rules }] });
    expect(deployed.status).toBe(201);
    const document = await admin.get('/api/decisions/lead_routing/versions/1');
    expect(document.status).toBe(200);
    expect(document.body).toMatchObject({ decisionId: 'lead_routing', version: 1, resourceName: 'rules.dmn', deployedBy: 'admin', xml: rules });
    expect((await admin.get('/api/decisions/lead_routing/versions/2')).status).toBe(404);

    // The same file changes nothing,
    expect([...(await review(rules)).values()].map((d) => [d.decisionId, d.deployedVersion, d.unchanged])).toEqual(expect.arrayContaining([['lead_routing', 1, true], ['lead_score', 1, true]]));

    // and the edited one says which rules were added, removed and changed, cell by cell, and the new hit policy.
    const changes = await review(edited);
    expect(changes.get('lead_score')).toMatchObject({ deployedVersion: 1, unchanged: true });
    expect(changes.get('lead_routing')).toMatchObject({
      deployedVersion: 1,
      unchanged: false,
      kind: 'table',
      hitPolicy: { before: 'FIRST', after: 'UNIQUE' },
      inputsAdded: [],
      outputsRemoved: [],
      rulesAdded: [{ ruleId: 'r_perm', position: 3, inputs: [{ column: 'Region', value: '"Perm"' }, { column: 'Score', value: '' }], outputs: [{ column: 'Dealer', value: '"dealer2"' }, { column: 'Channel', value: '"call"' }] }],
      rulesRemoved: [{ ruleId: 'r_moscow', position: 2, inputs: [{ column: 'Region', value: '"Moscow"' }, { column: 'Score', value: '' }], outputs: [{ column: 'Dealer', value: '"dealer1"' }, { column: 'Channel', value: '"email"' }] }],
      rulesChanged: [{ ruleId: 'r_volga', position: 2, cells: [{ kind: 'output', column: 'Dealer', before: '"dealer2"', after: '"dealer3"' }] }],
    });

    // When it is deployed, the next review compares with version 2.
    expect((await admin.post('/api/deployments').send({ resources: [{ name: 'rules.dmn', content: edited }] })).status).toBe(201);
    expect((await admin.get('/api/decisions/lead_routing/versions/2')).body.xml).toBe(edited);
    expect((await review(edited)).get('lead_routing')).toMatchObject({ deployedVersion: 2, unchanged: true });
  });

  it('refuses a file that is not DMN with a 400 naming the field, and anyone but a process admin', async () => {
    const admin = await server.as('admin');
    const bad = await admin.post('/api/decisions/review').send({ name: 'rules.txt', content: rules });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.details)).toContain('name');
    const approver = await server.as('approver.warranty');
    expect((await approver.post('/api/decisions/review').send({ name: 'rules.dmn', content: rules })).status).toBe(403);
    expect((await approver.get('/api/decisions/lead_routing/versions/1')).status).toBe(403);
  });
});
