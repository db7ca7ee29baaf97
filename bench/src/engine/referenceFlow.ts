const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs" targetNamespace="http://dealerflow.example/bench">`;

const FLOWS = `
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="submit" />
    <bpmn:sequenceFlow id="f2" sourceRef="submit" targetRef="credit" />
    <bpmn:sequenceFlow id="f3" sourceRef="credit" targetRef="gw" />
    <bpmn:sequenceFlow id="f_auto" sourceRef="gw" targetRef="end_auto" />
    <bpmn:sequenceFlow id="f5" sourceRef="approve" targetRef="end" />`;

/** The reference approval flow in Camunda 8 dialect (zeebe: extensions, FEEL), for the embedded engine. */
export const zeebeApprovalFlow = `${HEAD}
  <bpmn:process id="bench_approval" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="submit"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="dealer-staff" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:serviceTask id="credit" name="check credit limit"><bpmn:extensionElements><zeebe:taskDefinition type="check-credit-limit" retries="3" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:exclusiveGateway id="gw" default="f_auto" />
    <bpmn:userTask id="approve"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="finance" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:endEvent id="end_auto" />${FLOWS}
    <bpmn:sequenceFlow id="f_big" sourceRef="gw" targetRef="approve"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=amount &gt; 1000</bpmn:conditionExpression></bpmn:sequenceFlow>
  </bpmn:process>
</bpmn:definitions>`;

/** The same flow in bpmn-engine's dialect (service by implementation expression, JavaScript condition). */
export const peerApprovalFlow = `${HEAD}
  <bpmn:process id="bench_approval" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="submit" />
    <bpmn:serviceTask id="credit" name="check credit limit" implementation="\${environment.services.checkCreditLimit}" />
    <bpmn:exclusiveGateway id="gw" default="f_auto" />
    <bpmn:userTask id="approve" />
    <bpmn:endEvent id="end" />
    <bpmn:endEvent id="end_auto" />${FLOWS}
    <bpmn:sequenceFlow id="f_big" sourceRef="gw" targetRef="approve"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${environment.variables.amount &gt; 1000}</bpmn:conditionExpression></bpmn:sequenceFlow>
  </bpmn:process>
</bpmn:definitions>`;
