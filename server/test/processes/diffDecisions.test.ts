import { parseDmn } from '@dealerflow/engine';
import { diffDecision } from '../../src/processes/diffDecisions';

const table = (hitPolicy: string, columns: string, rules: string) => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="http://example">
  <decision id="fee" name="Fee">
    <decisionTable id="t" hitPolicy="${hitPolicy}">${columns}${rules}</decisionTable>
  </decision>
</definitions>`;
const amount = '<input id="i1" label="Amount"><inputExpression id="ie1" typeRef="number"><text>amount</text></inputExpression></input>';
const kind = '<input id="i2" label="Kind"><inputExpression id="ie2" typeRef="string"><text>kind</text></inputExpression></input>';
const fee = '<output id="o1" name="fee" typeRef="number" />';
const rule = (id: string, ...cells: string[]) => `<rule id="${id}">${cells.map((c, i) => (i < cells.length - 1 ? `<inputEntry id="${id}i${i}"><text>${c}</text></inputEntry>` : `<outputEntry id="${id}o"><text>${c}</text></outputEntry>`)).join('')}</rule>`;

const decision = async (xml: string) => (await parseDmn('fee.dmn', xml)).decisions[0];

describe('what a decision table changes against the deployed one', () => {
  it('is a first version when nothing is deployed', async () => {
    expect(diffDecision(await decision(table('FIRST', amount + fee, rule('a', '&lt; 10', '1'))), null, null)).toMatchObject({ decisionId: 'fee', name: 'Fee', deployedVersion: null, kind: 'table', unchanged: false });
  });

  it('names an added input column, a changed hit policy with its aggregation, and the cells of kept rules by column', async () => {
    const before = await decision(table('FIRST', amount + fee, rule('a', '&lt; 10', '1') + rule('b', '-', '2')));
    const after = await decision(table('COLLECT" aggregation="SUM', amount + kind + fee, rule('a', '&lt; 20', '"x"', '1') + rule('b', '-', '-', '2')));
    expect(diffDecision(after, before, 3)).toMatchObject({
      deployedVersion: 3,
      hitPolicy: { before: 'FIRST', after: 'COLLECT SUM' },
      inputsAdded: ['Kind'],
      inputsRemoved: [],
      rulesAdded: [],
      rulesRemoved: [],
      rulesChanged: [{ ruleId: 'a', position: 1, cells: [{ kind: 'input', column: 'Amount', before: '< 10', after: '< 20' }] }],
      unchanged: false,
    });
  });

  it('names a column by its expression or output name when it has no label', async () => {
    const before = await decision(table('FIRST', amount + fee, rule('a', '&lt; 10', '1')));
    const after = await decision(table('FIRST', amount + fee, rule('a', '&lt; 10', '2')));
    expect(diffDecision(after, before, 1).rulesChanged).toEqual([{ ruleId: 'a', position: 1, cells: [{ kind: 'output', column: 'fee', before: '1', after: '2' }] }]);
  });

  it('finds nothing changed when only a "-" became an empty cell', async () => {
    const before = await decision(table('UNIQUE', amount + fee, rule('a', '-', '1')));
    const after = await decision(table('UNIQUE', amount + fee, rule('a', '', '1')));
    expect(diffDecision(after, before, 1)).toMatchObject({ unchanged: true, rulesChanged: [] });
  });
});
