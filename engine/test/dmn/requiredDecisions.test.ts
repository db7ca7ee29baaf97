import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateDecision, parseDmn } from '../../src/embedded/dmn';

async function decide(xml: string, decisionId: string, variables: Record<string, unknown>): Promise<unknown> {
  const { decisions, problems } = await parseDmn('credit-limit.dmn', xml);
  expect(problems).toEqual([]);
  const byId = new Map(decisions.map((d) => [d.decisionId, d]));
  return evaluateDecision(byId.get(decisionId)!, variables, (id) => byId.get(id));
}

const creditLimit = readFileSync(join(__dirname, 'fixtures', 'credit-limit.dmn'), 'utf8');

describe('a required decision is bound under the name DMN references it by', () => {
  it('a chained decision drawn in Camunda Modeler reads its required decisions by name and by variable name', async () => {
    // Credit limit requires "Dealer tier" (no variable: bound by its name) and "Overdraft days" (variable overdraftDays)
    await expect(decide(creditLimit, 'Decision_13j8v2p', { rating: 4.8 })).resolves.toBe(5000000);
    await expect(decide(creditLimit, 'Decision_13j8v2p', { rating: 3.9 })).resolves.toBe(1000000);
    await expect(decide(creditLimit, 'Decision_0s6cz3h', { rating: 4.8 })).resolves.toBe(30);
  });

  it('a decision with neither variable nor name is bound under its id', async () => {
    const xml = creditLimit.replace('name="Dealer tier"', '').replace('Dealer tier</text></inputExpression>', 'Decision_1r4k0fa</text></inputExpression>').replace('if Dealer tier', 'if Decision_1r4k0fa');
    await expect(decide(xml, 'Decision_13j8v2p', { rating: 4.8 })).resolves.toBe(5000000);
  });

  it('models that still reference a required decision by its id keep working', async () => {
    const xml = creditLimit.replace('if Dealer tier', 'if Decision_1r4k0fa');
    await expect(decide(xml, 'Decision_0s6cz3h', { rating: 4.8 })).resolves.toBe(30);
  });

  it('a process variable named like a required decision id is not overwritten by its result', async () => {
    const xml = creditLimit.replace('if Dealer tier = "gold"', 'if Decision_1r4k0fa = "gold" and Dealer tier = "gold"');
    await expect(decide(xml, 'Decision_0s6cz3h', { rating: 4.8, Decision_1r4k0fa: 'gold' })).resolves.toBe(30);
    await expect(decide(xml, 'Decision_0s6cz3h', { rating: 4.8, Decision_1r4k0fa: 'silver' })).resolves.toBe(10);
  });
});
