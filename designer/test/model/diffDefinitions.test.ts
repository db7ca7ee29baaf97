import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffDefinitions, isEmptyDiff, readDefinitions } from '../../src/lint';

const shipped = readFileSync(join(__dirname, '..', '..', '..', 'processes', 'warranty', 'warranty-claim.bpmn'), 'utf8');
const parse = async (xml: string) => (await readDefinitions(xml)).definitions;

/** The shipped process with one edit of each reviewable kind, and a moved shape. */
const edited = shipped
  .replace('name="Decide warranty claim"', 'name="Decide the claim"')
  .replace('candidateGroups="warranty"', 'candidateGroups="warranty-lead"')
  .replace('externalReference="warranty-decision"', 'externalReference="warranty-decision-v2"')
  .replace('>PT48H<', '>PT24H<')
  .replace('claimAmount &lt;= 30000', 'claimAmount &lt;= 50000')
  .replace('type="warranty-coverage" retries="3"', 'type="warranty-coverage" retries="5"')
  .replace('<dc:Bounds x="240" y="210"', '<dc:Bounds x="260" y="230"')
  .replace('</bpmn:process>', '<bpmn:manualTask id="CallDealer" name="Call the dealer" /></bpmn:process>');

describe('diffDefinitions', () => {
  test('given the same process twice, re-laid-out, it finds nothing', async () => {
    const moved = shipped.replace('<dc:Bounds x="240" y="210"', '<dc:Bounds x="300" y="400"');
    expect(isEmptyDiff(diffDefinitions(await parse(shipped), await parse(moved)))).toBe(true);
  });

  test('given one edit of each kind, it names the element, the aspect, and both values', async () => {
    const diff = diffDefinitions(await parse(shipped), await parse(edited));
    expect(diff.added).toEqual([{ id: 'CallDealer', type: 'bpmn:ManualTask', name: 'Call the dealer' }]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([
      { id: 'CheckCoverage', type: 'bpmn:ServiceTask', name: 'Check warranty coverage', changes: [{ facet: 'taskDefinition', before: 'type=warranty-coverage, retries=3', after: 'type=warranty-coverage, retries=5' }] },
      {
        id: 'DecideClaim',
        type: 'bpmn:UserTask',
        name: 'Decide the claim',
        changes: [
          { facet: 'name', before: 'Decide warranty claim', after: 'Decide the claim' },
          { facet: 'assignment', before: 'candidateGroups=warranty', after: 'candidateGroups=warranty-lead' },
          { facet: 'form', before: 'externalReference=warranty-decision', after: 'externalReference=warranty-decision-v2' },
        ],
      },
      { id: 'Flow_AutoApproved', type: 'bpmn:SequenceFlow', name: 'yes', changes: [{ facet: 'condition', before: '=coverage.covered and claimAmount <= 30000', after: '=coverage.covered and claimAmount <= 50000' }] },
      { id: 'SlaMissed', type: 'bpmn:BoundaryEvent', name: '48 h passed', changes: [{ facet: 'timer', before: 'timeDuration=PT48H', after: 'timeDuration=PT24H' }] },
    ]);
  });

  test('read backwards, an added element is removed', async () => {
    const diff = diffDefinitions(await parse(edited), await parse(shipped));
    expect(diff.removed).toEqual([{ id: 'CallDealer', type: 'bpmn:ManualTask', name: 'Call the dealer' }]);
    expect(diff.added).toEqual([]);
  });

  test('a changed element type and a rewired flow are changes of the same id', async () => {
    const retyped = shipped
      .replace('<bpmn:scriptTask id="ComputeClaimAmount"', '<bpmn:serviceTask id="ComputeClaimAmount"')
      .replace('</bpmn:scriptTask>', '</bpmn:serviceTask>')
      .replace('sourceRef="AutoApprove" targetRef="IssueCreditNote"', 'sourceRef="AutoApprove" targetRef="DecideClaim"');
    const diff = diffDefinitions(await parse(shipped), await parse(retyped));
    expect(diff.changed.find((c) => c.id === 'ComputeClaimAmount')?.changes).toEqual([{ facet: 'type', before: 'bpmn:ScriptTask', after: 'bpmn:ServiceTask' }]);
    expect(diff.changed.find((c) => c.id === 'Flow_AutoApproved')?.changes).toEqual([{ facet: 'connection', before: 'AutoApprove → IssueCreditNote', after: 'AutoApprove → DecideClaim' }]);
  });
});
