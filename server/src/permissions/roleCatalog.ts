import type { RoleRule } from './RoleRule';

/** The fields of a dealer that only finance-aware roles see. */
export const dealerFinancialFields = ['creditLimit'];
const dealerPublicFields = ['id', 'name', 'region', 'territoryCodes', 'rating'];
const userPublicFields = ['id', 'username', 'displayName', 'dealerId', 'roles', 'groups', 'locale'];
const ownDealer = { id: '${user.dealerId}' };
const ownDealerUsers = { dealerId: '${user.dealerId}' };
const ownDealerRecords = { dealerId: '${user.dealerId}' };
/** The processes dealers start themselves. */
const dealerStartable = { bpmnProcessId: { $in: ['warranty-claim', 'tender-reservation', 'vehicle-allocation'] } };
/** Dealer staff do not order vehicles: that commits the dealer's money. */
const staffStartable = { bpmnProcessId: { $in: ['warranty-claim', 'tender-reservation'] } };
/** Free stock, which every dealer may browse and request. */
const freeStock = { status: 'free' };
/** What dealer staff see of held vehicles and orders: no money. */
const staffReservationFields = ['id', 'vin', 'dealerId', 'caseRef', 'processInstanceKey', 'state', 'createdAt', 'expiresAt'];
const staffOrderFields = ['id', 'number', 'dealerId', 'caseRef', 'vins', 'status', 'createdAt', 'deliveredAt'];
/** Tasks offered to one of the user's groups or role names: together, an approver's queue. */
const ownGroupTasks = { candidateGroups: { $in: '${user.groups}' } };
const ownRoleTasks = { candidateGroups: { $in: '${user.roles}' } };
/** Cases whose tasks were offered to one of the user's groups or role names: the cases an approver decides. */
const ownGroupCases = { taskGroups: { $in: '${user.groups}' } };
const ownRoleCases = { taskGroups: { $in: '${user.roles}' } };
/** Form fields by `x-classification` (see @dealerflow/forms): finance is the one dealer staff do not get. */
const nonFinancialFields = { classification: { $in: ['public', 'internal', 'personal'] } };

/** A role as the product ships it; stored in the Role table on first start. */
export interface RoleDefinition {
  name: string;
  description: string;
  rules: RoleRule[];
}

/** The shipped roles and their rules (deny by default: what is not granted is refused). */
export const roleCatalog: RoleDefinition[] = [
  {
    name: 'process-admin',
    description: 'Distributor IT / business analyst: models, deploys and runs processes; manages master data.',
    rules: [{ action: 'manage', subject: 'all' }, { action: 'read', subject: 'Dashboard' }],
  },
  {
    name: 'distributor-approver',
    description: 'Distributor warranty, sales or finance approver: decides across all dealers.',
    rules: [
      { action: 'read', subject: 'Dealer' },
      { action: 'read', subject: 'User', fields: userPublicFields },
      { action: 'read', subject: 'FormField' },
      { action: 'read', subject: 'Task' },
      { action: 'assign', subject: 'Task', conditions: ownGroupTasks },
      { action: 'assign', subject: 'Task', conditions: ownRoleTasks },
      { action: 'read', subject: 'ProcessInstance' },
      { action: 'comment', subject: 'ProcessInstance', conditions: ownGroupCases },
      { action: 'comment', subject: 'ProcessInstance', conditions: ownRoleCases },
      { action: 'read', subject: 'StockVehicle' },
      { action: 'read', subject: 'Reservation' },
      { action: 'read', subject: 'VehicleOrder' },
      { action: 'read', subject: 'DealerExposure' },
      { action: 'read', subject: 'Lead' },
      { action: 'read', subject: 'DealerRating' },
      { action: 'read', subject: 'Tender' },
      { action: 'update', subject: 'Tender', conditions: { approverGroup: { $in: '${user.groups}' } } },
      { action: 'read', subject: 'DealerKpi' },
      { action: 'update', subject: 'DealerPlan', conditions: { approverGroup: { $in: '${user.groups}' } } },
    ],
  },
  {
    name: 'dealer-manager',
    description: 'Dealer director or sales manager: everything of their own dealer, finance included.',
    rules: [
      { action: 'read', subject: 'Dealer', conditions: ownDealer },
      { action: 'update', subject: 'Dealer', fields: ['territoryCodes'], conditions: ownDealer },
      { action: 'read', subject: 'User', fields: userPublicFields, conditions: ownDealerUsers },
      { action: 'read', subject: 'FormField' },
      { action: 'read', subject: 'Task', conditions: ownDealerRecords },
      { action: 'assign', subject: 'Task', conditions: ownDealerRecords },
      { action: 'start', subject: 'Process', conditions: dealerStartable },
      { action: 'read', subject: 'ProcessInstance', conditions: ownDealerRecords },
      { action: 'comment', subject: 'ProcessInstance', conditions: ownDealerRecords },
      { action: 'read', subject: 'StockVehicle', conditions: freeStock },
      { action: 'read', subject: 'StockVehicle', conditions: ownDealerRecords },
      { action: 'read', subject: 'Reservation', conditions: ownDealerRecords },
      { action: 'delete', subject: 'Reservation', conditions: ownDealerRecords },
      { action: 'read', subject: 'VehicleOrder', conditions: ownDealerRecords },
      { action: 'read', subject: 'DealerExposure', conditions: ownDealerRecords },
      { action: 'read', subject: 'Lead', conditions: ownDealerRecords },
      { action: 'read', subject: 'DealerRating', conditions: ownDealerRecords },
      { action: 'read', subject: 'Tender', conditions: ownDealerRecords },
      { action: 'read', subject: 'DealerKpi', conditions: ownDealer },
    ],
  },
  {
    name: 'dealer-staff',
    description: 'Service advisor or salesperson: their own dealer, never its finance.',
    rules: [
      { action: 'read', subject: 'Dealer', fields: dealerPublicFields, conditions: ownDealer },
      { action: 'read', subject: 'User', fields: userPublicFields, conditions: ownDealerUsers },
      { action: 'read', subject: 'FormField', conditions: nonFinancialFields },
      { action: 'read', subject: 'Task', conditions: ownDealerRecords },
      { action: 'start', subject: 'Process', conditions: staffStartable },
      { action: 'read', subject: 'ProcessInstance', conditions: ownDealerRecords },
      { action: 'comment', subject: 'ProcessInstance', conditions: ownDealerRecords },
      { action: 'read', subject: 'StockVehicle', conditions: freeStock },
      { action: 'read', subject: 'StockVehicle', conditions: ownDealerRecords },
      { action: 'read', subject: 'Reservation', fields: staffReservationFields, conditions: ownDealerRecords },
      { action: 'read', subject: 'VehicleOrder', fields: staffOrderFields, conditions: ownDealerRecords },
      { action: 'read', subject: 'Lead', conditions: ownDealerRecords },
      { action: 'read', subject: 'Tender', conditions: ownDealerRecords },
      { action: 'read', subject: 'DealerKpi', conditions: ownDealer },
    ],
  },
  {
    name: 'auditor',
    description: 'Auditor or dealer owner: reads and verifies the audit trail.',
    rules: [
      { action: 'read', subject: 'AuditEntry' },
      { action: 'verify', subject: 'AuditEntry' },
      { action: 'read', subject: 'Dealer' },
      { action: 'read', subject: 'User', fields: userPublicFields },
      { action: 'read', subject: 'FormField' },
      { action: 'read', subject: 'ProcessInstance' },
      { action: 'read', subject: 'Lead' },
      { action: 'read', subject: 'Tender' },
    ],
  },
  {
    name: 'integration',
    description: 'Service account of an outside system (accounting, DMS, brand site, call centre): sends leads, publishes and correlates messages.',
    rules: [
      { action: 'create', subject: 'Lead' },
      { action: 'publish', subject: 'Message' },
      { action: 'correlate', subject: 'Message' },
    ],
  },
];
