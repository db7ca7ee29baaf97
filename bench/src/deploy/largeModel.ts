/** A chain of user tasks with input mappings, about `kilobytes` KB of BPMN XML. */
export function largeModel(id: string, kilobytes: number): string {
  const task = (i: number) => `<bpmn:userTask id="Task_${i}" name="Review step ${i}"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="warranty" /><zeebe:ioMapping><zeebe:input source="=claim.amount * ${i}" target="amount${i}" /><zeebe:input source="=if claim.mileage &gt; ${i * 100} then &quot;high&quot; else &quot;low&quot;" target="band${i}" /></zeebe:ioMapping></bpmn:extensionElements></bpmn:userTask><bpmn:sequenceFlow id="Flow_${i}" sourceRef="${i === 1 ? 'start' : `Task_${i - 1}`}" targetRef="Task_${i}" />`;
  const count = Math.ceil((kilobytes * 1024) / task(1000).length);
  const body = Array.from({ length: count }, (_, i) => task(i + 1)).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d_${id}" targetNamespace="t">
  <bpmn:process id="${id}" isExecutable="true"><bpmn:startEvent id="start" />
${body}
  <bpmn:endEvent id="end" /><bpmn:sequenceFlow id="Flow_end" sourceRef="Task_${count}" targetRef="end" /></bpmn:process>
</bpmn:definitions>`;
}
