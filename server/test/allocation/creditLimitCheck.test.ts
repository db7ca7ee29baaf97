import { allocationRuns, startAllocationHarness, type AllocationHarness } from './allocationHarness';

describe.each(allocationRuns())('the credit limit check called on its own, %s engine on %s', (engine, _kind, database) => {
  let h: AllocationHarness;
  beforeAll(async () => {
    h = await startAllocationHarness(engine, database());
  }, 180_000);
  afterAll(() => h?.close());

  const check = async (dealerId: string, caseRef: string, amount: number) => {
    const { processInstanceKey } = await h.engine.createInstance('credit-limit-check', { dealerId, caseRef, amount });
    return processInstanceKey;
  };

  it('passes a dealer rated 4.5 or above up to 105 % of its limit', async () => {
    // dealer1: rated 4.6, 12.4 M of 50 M used; 39.1 M more is 103 %
    const done = await h.ended(await check('dealer1', 'CL-TRUSTED', 39_100_000));
    expect(done.variables.exposure).toMatchObject({ utilisation: 1.03, rating: 4.6 });
    expect(done.variables.credit).toEqual({ approved: true, outcome: 'within-limit', reason: expect.stringMatching(/^Рейтинг дилера от 4,5.* \/ Dealer rated 4.5 or above/) });
  });

  it('sends a dealer rated below 4.5 at the same 103 % to finance', async () => {
    // dealer2: rated 4.2, 9.6 M of 25 M used; 16.15 M more is 103 %
    await check('dealer2', 'CL-REVIEW', 16_150_000);
    const task = await h.taskFor('CL-REVIEW', 'DecideOverdraft');
    expect(task.variables.policy).toMatchObject({ verdict: 'review' });
    expect(task.variables.exposure).toMatchObject({ utilisation: 1.03, headroom: -750_000 });
  });

  it('passes within the limit without a task', async () => {
    const done = await h.ended(await check('dealer2', 'CL-WITHIN', 1_000_000));
    expect(done.variables.credit).toMatchObject({ approved: true, outcome: 'within-limit' });
    expect(done.elements).not.toContain('DecideOverdraft');
  });
});
