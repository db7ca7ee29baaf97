import { DecisionError, evaluateDecision, parseDmn } from '../../src/embedded/dmn';
import { table } from './tables';

async function decide(xml: string, variables: Record<string, unknown>): Promise<unknown> {
  const { decisions, problems } = await parseDmn('t.dmn', xml);
  expect(problems).toEqual([]);
  const byId = new Map(decisions.map((d) => [d.decisionId, d]));
  return evaluateDecision(byId.get('d')!, variables, (id) => byId.get(id));
}

const tiers: Array<[string[], string[]]> = [[['< 100'], ['"low"']], [['[100..1000]'], ['"mid"']], [['>= 500'], ['"high"']]];

describe('evaluating a decision table', () => {
  it('PRIORITY picks the match whose output comes first in the output values', async () => {
    const xml = table({ hitPolicy: 'PRIORITY', outputs: [{ name: 'tier', values: '"high","mid","low"' }], rules: tiers });
    await expect(decide(xml, { amount: 700 })).resolves.toBe('high');
    await expect(decide(xml, { amount: 200 })).resolves.toBe('mid');
  });

  it('OUTPUT ORDER lists every match in output-value order; RULE ORDER in rule order', async () => {
    await expect(decide(table({ hitPolicy: 'OUTPUT ORDER', outputs: [{ name: 'tier', values: '"high","mid","low"' }], rules: tiers }), { amount: 700 })).resolves.toEqual(['high', 'mid']);
    await expect(decide(table({ hitPolicy: 'RULE ORDER', rules: tiers }), { amount: 700 })).resolves.toEqual(['mid', 'high']);
  });

  it('COLLECT without aggregation gives a list of contexts when the table has several outputs', async () => {
    const xml = table({ hitPolicy: 'COLLECT', outputs: [{ name: 'tier' }, { name: 'rank' }], rules: [[['> 0'], ['"a"', '1']], [['> 10'], ['"b"', '2']]] });
    await expect(decide(xml, { amount: 50 })).resolves.toEqual([{ tier: 'a', rank: 1 }, { tier: 'b', rank: 2 }]);
    await expect(decide(xml, { amount: -1 })).resolves.toEqual([]);
  });

  it('COLLECT COUNT, MIN and MAX aggregate the matching outputs', async () => {
    const rules: Array<[string[], string[]]> = [[['> 0'], ['3']], [['> 10'], ['7']], [['> 100'], ['1']]];
    await expect(decide(table({ hitPolicy: 'COLLECT', aggregation: 'COUNT', rules }), { amount: 50 })).resolves.toBe(2);
    await expect(decide(table({ hitPolicy: 'COLLECT', aggregation: 'MIN', rules }), { amount: 500 })).resolves.toBe(1);
    await expect(decide(table({ hitPolicy: 'COLLECT', aggregation: 'MAX', rules }), { amount: 500 })).resolves.toBe(7);
    await expect(decide(table({ hitPolicy: 'COLLECT', aggregation: 'MAX', rules }), { amount: -5 })).resolves.toBeNull();
  });

  it('ANY accepts matches that agree and refuses matches that disagree', async () => {
    const xml = table({ hitPolicy: 'ANY', rules: [[['> 0'], ['"ok"']], [['> 10'], ['"ok"']], [['> 100'], ['"no"']]] });
    await expect(decide(xml, { amount: 50 })).resolves.toBe('ok');
    await expect(decide(xml, { amount: 500 })).rejects.toThrow(/hit policy ANY.*r0, r1, r2/);
  });

  it('output entries are FEEL expressions over the variables; inputs may be expressions too', async () => {
    const xml = table({ inputs: ['amount * 2'], outputs: [{ name: 'fee' }], rules: [[['> 100'], ['amount * 0.1']], [['<= 100'], ['0']]] });
    await expect(decide(xml, { amount: 400 })).resolves.toBe(40);
    await expect(decide(xml, { amount: 40 })).resolves.toBe(0);
  });

  it('a required decision that requires itself is a cycle, not a stack overflow', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs" name="t" namespace="http://dealerflow.example/test">
  <decision id="d"><informationRequirement id="q1"><requiredDecision href="#e" /></informationRequirement><literalExpression id="l1"><text>e + 1</text></literalExpression></decision>
  <decision id="e"><informationRequirement id="q2"><requiredDecision href="#d" /></informationRequirement><literalExpression id="l2"><text>d + 1</text></literalExpression></decision>
</definitions>`;
    const error = await decide(xml, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DecisionError);
    expect((error as Error).message).toMatch(/requirement cycle d -> e -> d/);
  });
});

describe('parsing a bad DMN resource', () => {
  it.each([
    ['an output entry that is not FEEL', table({ rules: [[['> 1'], ['"a" +']]] }), 'r0o0'],
    ['a rule with too few entries', table({ rules: [[[], ['"a"']]] }), 'r0'],
    ['an unknown aggregation', table({ hitPolicy: 'UNIQUE', aggregation: 'SUM', rules: [] }), 'd'],
  ])('reports %s by element id', async (_name, xml, elementId) => {
    const { problems } = await parseDmn('bad.dmn', xml);
    expect(problems.map((p) => p.elementId)).toContain(elementId);
  });

  it('reports malformed XML and a missing required decision', async () => {
    expect((await parseDmn('bad.dmn', '<definitions')).problems[0].message).toMatch(/malformed XML/);
    const xml = table({ rules: [] }).replace('<decisionTable', '<informationRequirement id="q"><requiredDecision href="#ghost" /></informationRequirement><decisionTable');
    expect((await parseDmn('bad.dmn', xml)).problems.map((p) => p.message)).toContain("requires decision 'ghost', which is not in the resource");
  });
});
