import { And, LessThanOrEqual, MoreThan, type DataSource } from 'typeorm';
import { Task } from '../tasks/Task';
import { dealerName } from './caseNames';
import type { NotificationService } from './NotificationService';

/** How many tasks one scan handles at most; the next scan picks up the rest. */
const BATCH = 200;

/**
 * Warns the people of open tasks whose due date falls within the lead time. The cause names
 * the task and the threshold, so repeated or concurrent scans (several servers) notify each
 * person once per task and threshold.
 */
export class SlaScan {
  constructor(private readonly dataSource: DataSource, private readonly notifications: NotificationService, private readonly leadMinutes: number) {}

  /** Scans once at `now`; returns how many tasks were due soon. */
  async run(now = new Date()): Promise<number> {
    const horizon = new Date(now.getTime() + this.leadMinutes * 60_000);
    const tasks = await this.dataSource.getRepository(Task).find({
      where: { state: 'open', dueDate: And(MoreThan(now), LessThanOrEqual(horizon)) },
      order: { dueDate: 'ASC' },
      take: BATCH,
    });
    for (const task of tasks) {
      await this.dataSource.transaction(async (manager) => {
        const recipients = task.assignee ? { users: [task.assignee] } : { users: task.candidateUsers, groups: task.candidateGroups, dealerId: task.dealerId };
        await this.notifications.notify(manager, {
          recipients,
          kind: 'task.sla',
          params: { taskName: task.name, processId: task.bpmnProcessId, elementId: task.elementId, caseRef: task.caseRef, dealerName: await dealerName(manager, task.dealerId), dueAt: task.dueDate!.toISOString() },
          link: `/inbox/${task.key}`,
          cause: `task.sla:${task.key}:${this.leadMinutes}`,
        });
      });
    }
    return tasks.length;
  }
}
