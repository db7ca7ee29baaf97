/** One activity of a linear test process: its id, name, BPMN kind and the content of its extensionElements. */
export interface LinearStep {
  id: string;
  name: string;
  kind?: 'userTask' | 'businessRuleTask' | 'scriptTask';
  extensions: string;
}

/**
 * A valid, laid-out test process: Start → each step in turn → End, flows `f1` … `fN`, with the
 * diagram the designer's lint requires. Every server test that needs a small model draws it here.
 */
export function linearProcess({ id, name, steps }: { id: string; name: string; steps: LinearStep[] }): string {
  const ids = ['Start', ...steps.map((step) => step.id), 'End'];
  const flows = ids.slice(1).map((target, i) => ({ id: `f${i + 1}`, source: ids[i], target }));
  const x = (i: number) => 200 + 160 * i;
  const endX = x(steps.length) + 32;
  const activities = steps.map((step, i) => {
    const kind = step.kind ?? 'userTask';
    return `<bpmn:${kind} id="${step.id}" name="${step.name}"><bpmn:extensionElements>${step.extensions}</bpmn:extensionElements><bpmn:incoming>f${i + 1}</bpmn:incoming><bpmn:outgoing>f${i + 2}</bpmn:outgoing></bpmn:${kind}>`;
  });
  const shapes = steps.map((step, i) => `<bpmndi:BPMNShape id="${step.id}_di" bpmnElement="${step.id}"><dc:Bounds x="${x(i)}" y="78" width="100" height="80" /></bpmndi:BPMNShape>`);
  const edges = flows.map((flow, i) => `<bpmndi:BPMNEdge id="${flow.id}_di" bpmnElement="${flow.id}"><di:waypoint x="${i === 0 ? 136 : x(i - 1) + 100}" y="118" /><di:waypoint x="${i === steps.length ? endX : x(i)}" y="118" /></bpmndi:BPMNEdge>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://dealerflow.example/test">
  <bpmn:process id="${id}" name="${name}" isExecutable="true">
    <bpmn:startEvent id="Start" name="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    ${activities.join('\n    ')}
    <bpmn:endEvent id="End" name="End"><bpmn:incoming>f${flows.length}</bpmn:incoming></bpmn:endEvent>
    ${flows.map((flow) => `<bpmn:sequenceFlow id="${flow.id}" sourceRef="${flow.source}" targetRef="${flow.target}" />`).join('\n    ')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram"><bpmndi:BPMNPlane id="Plane" bpmnElement="${id}">
    <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    ${shapes.join('\n    ')}
    <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="${endX}" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    ${edges.join('\n    ')}
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

/** The extensions of a user task offered to `groups` with form `formId`. */
export const userTaskFor = (groups: string, formId: string) =>
  `<zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="${groups}" /><zeebe:formDefinition externalReference="${formId}" />`;
