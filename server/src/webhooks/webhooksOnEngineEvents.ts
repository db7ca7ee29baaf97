import type { UserTask } from '@dealerflow/engine';
import type { EntityManager } from 'typeorm';
import { currentActor } from '../engine/actorContext';
import type { FeedConsumer } from '../engine/engineEventFeed';
import { ProcessInstanceRecord } from '../instances/ProcessInstanceRecord';
import type { WebhookOutbox } from './WebhookOutbox';

const text = (value: unknown): string | null => (typeof value === 'string' || typeof value === 'number' ? String(value) : null);

/** What every task event tells: no variables beyond the case's reference and dealer (they may hold personal or financial data). */
const taskData = (task: UserTask) => ({
  taskKey: task.key, name: task.name ?? task.elementId, elementId: task.elementId, processInstanceKey: task.processInstanceKey, processId: task.bpmnProcessId,
  caseRef: text(task.variables?.caseRef), dealerId: text(task.variables?.dealerId), assignee: task.assignee ?? null, candidateGroups: task.candidateGroups,
});

/** The case's process and dealer from the instance list (the projection has them by the time an instance ends or fails). */
const caseOf = async (manager: EntityManager, processInstanceKey: string) => manager.findOne(ProcessInstanceRecord, { where: { key: processInstanceKey }, select: { key: true, bpmnProcessId: true, dealerId: true, caseRef: true } });

/**
 * Puts the engine's events that outside systems subscribe to into the webhook outbox, in the
 * transaction the event is applied in: a step that rolls back leaves no event behind. Naturally
 * idempotent: the outbox keeps one event per key (`task.created:<taskKey>`, …).
 */
export function webhooksOnEngineEvents(outbox: WebhookOutbox): FeedConsumer {
  return {
    name: 'webhooks',
    types: ['userTask.created', 'userTask.completed', 'instance.completed', 'instance.terminated', 'incident.raised'],
    once: 'natural',
    async consume(event, manager) {
      switch (event.type) {
        case 'userTask.created':
          await outbox.record(manager, {
            type: 'task.created', key: `task.created:${event.task.key}`, processId: event.task.bpmnProcessId, dealerId: text(event.task.variables?.dealerId), data: taskData(event.task),
          });
          return;
        case 'userTask.completed':
          await outbox.record(manager, {
            type: 'task.completed', key: `task.completed:${event.task.key}`, processId: event.task.bpmnProcessId, dealerId: text(event.task.variables?.dealerId),
            data: { ...taskData(event.task), completedBy: currentActor().username },
          });
          return;
        case 'instance.completed': {
          const record = await caseOf(manager, event.processInstanceKey);
          const dealerId = text(event.variables.dealerId) ?? record?.dealerId ?? null;
          await outbox.record(manager, {
            type: 'instance.completed', key: `instance.completed:${event.processInstanceKey}`, processId: event.bpmnProcessId, dealerId,
            data: { processInstanceKey: event.processInstanceKey, processId: event.bpmnProcessId, caseRef: text(event.variables.caseRef) ?? record?.caseRef ?? null, dealerId },
          });
          return;
        }
        case 'instance.terminated': {
          const record = await caseOf(manager, event.processInstanceKey);
          await outbox.record(manager, {
            type: 'instance.cancelled', key: `instance.cancelled:${event.processInstanceKey}`, processId: event.bpmnProcessId, dealerId: record?.dealerId ?? null,
            data: { processInstanceKey: event.processInstanceKey, processId: event.bpmnProcessId, caseRef: record?.caseRef ?? null, dealerId: record?.dealerId ?? null },
          });
          return;
        }
        case 'incident.raised': {
          const { incident } = event;
          const record = await caseOf(manager, incident.processInstanceKey);
          await outbox.record(manager, {
            type: 'incident.raised', key: `incident.raised:${incident.key}`, processId: record?.bpmnProcessId ?? null, dealerId: record?.dealerId ?? null,
            data: { incidentKey: incident.key, processInstanceKey: incident.processInstanceKey, processId: record?.bpmnProcessId ?? null, caseRef: record?.caseRef ?? null, dealerId: record?.dealerId ?? null, elementId: incident.elementId, type: incident.type, message: incident.message.slice(0, 500) },
          });
          return;
        }
        default:
      }
    },
  };
}
