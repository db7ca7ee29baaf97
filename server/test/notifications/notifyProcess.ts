import { linearProcess, userTaskFor } from '../support/linearProcess';

/** The form of the notification tests' tasks: a note and an optional decision. */
export const notifyForm = {
  id: 'notify-form',
  title: { ru: 'Проверка', en: 'Check' },
  schema: { type: 'object', properties: { note: { type: 'string', 'x-classification': 'internal' }, decision: { type: 'string', enum: ['approve', 'reject', 'requestInfo'], 'x-classification': 'internal' } } },
};

/** A case that goes to every distributor approver first, then to the staff of the case's dealer. */
export const notifyProcess = linearProcess({
  id: 'notify-walk',
  name: 'Notify walk',
  steps: [
    { id: 'Review', name: 'Review the case', extensions: userTaskFor('distributor-approver', 'notify-form') },
    { id: 'FollowUp', name: 'Follow up', extensions: userTaskFor('dealer-staff, dealer-manager', 'notify-form') },
  ],
});

/** The resources to deploy through `POST /api/deployments`. */
export const notifyResources = [
  { name: 'notify-walk.bpmn', content: notifyProcess },
  { name: 'notify-form.form.json', content: JSON.stringify(notifyForm) },
];
