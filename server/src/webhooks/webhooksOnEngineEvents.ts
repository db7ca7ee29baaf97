import type { ProcessEngine, Unsubscribe, UserTask } from '@dealerflow/engine';
import type { EntityManager } from 'typeorm';
import { currentActor } from '../engine/actorContext';
import { ProcessInstanceRecord } from '../instances/ProcessInstanceRecord';
import type { WebhookOutbox } from './WebhookOutbox';

const managerOf = (ctx: { transaction?: unknown }): EntityManager => {
  if (!ctx.transaction) throw new Error('Webhooks need the engine step\'s transaction (the embedded engine with the SQL store)');
  return ctx.transaction as EntityManager;
};

const text = (value: unknown): string | null => (typeof value === 'string' || typeof value === 'number' ? String(value) : null);

/** What every task event tells: no variables beyond the case's reference and dealer (they may hold personal or financial data). */
const taskData = (task: UserTask) => ({
  taskKey: task.key, name: task.name ?? task.elementId, elementId: task.elementId, processInstanceKey: task.processInstanceKey, processId: task.bpmnProcessId,
  caseRef: text(task.variables?.caseRef), dealerId: text(task.variables?.dealerId), assignee: task.assignee ?? null, candidateGroups: task.candidateGroups,
});

/** The case's process and dealer from the instance list (the projection has them by the time an instance ends or fails). */
const caseOf = async (manager: EntityManager, processInstanceKey: string) => manager.findOne(ProcessInstanceRecord, { where: { key: processInstanceKey }, select: { key: true, bpmnProcessId: true, dealerId: true, caseRef: true } });

/**
 * Puts the engine's events that outside systems subscribe to into the webhook outbox, inside
 * the engine step's transaction: a step that rolls back leaves no event behind.
 */
export function webhooksOnEngineEvents(engine: ProcessEngine, outbox: WebhookOutbox): Unsubscribe {
  const subscriptions = [
    engine.on('userTask.created', (event, ctx) => outbox.record(managerOf(ctx), {
      type: 'task.created', key: `task.created:${event.task.key}`, processId: event.task.bpmnProcessId, dealerId: text(event.task.variables?.dealerId), data: taskData(event.task),
    }).then(() => undefined)),
    engine.on('userTask.completed', (event, ctx) => outbox.record(managerOf(ctx), {
      type: 'task.completed', key: `task.completed:${event.task.key}`, processId: event.task.bpmnProcessId, dealerId: text(event.task.variables?.dealerId),
      data: { ...taskData(event.task), completedBy: currentActor().username },
    }).then(() => undefined)),
    engine.on('instance.completed', async (event, ctx) => {
      const manager = managerOf(ctx);
      const record = await caseOf(manager, event.processInstanceKey);
      const dealerId = text(event.variables.dealerId) ?? record?.dealerId ?? null;
      await outbox.record(manager, {
        type: 'instance.completed', key: `instance.completed:${event.processInstanceKey}`, processId: event.bpmnProcessId, dealerId,
        data: { processInstanceKey: event.processInstanceKey, processId: event.bpmnProcessId, caseRef: text(event.variables.caseRef) ?? record?.caseRef ?? null, dealerId },
      });
    }),
    engine.on('instance.terminated', async (event, ctx) => {
      const manager = managerOf(ctx);
      const record = await caseOf(manager, event.processInstanceKey);
      await outbox.record(manager, {
        type: 'instance.cancelled', key: `instance.cancelled:${event.processInstanceKey}`, processId: event.bpmnProcessId, dealerId: record?.dealerId ?? null,
        data: { processInstanceKey: event.processInstanceKey, processId: event.bpmnProcessId, caseRef: record?.caseRef ?? null, dealerId: record?.dealerId ?? null },
      });
    }),
    engine.on('incident.raised', async (event, ctx) => {
      const manager = managerOf(ctx);
      const { incident } = event;
      const record = await caseOf(manager, incident.processInstanceKey);
      await outbox.record(manager, {
        type: 'incident.raised', key: `incident.raised:${incident.key}`, processId: record?.bpmnProcessId ?? null, dealerId: record?.dealerId ?? null,
        data: { incidentKey: incident.key, processInstanceKey: incident.processInstanceKey, processId: record?.bpmnProcessId ?? null, caseRef: record?.caseRef ?? null, dealerId: record?.dealerId ?? null, elementId: incident.elementId, type: incident.type, message: incident.message.slice(0, 500) },
      });
    }),
  ];
  return () => subscriptions.forEach((unsubscribe) => unsubscribe());
}
