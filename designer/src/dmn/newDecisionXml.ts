/** A new DMN 1.3 file with one decision table (one input, one output, FIRST hit policy), ready for Camunda 8. */
export function newDecisionXml(id = `Decision_${Math.random().toString(36).slice(2, 9)}`): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_${id}" name="Decisions" namespace="http://dealerflow.example/dmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <decision id="${id}" name="Decision">
    <decisionTable id="${id}_table" hitPolicy="FIRST">
      <input id="${id}_input" label="Input">
        <inputExpression id="${id}_input_expression" typeRef="string"><text>input</text></inputExpression>
      </input>
      <output id="${id}_output" label="Output" name="output" typeRef="string" />
    </decisionTable>
  </decision>
  <dmndi:DMNDI>
    <dmndi:DMNDiagram id="${id}_diagram">
      <dmndi:DMNShape id="${id}_shape" dmnElementRef="${id}"><dc:Bounds height="80" width="180" x="160" y="100" /></dmndi:DMNShape>
    </dmndi:DMNDiagram>
  </dmndi:DMNDI>
</definitions>
`;
}
