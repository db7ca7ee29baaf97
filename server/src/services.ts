import type { ProcessEngine } from '@dealerflow/engine';
import { featureModules, type MadeService } from './modules/featureModules';
import { makeServices } from './modules/makeServices';
import type { DataSource } from 'typeorm';
import type { AuditTrail } from './audit/AuditTrail';
import type { AuditEvidence } from './audit/AuditEvidence';
import type { AuditQuery } from './audit/AuditQuery';
import type { AuthService } from './auth/AuthService';
import type { LoginThrottleOptions } from './auth/LoginThrottle';
import type { SessionStore } from './auth/SessionStore';
import type { AccessEpoch } from './auth/AccessEpoch';
import type { UserAdministration } from './users/UserAdministration';
import type { AttachmentService } from './attachments/AttachmentService';
import type { CaseSearch } from './cases/CaseSearch';
import type { StagedUploads } from './attachments/StagedUploads';
import type { TenderCatalog } from './tenders/TenderCatalog';
import type { TenderService } from './tenders/TenderService';
import type { CommentService } from './comments/CommentService';
import type { DealerService } from './dealers/DealerService';
import type { AllocationService } from './allocation/AllocationService';
import type { LeadService } from './leads/LeadService';
import type { StockImportService } from './allocation/stockImport/StockImportService';
import type { DealerLedgerService } from './finance/DealerLedgerService';
import type { DesignerDraftService } from './designer/DesignerDraftService';
import type { PluginCatalog, PluginDescriptor } from './designer/PluginCatalog';
import type { DeploymentService } from './processes/DeploymentService';
import type { FormCatalog } from './processes/FormCatalog';
import type { FormService } from './forms/FormService';
import type { SandboxService } from './sandbox/SandboxService';
import type { PluginLogger } from '@dealerflow/plugins';
import type { Heatmap } from './instances/Heatmap';
import type { IncidentService } from './instances/IncidentService';
import type { InstanceQuery } from './instances/InstanceQuery';
import type { InstanceView } from './instances/InstanceView';
import type { ProcessService } from './processes/ProcessService';
import type { VersionService } from './processes/VersionService';
import type { DecisionVersions } from './processes/DecisionVersions';
import type { ApprovalQueue } from './tasks/ApprovalQueue';
import type { CaseSummaries } from './tasks/CaseSummaries';
import type { InboxQuery } from './tasks/InboxQuery';
import type { TaskAssignment } from './tasks/TaskAssignment';
import type { TaskDiagram } from './tasks/TaskDiagram';
import type { TaskDraftService } from './tasks/TaskDraftService';
import type { TaskEvents } from './tasks/TaskEvents';
import type { TaskService } from './tasks/TaskService';
import type { InboxAnswer } from './tasks/taskRoutes';
import type { ApprovalAnswer } from './tasks/approvalRoutes';
import type { UserPageCache } from './tasks/UserPageCache';
import type { UserService } from './users/UserService';
import type { NotificationPreferences } from './notifications/NotificationPreferences';
import type { NotificationService, NotificationOptions } from './notifications/NotificationService';
import type { SavedViewService } from './views/SavedViewService';
import type { ApiTokenService } from './tokens/ApiTokenService';
import type { TokenAuthenticator } from './tokens/TokenAuthenticator';
import type { MessageService } from './messages/MessageService';
import type { KpiService } from './kpi/KpiService';
import type { DashboardService } from './dashboard/DashboardService';
import type { WebhookParts } from './webhooks/webhookParts';
import type { WebhookConfig } from './webhooks/webhookConfig';

/** The server's services, wired once at start-up and handed to the routes. */
export interface Services {
  dataSource: DataSource;
  engine: ProcessEngine;
  audit: AuditTrail;
  /** The Audit page's filtered reading, and one case's evidence as a PDF. */
  auditQuery: AuditQuery;
  auditEvidence: AuditEvidence;
  auth: AuthService;
  sessions: SessionStore;
  dealers: DealerService;
  /** Stock, reservations, orders and exposure. */
  allocation: AllocationService;
  stockImport: StockImportService;
  dealerLedger: DealerLedgerService;
  users: UserService;
  deployments: DeploymentService;
  processes: ProcessService;
  /** Deployed forms by id, read by starting, the inbox and the case search. */
  formCatalog: FormCatalog;
  inbox: InboxQuery;
  /** The inbox's pages as each user last read them, until a task changes. */
  inboxPages: UserPageCache<InboxAnswer>;
  /** The approval queue's pages as each approver last read them, until a task or form changes. */
  approvalPages: UserPageCache<ApprovalAnswer>;
  tasks: TaskService;
  drafts: TaskDraftService;
  assignment: TaskAssignment;
  diagrams: TaskDiagram;
  approvals: ApprovalQueue;
  summaries: CaseSummaries;
  comments: CommentService;
  attachments: AttachmentService;
  /** Files uploaded for start forms. */
  uploads: StagedUploads;
  /** Tender applications, locks and outcomes. */
  tenders: TenderService;
  tenderCatalog: TenderCatalog;
  taskEvents: TaskEvents;
  forms: FormService;
  sandbox: SandboxService;
  instances: InstanceQuery;
  instanceView: InstanceView;
  incidents: IncidentService;
  heatmap: Heatmap;
  designerDrafts: DesignerDraftService;
  versions: VersionService;
  plugins: PluginCatalog;
  views: SavedViewService;
  /** Notifications per person; other features call `notify` inside their own transaction. */
  notifications: NotificationService;
  notificationPreferences: NotificationPreferences;
  /** Service accounts' API tokens, for admins. */
  apiTokens: ApiTokenService;
  /** Resolves bearer tokens to principals. */
  tokenAuth: TokenAuthenticator;
  /** Messages from outside systems. */
  messages: MessageService;
  /** Lead intake, the leads list and dealer lead ratings. */
  leads: LeadService;
  /** The Cases page's search. */
  cases: CaseSearch;
  /** Dealer KPIs: plan vs. fact per month. */
  kpi: KpiService;
  /** The process admin's overview. */
  dashboard: DashboardService;
  /** Outgoing webhooks: subscriptions for admins and the outbox causes write to. */
  webhooks: WebhookParts;
  /** The version of access the session, user and token caches follow (moved by every access change). */
  access: AccessEpoch;
  /** Users' roles and disabling. */
  userAdmin: UserAdministration;
  /** Deployed decisions' DMN, and what a DMN file changes against them before its deploy. */
  decisionVersions: DecisionVersions;
}

/** Options the services need beyond the database and the engine. */
export interface ServiceOptions {
  sessionMaxAgeMs: number;
  attachmentsDir: string;
  /** Job types the running plugins serve; deployments may only use these. */
  pluginTypes: string[];
  /** The running plugins with their schemas, for the designer's element templates. */
  plugins?: readonly PluginDescriptor[];
  loginThrottle?: LoginThrottleOptions;
  /** Where test runs log their plugins' warnings. */
  sandboxLog?: PluginLogger;
  /** E-mail for notifications: off unless an SMTP server is configured. */
  notifications?: NotificationOptions;
  /** Requests each API token may make per minute (600 when unset). */
  apiTokenRequestsPerMinute?: number;
  /** Where webhooks may go and the key of their secrets. */
  webhooks: Pick<WebhookConfig, 'allowedHosts' | 'secretKey'>;
}

/** Wires every feature module's services over one DataSource and one engine. */
export function createServices(dataSource: DataSource, engine: ProcessEngine, options: ServiceOptions): Services {
  return makeServices(featureModules, { dataSource, engine, options });
}

/** Fails to compile while a service in `Services` has no module making it. */
export const everyServiceHasAModule: Record<Exclude<keyof Services, MadeService | 'dataSource' | 'engine'>, never> = {};
