import { evaluateDecision, parseDmn } from '../../src/embedded/dmn';
import { table } from './tables';

const literal = (text: string) => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs" name="t" namespace="http://dealerflow.example/test">
  <decision id="d" name="D"><literalExpression id="l"><text>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</text></literalExpression></decision>
</definitions>`;

async function decide(xml: string, variables: Record<string, unknown> = {}): Promise<unknown> {
  const { decisions, problems } = await parseDmn('t.dmn', xml);
  expect(problems).toEqual([]);
  const byId = new Map(decisions.map((d) => [d.decisionId, d]));
  return evaluateDecision(byId.get('d')!, variables, (id) => byId.get(id));
}

describe('FEEL functions the rules of a distributor use', () => {
  it('a VIN pattern may be written spaced out with the x flag, and a literal text matched with q', async () => {
    const vin = literal('matches(vin, "^ [A-HJ-NPR-Z0-9]{17} $", "x")');
    await expect(decide(vin, { vin: 'XW8AN2NE3JH035497' })).resolves.toBe(true);
    await expect(decide(vin, { vin: 'XW8AN2NE3JH0354O7' })).resolves.toBe(false);
    await expect(decide(literal('matches(code, "A.1", "q")'), { code: 'A-1' })).resolves.toBe(false);
  });

  it('list replace counts a negative position from the end; a position out of range is null', async () => {
    await expect(decide(literal('list replace(approvers, -1, "finance")'), { approvers: ['sales', 'warranty'] })).resolves.toEqual(['sales', 'finance']);
    await expect(decide(literal('list replace(approvers, 5, "finance")'), { approvers: ['sales'] })).resolves.toBeNull();
  });

  it('rounding to a scale DMN does not allow is null, not the amount unchanged', async () => {
    await expect(decide(literal('round up(amount, 2)'), { amount: 10.001 })).resolves.toBe(10.01);
    await expect(decide(literal('round up(amount, -6112)'), { amount: 5.5 })).resolves.toBeNull();
  });

  it('a COLLECT MAX table with no matching rule gives its default output', async () => {
    const xml = table({ hitPolicy: 'COLLECT', aggregation: 'MAX', inputs: ['yearsOfService'], rules: [[['>= 15'], ['5']], [['>= 30'], ['3']]] })
      .replace('<output id="o0" name="tier">', '<output id="o0" name="tier"><defaultOutputEntry id="def"><text>0</text></defaultOutputEntry>');
    await expect(decide(xml, { yearsOfService: 20 })).resolves.toBe(5);
    await expect(decide(xml, { yearsOfService: 2 })).resolves.toBe(0);
  });

  it('names with spaces and apostrophes that the model declares parse, so the file deploys', async () => {
    const xml = literal("Dealer's rating * 2 + Open claims count").replace('<decision id="d" name="D">', `<inputData id="i1" name="Dealer's rating"><variable id="v1" name="Dealer's rating" /></inputData>
  <inputData id="i2" name="Open claims count"><variable id="v2" name="Open claims count" /></inputData>
  <decision id="d" name="D">`);
    await expect(decide(xml, { "Dealer's rating": 4.5, 'Open claims count': 2 })).resolves.toBe(11);
  });

  it('a boolean column tested against a boolean variable compares them, instead of matching whenever the variable is true', async () => {
    const xml = table({ hitPolicy: 'FIRST', inputs: ['extendedWarranty'], rules: [[['campaign.extendsWarranty'], ['"as campaign"']], [['-'], ['"differs from campaign"']]] });
    await expect(decide(xml, { extendedWarranty: false, campaign: { extendsWarranty: true } })).resolves.toBe('differs from campaign');
    await expect(decide(xml, { extendedWarranty: true, campaign: { extendsWarranty: true } })).resolves.toBe('as campaign');
    await expect(decide(xml, { extendedWarranty: false, campaign: { extendsWarranty: false } })).resolves.toBe('as campaign');
  });
});
