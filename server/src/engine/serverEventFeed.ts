import type { DataSource } from 'typeorm';
import { releaseStockOnTermination } from '../allocation/releaseStockOnTermination';
import { SqlStockLedger } from '../allocation/SqlStockLedger';
import { InstanceProjection } from '../instances/InstanceProjection';
import { auditMessages } from '../messages/messageAudit';
import { notifyOnEngineEvents } from '../notifications/notifyOnEngineEvents';
import type { Services } from '../services';
import { TaskProjection } from '../tasks/TaskProjection';
import { webhooksOnEngineEvents } from '../webhooks/webhooksOnEngineEvents';
import { auditEngineEvents } from './auditEngineEvents';
import { EngineEventFeed } from './engineEventFeed';
import { projectInstances } from '../instances/projectInstances';
import { projectTasks } from '../tasks/projectTasks';

/** Every consumer of the engine's events the server has, in the order each event reaches them. */
export function serverEventFeed(dataSource: DataSource, services: Pick<Services, 'audit' | 'taskEvents' | 'notifications' | 'webhooks'>): EngineEventFeed {
  return new EngineEventFeed()
    .add(projectTasks(new TaskProjection(), services.audit, services.taskEvents))
    .add(auditEngineEvents(services.audit))
    .add(projectInstances(new InstanceProjection(), services.audit))
    .add(notifyOnEngineEvents(services.notifications))
    .add(webhooksOnEngineEvents(services.webhooks.outbox))
    .add(auditMessages(services.audit))
    .add(releaseStockOnTermination(new SqlStockLedger(dataSource)));
}
