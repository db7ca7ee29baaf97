import type { ProcessEngine } from '@dealerflow/engine';
import type { DataSource } from 'typeorm';
import { AuditTrail } from './audit/AuditTrail';
import { AuditEvidence } from './audit/AuditEvidence';
import { AuditQuery } from './audit/AuditQuery';
import { AuthService } from './auth/AuthService';
import { LoginThrottle, type LoginThrottleOptions } from './auth/LoginThrottle';
import { SessionStore } from './auth/SessionStore';
import { UserDirectory } from './auth/UserDirectory';
import { AccessEpoch } from './auth/AccessEpoch';
import { UserAdministration } from './users/UserAdministration';
import { AttachmentService } from './attachments/AttachmentService';
import { CaseSearch } from './cases/CaseSearch';
import { StagedUploads } from './attachments/StagedUploads';
import { TenderCatalog } from './tenders/TenderCatalog';
import { TenderService } from './tenders/TenderService';
import { CommentService } from './comments/CommentService';
import { DealerService } from './dealers/DealerService';
import { AllocationService } from './allocation/AllocationService';
import { LeadService } from './leads/LeadService';
import { StockImportService } from './allocation/stockImport/StockImportService';
import { DealerLedgerService } from './finance/DealerLedgerService';
import { DesignerDraftService } from './designer/DesignerDraftService';
import { PluginCatalog, type PluginDescriptor } from './designer/PluginCatalog';
import { DeploymentService } from './processes/DeploymentService';
import { FormCatalog } from './processes/FormCatalog';
import { FormService } from './forms/FormService';
import { SandboxService } from './sandbox/SandboxService';
import { sandboxPlugins } from './sandbox/sandboxPlugins';
import { SqlCoverageCatalog } from './warranty/SqlCoverageCatalog';
import type { PluginLogger } from '@dealerflow/plugins';
import { Heatmap } from './instances/Heatmap';
import { IncidentService } from './instances/IncidentService';
import { InstanceQuery } from './instances/InstanceQuery';
import { InstanceView } from './instances/InstanceView';
import { ProcessService } from './processes/ProcessService';
import { VersionService } from './processes/VersionService';
import { DecisionVersions } from './processes/DecisionVersions';
import { ApprovalQueue } from './tasks/ApprovalQueue';
import { CaseSummaries } from './tasks/CaseSummaries';
import { InboxQuery } from './tasks/InboxQuery';
import { TaskAccess } from './tasks/TaskAccess';
import { TaskAssignment } from './tasks/TaskAssignment';
import { TaskDiagram } from './tasks/TaskDiagram';
import { TaskDraftService } from './tasks/TaskDraftService';
import { TaskForms } from './tasks/TaskForms';
import { TaskEvents } from './tasks/TaskEvents';
import { TaskService } from './tasks/TaskService';
import { UserService } from './users/UserService';
import { NotificationPreferences } from './notifications/NotificationPreferences';
import { NotificationService, type NotificationOptions } from './notifications/NotificationService';
import { SavedViewService } from './views/SavedViewService';
import { ApiTokenService } from './tokens/ApiTokenService';
import { TokenAuthenticator } from './tokens/TokenAuthenticator';
import { TokenRateLimit } from './tokens/TokenRateLimit';
import { sharedRateLimiter, type Budget } from './auth/sharedRateLimiter';
import { MessageService } from './messages/MessageService';
import { KpiService } from './kpi/KpiService';
import { DashboardService } from './dashboard/DashboardService';
import { createWebhookModule, type WebhookModule } from './webhooks/webhookModule';
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
  inbox: InboxQuery;
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
  webhooks: WebhookModule;
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

/** Wires the services over one DataSource and one engine. */
export function createServices(dataSource: DataSource, engine: ProcessEngine, options: ServiceOptions): Services {
  const audit = new AuditTrail(dataSource);
  const accessEpoch = new AccessEpoch(dataSource);
  const sessions = new SessionStore(dataSource, options.sessionMaxAgeMs);
  const directory = new UserDirectory(dataSource);
  const forms = new FormCatalog(dataSource);
  // Sign-in attempts and API token requests count across every server on the database.
  const sharedLimiter = (budget: Budget) => sharedRateLimiter(dataSource, budget);
  const inbox = new InboxQuery(dataSource);
  const access = new TaskAccess(inbox);
  const taskForms = new TaskForms(engine, forms);
  const drafts = new TaskDraftService(dataSource, access, taskForms, audit);
  const tasks = new TaskService(dataSource, engine, access, taskForms, drafts, audit);
  const uploads = new StagedUploads(dataSource, audit, options.attachmentsDir);
  const tenders = new TenderService(dataSource, engine, audit);
  const processes = new ProcessService(dataSource, engine, forms, { uploads, startChecks: { 'tender-reservation': tenders.checkApplication } });
  const formService = new FormService(dataSource, audit);
  const coverage = new SqlCoverageCatalog(dataSource);
  const quiet: PluginLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const sandbox = new SandboxService({
    plugins: (effects) => sandboxPlugins(coverage, effects),
    lookupForm: async (id) => (await formService.get(id))?.form ?? null,
    log: options.sandboxLog ?? quiet,
  });
  const notifications = new NotificationService(dataSource, options.notifications);
  const deployments = new DeploymentService(dataSource, engine, audit, options.pluginTypes);
  return {
    dataSource,
    engine,
    audit,
    auditQuery: new AuditQuery(dataSource),
    auditEvidence: new AuditEvidence(dataSource, audit),
    auth: new AuthService(dataSource, directory, sessions, new LoginThrottle(options.loginThrottle, sharedLimiter), audit, accessEpoch),
    sessions,
    dealers: new DealerService(dataSource, audit),
    allocation: new AllocationService(dataSource, engine, audit),
    stockImport: new StockImportService(dataSource, audit),
    dealerLedger: new DealerLedgerService(dataSource, audit),
    users: new UserService(dataSource),
    deployments,
    processes,
    inbox,
    tasks,
    drafts,
    assignment: new TaskAssignment(dataSource, engine, access, audit),
    diagrams: new TaskDiagram(dataSource, engine, access),
    approvals: new ApprovalQueue(inbox, tasks),
    summaries: new CaseSummaries(engine, forms),
    comments: new CommentService(dataSource, processes, audit, notifications),
    attachments: new AttachmentService(dataSource, processes, audit, options.attachmentsDir),
    uploads,
    tenders,
    tenderCatalog: new TenderCatalog(dataSource, audit),
    taskEvents: new TaskEvents(),
    forms: formService,
    sandbox,
    instances: new InstanceQuery(dataSource),
    instanceView: new InstanceView(dataSource, engine, processes, options.pluginTypes),
    incidents: new IncidentService(dataSource, engine, processes),
    heatmap: new Heatmap(dataSource),
    designerDrafts: new DesignerDraftService(dataSource, audit),
    versions: new VersionService(dataSource, deployments),
    plugins: new PluginCatalog(options.plugins ?? []),
    views: new SavedViewService(dataSource, audit),
    notifications,
    notificationPreferences: new NotificationPreferences(dataSource, audit),
    apiTokens: new ApiTokenService(dataSource, audit, accessEpoch),
    tokenAuth: new TokenAuthenticator(dataSource, new TokenRateLimit(options.apiTokenRequestsPerMinute ?? 600, sharedLimiter), accessEpoch),
    messages: new MessageService(dataSource, engine),
    leads: new LeadService(dataSource, engine, audit),
    cases: new CaseSearch(dataSource, forms),
    kpi: new KpiService(dataSource, audit),
    dashboard: new DashboardService(dataSource),
    webhooks: createWebhookModule(dataSource, audit, options.webhooks),
    access: accessEpoch,
    userAdmin: new UserAdministration(dataSource, audit, accessEpoch),
    decisionVersions: new DecisionVersions(dataSource),
  };
}
