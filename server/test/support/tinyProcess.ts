/**
 * A small valid process (`tiny-versions` unless `id` says otherwise): Start → Review → End, or, with `secondReview`,
 * Start → Review → Second review → End. Both user tasks go to `sales` with form `tiny-form`.
 */
export function tinyProcess({ id = 'tiny-versions', name = 'Tiny versions', reviewName = 'Review', secondReview = false } = {}): string {
  const userTask = (id: string, label: string, incoming: string, outgoing: string) =>
    `<bpmn:userTask id="${id}" name="${label}"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="sales" /><zeebe:formDefinition externalReference="tiny-form" /></bpmn:extensionElements><bpmn:incoming>${incoming}</bpmn:incoming><bpmn:outgoing>${outgoing}</bpmn:outgoing></bpmn:userTask>`;
  const last = secondReview ? 'f3' : 'f2';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://dealerflow.example/test">
  <bpmn:process id="${id}" name="${name}" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    ${userTask('Review', reviewName, 'f1', 'f2')}
    ${secondReview ? userTask('SecondReview', 'Second review', 'f2', 'f3') : ''}
    <bpmn:endEvent id="End"><bpmn:incoming>${last}</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Review" />
    <bpmn:sequenceFlow id="f2" sourceRef="Review" targetRef="${secondReview ? 'SecondReview' : 'End'}" />
    ${secondReview ? '<bpmn:sequenceFlow id="f3" sourceRef="SecondReview" targetRef="End" />' : ''}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram"><bpmndi:BPMNPlane id="Plane" bpmnElement="${id}">
    <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Review_di" bpmnElement="Review"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    ${secondReview ? '<bpmndi:BPMNShape id="SecondReview_di" bpmnElement="SecondReview"><dc:Bounds x="380" y="78" width="100" height="80" /></bpmndi:BPMNShape>' : ''}
    <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="560" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="300" y="118" /><di:waypoint x="${secondReview ? 380 : 560}" y="118" /></bpmndi:BPMNEdge>
    ${secondReview ? '<bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="480" y="118" /><di:waypoint x="560" y="118" /></bpmndi:BPMNEdge>' : ''}
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

/** The form the tiny process's tasks use. */
export const tinyForm = { id: 'tiny-form', title: { ru: 'Проверка', en: 'Review' }, schema: { type: 'object', properties: { ok: { type: 'boolean' } } } };
