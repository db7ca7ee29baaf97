/**
 * `payment-wait`: Start → "Payment received" (message `payment-received`, correlation key
 * `=caseRef`) → "Ship the vehicle" (user task for `sales`) → End. The model a bank or the
 * dealer's accounting moves from outside.
 */
export const paymentProcess = {
  name: 'payment-wait.bpmn',
  content: `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="payment" targetNamespace="http://dealerflow.example/test">
  <bpmn:message id="Message_Payment" name="payment-received"><bpmn:extensionElements><zeebe:subscription correlationKey="=caseRef" /></bpmn:extensionElements></bpmn:message>
  <bpmn:process id="payment-wait" name="Payment wait" isExecutable="true">
    <bpmn:startEvent id="Start" name="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:intermediateCatchEvent id="PaymentReceived" name="Payment received"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing><bpmn:messageEventDefinition id="PaymentDefinition" messageRef="Message_Payment" /></bpmn:intermediateCatchEvent>
    <bpmn:userTask id="Ship" name="Ship the vehicle"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="sales" /></bpmn:extensionElements><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="End" name="End"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="PaymentReceived" />
    <bpmn:sequenceFlow id="f2" sourceRef="PaymentReceived" targetRef="Ship" />
    <bpmn:sequenceFlow id="f3" sourceRef="Ship" targetRef="End" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram"><bpmndi:BPMNPlane id="Plane" bpmnElement="payment-wait">
    <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="PaymentReceived_di" bpmnElement="PaymentReceived"><dc:Bounds x="200" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Ship_di" bpmnElement="Ship"><dc:Bounds x="300" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="460" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="236" y="118" /><di:waypoint x="300" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="400" y="118" /><di:waypoint x="460" y="118" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`,
};
