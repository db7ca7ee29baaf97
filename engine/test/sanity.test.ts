import { BpmnModdle } from 'bpmn-moddle';
import { evaluate } from 'feelin';

test('esm deps load', async () => {
  expect(evaluate('amount > 1000', { amount: 2000 })).toBeTruthy();
  const moddle = new BpmnModdle();
  const { rootElement } = await moddle.fromXML('<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="p" isExecutable="true"/></bpmn:definitions>');
  expect(rootElement.id).toBe('d');
});
