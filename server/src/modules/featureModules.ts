import { allocationModule } from '../allocation/allocationModule';
import { attachmentsModule } from '../attachments/attachmentsModule';
import { auditModule } from '../audit/auditModule';
import { authModule } from '../auth/authModule';
import { casesModule } from '../cases/casesModule';
import { commentsModule } from '../comments/commentsModule';
import { dashboardModule } from '../dashboard/dashboardModule';
import { sharedSchemaModule } from '../db/migrations/sharedSchemaModule';
import { dealersModule } from '../dealers/dealersModule';
import { designerModule } from '../designer/designerModule';
import { docsModule } from '../docs/docsModule';
import { engineModule } from '../engine/engineModule';
import { financeModule } from '../finance/financeModule';
import { formsModule } from '../forms/formsModule';
import { healthModule } from '../health/healthModule';
import { instancesModule } from '../instances/instancesModule';
import { kpiModule } from '../kpi/kpiModule';
import { leadsModule } from '../leads/leadsModule';
import { messagesModule } from '../messages/messagesModule';
import { notificationsModule } from '../notifications/notificationsModule';
import { outboxModule } from '../outbox/outboxModule';
import { processesModule } from '../processes/processesModule';
import { sandboxModule } from '../sandbox/sandboxModule';
import { tasksModule } from '../tasks/tasksModule';
import { tendersModule } from '../tenders/tendersModule';
import { tokensModule } from '../tokens/tokensModule';
import { usersModule } from '../users/usersModule';
import { viewsModule } from '../views/viewsModule';
import { warrantyModule } from '../warranty/warrantyModule';
import { webhooksModule } from '../webhooks/webhooksModule';

/**
 * Every server feature. Their services are made in this order (a module's `needs` are made by
 * modules before it) and their routers are tried in it; migrations run by timestamp and engine
 * events reach consumers in `FEED_ORDER`, whatever the order here.
 */
export const featureModules = [
  sharedSchemaModule,
  docsModule,
  healthModule,
  auditModule,
  authModule,
  dealersModule,
  usersModule,
  notificationsModule,
  webhooksModule,
  tendersModule,
  processesModule,
  designerModule,
  tasksModule,
  formsModule,
  sandboxModule,
  commentsModule,
  attachmentsModule,
  instancesModule,
  viewsModule,
  tokensModule,
  messagesModule,
  leadsModule,
  casesModule,
  kpiModule,
  dashboardModule,
  allocationModule,
  financeModule,
  warrantyModule,
  outboxModule,
  engineModule,
];

/** Every service some module makes. */
export type MadeService = NonNullable<(typeof featureModules)[number]['makes']>[number];
