import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

const coverage = readFileSync(join(__dirname, 'fixtures', 'warrantyCoverage.dmn'), 'utf8');

describe.each(testDatabases())('test runs of draft decisions on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());

  it('evaluates a draft table and names the rule that matched, deploying and writing nothing', async () => {
    // given the admin, signed in before counting audit entries
    const admin = await server.as('admin');
    const auditBefore = (await admin.get('/api/audit')).body;
    // when a four-year-old car with 120 000 km is tried against the distributor's coverage table
    const run = await admin.post('/api/decisions/test-runs').send({ xml: coverage, decisionId: 'warranty_coverage', variables: { vehicleAgeMonths: 48, mileageKm: 120_000 } });
    // then rule 2 matched (the first rule that does, hit policy FIRST) and gave its outputs
    expect(run.status).toBe(200);
    expect(run.body).toEqual({
      decisionId: 'warranty_coverage',
      output: { coverage: 'powertrain', dealerShare: 0.3 },
      matchedRules: [{ ruleId: 'extended_warranty', index: 2 }],
      requiredDecisions: [],
    });
    // and nothing was written: the audit trail is unchanged
    expect((await admin.get('/api/audit')).body).toEqual(auditBefore);
  });

  it('takes the first decision when none is named', async () => {
    const admin = await server.as('admin');
    const run = await admin.post('/api/decisions/test-runs').send({ xml: coverage, variables: { vehicleAgeMonths: 12, mileageKm: 20_000 } });
    expect(run.status).toBe(200);
    expect(run.body.matchedRules).toEqual([{ ruleId: 'full_warranty', index: 1 }]);
  });

  it('answers 400 naming the problem for a DMN that does not parse, or an unknown decision', async () => {
    const admin = await server.as('admin');
    const broken = await admin.post('/api/decisions/test-runs').send({ xml: '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"><decision', variables: {} });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ code: 'validation_failed', details: [expect.objectContaining({ message: expect.stringMatching(/malformed XML/) })] });
    const badEntry = await admin.post('/api/decisions/test-runs').send({ xml: coverage.replace('[37..60]', '[37..'), variables: {} });
    expect(badEntry.status).toBe(400);
    expect(badEntry.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: expect.stringMatching(/r2_age|extended_warranty|warranty_coverage/) })]));
    const unknown = await admin.post('/api/decisions/test-runs').send({ xml: coverage, decisionId: 'nope', variables: {} });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'validation_failed', details: [{ field: 'decisionId', message: 'no decision "nope"' }] });
  });

  it('refuses dealer users', async () => {
    const dealer = await server.as('dealer1.manager');
    const run = await dealer.post('/api/decisions/test-runs').send({ xml: coverage, variables: { vehicleAgeMonths: 48, mileageKm: 120_000 } });
    expect([403, 404]).toContain(run.status);
  });
});
