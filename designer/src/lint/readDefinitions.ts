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

/** Parses BPMN XML into a moddle tree for `lintDefinitions`; rejects when it is not BPMN at all. */
export async function readDefinitions(xml: string): Promise<ParsedDefinitions> {
  const { rootElement, warnings } = await createModdle().fromXML(xml);
  return { definitions: rootElement, warnings: warnings.map((warning) => warning.message) };
}
