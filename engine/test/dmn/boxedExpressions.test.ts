import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateDecision, parseDmn } from '../../src/embedded/dmn';

const xml = readFileSync(join(__dirname, 'fixtures', 'dealer-bonus.dmn'), 'utf8');

async function decide(decisionId: string, variables: Record<string, unknown>): Promise<unknown> {
  const { decisions, problems } = await parseDmn('dealer-bonus.dmn', xml);
  expect(problems).toEqual([]);
  const byId = new Map(decisions.map((d) => [d.decisionId, d]));
  return evaluateDecision(byId.get(decisionId)!, variables, (id) => byId.get(id));
}

const gold = { dealer: { rating: 4.7 }, sales: { units: 120, revenue: 1_000_000 } };

describe('boxed expressions and business knowledge models', () => {
  it('a context decision calls a business knowledge model (a table) from FEEL and a capped amount by invocation', async () => {
    await expect(decide('bonus', gold)).resolves.toEqual({ rate: 0.03, gross: 30000, amount: 30000 });
    await expect(decide('bonus', { dealer: { rating: 4.7 }, sales: { units: 120, revenue: 3_000_000 } })).resolves.toEqual({ rate: 0.03, gross: 90000, amount: 50000 });
    await expect(decide('bonus', { dealer: { rating: 3 }, sales: { units: 10, revenue: 100 } })).resolves.toEqual({ rate: 0, gross: 0, amount: 0 });
  });

  it('a relation is a list of contexts and a list decision a list', async () => {
    await expect(decide('bonus_tiers', {})).resolves.toEqual([{ tier: 'bronze', minUnits: 0 }, { tier: 'gold', minUnits: 100 }]);
    await expect(decide('eligible_models', { year: '2025' })).resolves.toEqual(['Sedan 2025', 'SUV 2025']);
  });

  it('a decision service is a function of its input data, bound under its name', async () => {
    await expect(decide('payout_check', gold)).resolves.toBe(true);
  });

  it('an unsupported boxed expression fails only its own decision; the file deploys and the others evaluate', async () => {
    await expect(decide('java_rate', {})).resolves.toBeNull();
    await expect(decide('bonus_tiers', {})).resolves.toHaveLength(2);
  });
});
