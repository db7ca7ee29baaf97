import type { ForcedSubject, MongoAbility, MongoQuery, RawRuleFrom } from '@casl/ability';

/** What a user may do. `manage` means every action; `assign` hands a task to a colleague; `monitor` is watching instances across cases (the Instances page); `comment` is adding comments and attachments to a case; `publish` and `correlate` send a message to waiting processes. */
export type Action = 'manage' | 'read' | 'create' | 'update' | 'delete' | 'verify' | 'start' | 'assign' | 'monitor' | 'comment' | 'publish' | 'correlate';
/** The things rules speak about. */
export type SubjectName = 'all' | 'Dealer' | 'User' | 'AuditEntry' | 'Role' | 'FormField' | 'Task' | 'Process' | 'ProcessInstance' | 'Deployment' | 'Form' | 'SandboxRun'
  | 'StockVehicle' | 'Reservation' | 'VehicleOrder' | 'DealerExposure' | 'LedgerEntry' | 'ApiToken' | 'Message'
  | 'Lead' | 'DealerRating' | 'Tender' | 'TenderProduct' | 'DealerKpi' | 'DealerPlan' | 'Webhook'
  | 'Dashboard';

/** The ability every request carries. */
export type AppAbility = MongoAbility<[Action, SubjectName | ForcedSubject<SubjectName>]>;

/** A CASL rule as stored in the Role table; string values like `${user.dealerId}` are templates. */
export type RoleRule = RawRuleFrom<[Action, SubjectName], MongoQuery>;
