import type TestAgent from 'supertest/lib/agent';
import { eventually } from './eventually';
import { linearProcess, userTaskFor } from './linearProcess';
import type { TestServer } from './testServer';

/** A one-task process offered to a dealer's staff and managers, with a financial field on its form. */
export const reviewBpmn = linearProcess({
  id: 'dealer-review',
  name: 'Dealer review',
  steps: [{ id: 'Review', name: 'Review the order', extensions: userTaskFor('dealer-staff, dealer-manager', 'dealer-review-form') }],
});

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
