/** A process whose one service task has a single retry, so one failure raises an incident. */
export const flakyProcess = {
  name: 'instances-flaky.bpmn',
  content: `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs_Flaky" targetNamespace="http://dealerflow.example/test">
  <bpmn:process id="instances-flaky" name="Flaky" isExecutable="true">
    <bpmn:startEvent id="Begin"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="CallRegistry" name="Call the registry">
      <bpmn:extensionElements><zeebe:taskDefinition type="instances-flaky" retries="1" /></bpmn:extensionElements>
      <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:endEvent id="Done"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Begin" targetRef="CallRegistry" />
    <bpmn:sequenceFlow id="F2" sourceRef="CallRegistry" targetRef="Done" />
  </bpmn:process>
</bpmn:definitions>`,
};
