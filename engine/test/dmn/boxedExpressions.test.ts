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

  it('a DMN 1.5 file with boxed conditional, filter and some expressions deploys and evaluates', async () => {
    const dmn15 = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" id="routing" name="Lead routing" namespace="http://dealerflow.example/routing">
  <decision id="route" name="Route">
    <conditional id="c1">
      <if><literalExpression id="l1"><text>lead.value &gt; 1000000</text></literalExpression></if>
      <then><literalExpression id="l2"><text>"key account"</text></literalExpression></then>
      <else><literalExpression id="l3"><text>"territory"</text></literalExpression></else>
    </conditional>
  </decision>
  <decision id="nearby" name="Nearby dealers">
    <filter id="f1">
      <in><literalExpression id="l4"><text>dealers</text></literalExpression></in>
      <match><literalExpression id="l5"><text>item.region = lead.region</text></literalExpression></match>
    </filter>
  </decision>
  <decision id="any_free" name="Any free">
    <some id="s1" iteratorVariable="d">
      <in><literalExpression id="l6"><text>dealers</text></literalExpression></in>
      <satisfies><literalExpression id="l7"><text>d.openLeads &lt; 5</text></literalExpression></satisfies>
    </some>
  </decision>
</definitions>`;
    const { decisions, problems } = await parseDmn('routing.dmn', dmn15);
    expect(problems).toEqual([]);
    const byId = new Map(decisions.map((d) => [d.decisionId, d]));
    const run = (id: string, variables: Record<string, unknown>) => evaluateDecision(byId.get(id)!, variables, (k) => byId.get(k));
    const dealers = [{ id: 'dealer1', region: 'Moscow', openLeads: 7 }, { id: 'dealer2', region: 'Kazan', openLeads: 2 }];
    expect(run('route', { lead: { value: 2_000_000 } })).toBe('key account');
    expect(run('nearby', { dealers, lead: { region: 'Kazan' } })).toEqual([dealers[1]]);
    expect(run('any_free', { dealers })).toBe(true);
  });
});
