import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createModdle, lintDefinitions, readDefinitions } from '../../src/lint';
import { semanticTree } from '../../src/lint';
import { shippedBpmn } from '../support/shippedBpmn';

/** Parses, writes and parses again; answers both semantic trees and the warnings of each parse. */
async function roundTrip(xml: string) {
  const first = await readDefinitions(xml);
  const { xml: written } = await createModdle().toXML(first.definitions, { format: true });
  const second = await readDefinitions(written);
  return { first, second, written };
}

const camundaModeler = readFileSync(join(__dirname, 'fixtures', 'camunda-modeler-features.bpmn'), 'utf8');

describe.each([...shippedBpmn(), ['a Camunda Modeler 5 diagram with most Zeebe extensions', camundaModeler]])('%s', (_name, xml) => {
  test('parses without unknown content, and re-imports with the same semantics after writing', async () => {
    const { first, second } = await roundTrip(xml);
    expect(first.warnings).toEqual([]);
    expect(second.warnings).toEqual([]);
    expect(semanticTree(second.definitions)).toEqual(semanticTree(first.definitions));
  });
});

test('the semantic tree keeps every Zeebe extension and Camunda Modeler attribute of the diagram', async () => {
  const { second, written } = await roundTrip(camundaModeler);
  const tree = JSON.stringify(semanticTree(second.definitions));
  for (const type of ['zeebe:CalledElement', 'zeebe:CalledDecision', 'zeebe:LoopCharacteristics', 'zeebe:TaskSchedule', 'zeebe:TaskListener', 'zeebe:ExecutionListener', 'zeebe:Subscription', 'zeebe:VersionTag', 'zeebe:Properties']) {
    expect(tree).toContain(`"$type":"${type}"`);
  }
  expect(written).toContain('modeler:executionPlatform="Camunda Cloud"');
  expect(written).toContain('<zeebe:subscription correlationKey="=reservationId" />');
});

test('a change in a Zeebe extension is a semantic change', async () => {
  const { first } = await roundTrip(camundaModeler);
  const changed = await readDefinitions(camundaModeler.replace('candidateGroups="sales"', 'candidateGroups="finance"'));
  expect(semanticTree(changed.definitions)).not.toEqual(semanticTree(first.definitions));
});

test('the Camunda Modeler diagram passes our lint rules', async () => {
  const { definitions } = await readDefinitions(camundaModeler);
  const issues = await lintDefinitions(definitions, { pluginTypes: ['stock'] });
  expect(issues.filter((issue) => issue.category === 'error')).toEqual([]);
});

test('the order of identified elements is not semantic, the order of waypoints is', async () => {
  const { first } = await roundTrip(camundaModeler);
  const shapes = /(\s*<bpmndi:BPMNShape id="RequestReceived_di"[^\n]*)(\s*<bpmndi:BPMNShape id="CheckCredit_di"[^\n]*)/;
  const reordered = await readDefinitions(camundaModeler.replace(shapes, '$2$1'));
  expect(camundaModeler.replace(shapes, '$2$1')).not.toBe(camundaModeler);
  expect(semanticTree(reordered.definitions)).toEqual(semanticTree(first.definitions));
  const reversedFlow = await readDefinitions(camundaModeler.replace('<di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" />', '<di:waypoint x="240" y="120" /><di:waypoint x="188" y="120" />'));
  expect(semanticTree(reversedFlow.definitions)).not.toEqual(semanticTree(first.definitions));
});
