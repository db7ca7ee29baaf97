import type TestAgent from 'supertest/lib/agent';
import { eventually } from './eventually';
import type { TestServer } from './testServer';

/** A one-task process offered to a dealer's staff and managers, with a financial field on its form. */
export const reviewBpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://dealerflow.example/test">
  <bpmn:process id="dealer-review" name="Dealer review" isExecutable="true">
    <bpmn:startEvent id="Start" name="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Review" name="Review the order"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="dealer-staff, dealer-manager" /><zeebe:formDefinition externalReference="dealer-review-form" /></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="End" name="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Review" />
    <bpmn:sequenceFlow id="f2" sourceRef="Review" targetRef="End" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram"><bpmndi:BPMNPlane id="Plane" bpmnElement="dealer-review">
    <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Review_di" bpmnElement="Review"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="360" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="300" y="118" /><di:waypoint x="360" y="118" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

/** Its form: a required note anyone of the dealer sees, and a discount only finance-aware roles see. */
export const reviewForm = {
  id: 'dealer-review-form',
  title: { ru: 'Проверка заказа', en: 'Order review' },
  schema: {
    type: 'object',
    properties: {
      note: { type: 'string', title: 'Комментарий', minLength: 3, 'x-classification': 'internal' },
      discount: { type: 'number', title: 'Скидка', 'x-classification': 'financial' },
    },
    required: ['note'],
  },
};

/** Deploys the review process (as admin); a second deployment of the same file keeps its version. */
export async function deployReview(server: TestServer): Promise<void> {
  const response = await (await server.as('admin')).post('/api/deployments').send({
    resources: [{ name: 'dealer-review.bpmn', content: reviewBpmn }, { name: 'dealer-review.form.json', content: JSON.stringify(reviewForm) }],
  });
  if (response.status !== 201) throw new Error(`deploying the review process failed: ${JSON.stringify(response.body)}`);
}

/** Starts a review for `dealerId` and returns its open Review task as `username` sees it in the inbox. */
export async function openReview(server: TestServer, dealerId: string, username: string): Promise<{ key: string; processInstanceKey: string }> {
  const started = await (await server.as('admin')).post('/api/process-instances').send({ bpmnProcessId: 'dealer-review', variables: {}, dealerId });
  if (started.status !== 201) throw new Error(`starting a review failed: ${JSON.stringify(started.body)}`);
  const agent: TestAgent = await server.as(username);
  return eventually(async () => {
    const items = (await agent.get('/api/tasks?processId=dealer-review')).body.items as { key: string; processInstanceKey: string; caseRef: string }[];
    const task = items.find((t) => t.processInstanceKey === started.body.instanceKey);
    if (!task) throw new Error(`${username} has no review task yet`);
    return task;
  });
}
