import type { MigrationInterface, QueryRunner } from 'typeorm';
import { editRoleRules, type RoleRuleEdit, type StoredRule } from '../db/migrations/roleRuleEdits';

const ownDealerRecords = { dealerId: '${user.dealerId}' };
const freeStock = { status: 'free' };
const startable = (ids: string[]): StoredRule => ({ action: 'start', subject: 'Process', conditions: { bpmnProcessId: { $in: ids } } });

/** Existing databases learn the rules of vehicle allocation and credit checks here (see `editRoleRules`). */
const edits: Record<string, RoleRuleEdit> = {
  'distributor-approver': {
    add: [
      { action: 'read', subject: 'StockVehicle' },
      { action: 'read', subject: 'Reservation' },
      { action: 'read', subject: 'VehicleOrder' },
      { action: 'read', subject: 'DealerExposure' },
    ],
  },
  'dealer-manager': {
    add: [
      { action: 'read', subject: 'StockVehicle', conditions: freeStock },
      { action: 'read', subject: 'StockVehicle', conditions: ownDealerRecords },
      { action: 'read', subject: 'Reservation', conditions: ownDealerRecords },
      { action: 'delete', subject: 'Reservation', conditions: ownDealerRecords },
      { action: 'read', subject: 'VehicleOrder', conditions: ownDealerRecords },
      { action: 'read', subject: 'DealerExposure', conditions: ownDealerRecords },
    ],
  },
  'dealer-staff': {
    // Dealer staff do not order vehicles: that commits the dealer's money.
    remove: [startable(['warranty-claim', 'tender-reservation', 'vehicle-allocation'])],
    add: [
      startable(['warranty-claim', 'tender-reservation']),
      { action: 'read', subject: 'StockVehicle', conditions: freeStock },
      { action: 'read', subject: 'StockVehicle', conditions: ownDealerRecords },
      {
        action: 'read',
        subject: 'Reservation',
        fields: ['id', 'vin', 'dealerId', 'caseRef', 'processInstanceKey', 'state', 'createdAt', 'expiresAt'],
        conditions: ownDealerRecords,
      },
      {
        action: 'read',
        subject: 'VehicleOrder',
        fields: ['id', 'number', 'dealerId', 'caseRef', 'vins', 'status', 'createdAt', 'deliveredAt'],
        conditions: ownDealerRecords,
      },
    ],
  },
};

/** Free stock for every dealer, their own holds and orders (no money for dealer staff), everything for approvers. */
export class StockRules1734100000002 implements MigrationInterface {
  name = 'StockRules1734100000002';

  async up(q: QueryRunner): Promise<void> {
    await editRoleRules(q, edits, 'up');
  }

  async down(q: QueryRunner): Promise<void> {
    await editRoleRules(q, edits, 'down');
  }
}
