import { fixture, sdkGrpcClient, startTestGateway, type TestGateway } from '../support/testGateway';

describe('decisions over gRPC with the official SDK', () => {
  let gateway: TestGateway;
  let zbc: ReturnType<typeof sdkGrpcClient>;
  let tierKey: string;

  beforeAll(async () => {
    gateway = await startTestGateway('memory');
    zbc = sdkGrpcClient(gateway);
    const deployment = await zbc.deployResource({ decisionFilename: fixture('g_rules.dmn') });
    tierKey = (deployment.deployments[0] as { decision: { decisionKey: string } }).decision.decisionKey;
    await zbc.deployResource({ decisionFilename: fixture('g_overlap.dmn') });
  });
  afterAll(async () => {
    await zbc.close();
    await gateway.close();
  });

  it('evaluates the latest version of a decision by id', async () => {
    const answer = await zbc.evaluateDecision({ decisionId: 'g_tier', variables: { amount: 150 } });
    expect(answer).toMatchObject({ decisionId: 'g_tier', decisionName: 'Tier', decisionVersion: 1, decisionKey: tierKey, failureMessage: '', tenantId: '<default>' });
    expect(JSON.parse(answer.decisionOutput)).toBe('high');
    expect(answer.evaluatedDecisions).toEqual([expect.objectContaining({ decisionId: 'g_tier', decisionType: 'DECISION_TABLE' })]);
  });

  it('evaluates a decision by key', async () => {
    const answer = await zbc.evaluateDecision({ decisionKey: tierKey, variables: { amount: 5 } });
    expect(JSON.parse(answer.decisionOutput)).toBe('low');
  });

  it('answers a failed evaluation with the failed decision and why, not an error', async () => {
    const answer = await zbc.evaluateDecision({ decisionId: 'g_overlap', variables: { amount: 500 } });
    expect(answer).toMatchObject({ decisionId: 'g_overlap', failedDecisionId: 'g_overlap', failureMessage: expect.stringContaining('g_overlap'), decisionOutput: '' });
  });

  it('NOT_FOUND for a decision that is not deployed', async () => {
    await expect(zbc.evaluateDecision({ decisionId: 'nope', variables: {} })).rejects.toThrow(/NOT_FOUND/);
  });
});
