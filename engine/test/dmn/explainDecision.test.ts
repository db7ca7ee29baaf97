import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DecisionError, explainDecision, parseDmn } from '../../src/embedded/dmn';

const creditLimit = readFileSync(join(__dirname, 'fixtures', 'credit-limit.dmn'), 'utf8');

async function decisionsOf(xml: string) {
  const { decisions, problems } = await parseDmn('credit-limit.dmn', xml);
  expect(problems).toEqual([]);
  return decisions;
}

describe('explaining a decision', () => {
  it('names the rule that gave the output of a FIRST table, and of each required decision on the way', async () => {
    // given a credit limit table that requires the dealer tier (a table) and the overdraft days (a literal)
    const decisions = await decisionsOf(creditLimit);
    // when a dealer rated 3.9 is explained
    const explained = explainDecision(decisions, 'Decision_13j8v2p', { rating: 3.9 });
    // then rule 2 (the catch-all) gave the limit, though it is not the only rule that could match
    expect(explained).toEqual({
      decisionId: 'Decision_13j8v2p',
      output: 1000000,
      matchedRules: [{ ruleId: 'DecisionRule_2b', index: 2 }],
      requiredDecisions: [
        { decisionId: 'Decision_1r4k0fa', output: 'silver', matchedRules: [{ ruleId: 'DecisionRule_1q8d0zz', index: 2 }] },
        expect.objectContaining({ decisionId: 'Decision_0s6cz3h', output: 10, matchedRules: [] }),
      ],
    });
    // and a gold dealer is given rule 1 only, as FIRST stops there
    expect(explainDecision(decisions, 'Decision_13j8v2p', { rating: 4.8 }).matchedRules).toEqual([{ ruleId: 'DecisionRule_2a', index: 1 }]);
  });

  it('gives the same output as evaluating the decision, and an unknown id is a DecisionError', async () => {
    const decisions = await decisionsOf(creditLimit);
    expect(explainDecision(decisions, 'Decision_0s6cz3h', { rating: 4.8 }).output).toBe(30);
    expect(() => explainDecision(decisions, 'nope', {})).toThrow(DecisionError);
  });
});
