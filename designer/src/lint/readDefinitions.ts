import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';

/** Parsed BPMN: the definitions and what the parser could not map (unknown elements, bad references). */
export interface ParsedDefinitions {
  definitions: ModdleElement;
  warnings: string[];
}

/** A moddle that knows BPMN 2.0 and Zeebe's extensions, as Camunda Modeler and our modeler use them. */
export function createModdle(): BpmnModdle {
  return new BpmnModdle({ zeebe: zeebeSchema });
}

/**
 * Fills each flow node's `incoming` and `outgoing` from the sequence flows' sourceRef and
 * targetRef. BPMN makes those elements optional and Camunda 8 models often leave them out;
 * bpmnlint's rules read only them, and would call every node of such a model unconnected.
 */
function linkSequenceFlows(container: ModdleElement): void {
  for (const element of (container.get('flowElements') as ModdleElement[] | undefined) ?? []) {
    if (element.$instanceOf('bpmn:SequenceFlow')) {
      const source = element.get('sourceRef') as ModdleElement | undefined;
      const target = element.get('targetRef') as ModdleElement | undefined;
      for (const [node, side] of [[source, 'outgoing'], [target, 'incoming']] as const) {
        const flows = node?.get(side) as ModdleElement[] | undefined;
        if (flows && !flows.includes(element)) flows.push(element);
      }
    } else if (element.$instanceOf('bpmn:FlowElementsContainer')) {
      linkSequenceFlows(element);
    }
  }
}

/** Parses BPMN XML into a moddle tree for `lintDefinitions`; rejects when it is not BPMN at all. */
export async function readDefinitions(xml: string): Promise<ParsedDefinitions> {
  const { rootElement, warnings } = await createModdle().fromXML(xml);
  for (const root of (rootElement.get('rootElements') as ModdleElement[] | undefined) ?? []) {
    if (root.$instanceOf('bpmn:Process')) linkSequenceFlows(root);
  }
  return { definitions: rootElement, warnings: warnings.map((warning) => warning.message) };
}
