import { subject } from '@casl/ability';
import type { ProcessEngine } from '@dealerflow/engine';
import type { Exposure } from '@dealerflow/plugins';
import type { AuditTrail } from '../audit/AuditTrail';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { CurrentUser } from '../auth/CurrentUser';
import { actingAs } from '../engine/actorContext';
import { ConflictError, NotFoundError } from '../errors/AppError';
import { SqlCreditLedger } from '../finance/SqlCreditLedger';
import { accessibleBy } from '../permissions/accessibleBy';
import { permittedView } from '../permissions/permittedView';
import type { SubjectName } from '../permissions/RoleRule';
import { Reservation, type ReservationState } from './Reservation';
import { StockVehicle, type StockStatus } from './StockVehicle';
import { VehicleOrder } from './VehicleOrder';

/** Filters of the stock list; every one optional. */
export interface StockFilter {
  model?: string;
  trim?: string;
  colour?: string;
  warehouse?: string;
  status?: StockStatus;
}

const LIMIT = 1000;

/** The stock, reservations, orders and exposure screens: lists filtered in SQL by the user's rules, rows masked field by field. */
export class AllocationService {
  private readonly credit: SqlCreditLedger;

  constructor(private readonly dataSource: DataSource, private readonly engine: ProcessEngine, private readonly audit: AuditTrail) {
    this.credit = new SqlCreditLedger(dataSource);
  }

  /** Vehicles the user may see (dealers: free stock and their own), filtered. */
  async stock(user: CurrentUser, filter: StockFilter): Promise<Partial<StockVehicle>[]> {
    const query = this.dataSource.getRepository(StockVehicle).createQueryBuilder('v').orderBy('v.model').addOrderBy('v.vin').take(LIMIT);
    for (const field of ['model', 'trim', 'colour', 'warehouse', 'status'] as const) {
      if (filter[field]) query.andWhere(`v.${field} = :${field}`, { [field]: filter[field] });
    }
    return this.visible(user, 'StockVehicle', accessibleBy(query, user.ability, 'read', 'StockVehicle'));
  }

  /** Reservations the user may see, newest first, with the time left on each. */
  async reservations(user: CurrentUser, state?: ReservationState): Promise<(Partial<Reservation> & { secondsLeft: number })[]> {
    const query = this.dataSource.getRepository(Reservation).createQueryBuilder('r').orderBy('r.id', 'DESC').take(LIMIT);
    if (state) query.andWhere('r.state = :state', { state });
    const rows = await this.visible(user, 'Reservation', accessibleBy(query, user.ability, 'read', 'Reservation'));
    const now = Date.now();
    return rows.map((row) => ({ ...row, secondsLeft: row.state === 'pending' && row.expiresAt ? Math.max(0, Math.floor((row.expiresAt.getTime() - now) / 1000)) : 0 }));
  }

  /** Orders the user may see, newest first. */
  async orders(user: CurrentUser): Promise<Partial<VehicleOrder>[]> {
    const query = this.dataSource.getRepository(VehicleOrder).createQueryBuilder('o').orderBy('o.id', 'DESC').take(LIMIT);
    return this.visible(user, 'VehicleOrder', accessibleBy(query, user.ability, 'read', 'VehicleOrder'));
  }

  /** A dealer's exposure today (limit, debt, reservations, overdraft); 404 for whoever may not see it. */
  async exposure(user: CurrentUser, dealerId: string): Promise<Exposure> {
    if (user.ability.cannot('read', subject('DealerExposure', { dealerId }))) throw new NotFoundError('DealerExposure', dealerId);
    const exposure = await this.dataSource.transaction((m) => this.credit.measure(m, { dealerId, caseRef: '', amount: 0 })).catch(() => null);
    if (!exposure) throw new NotFoundError('DealerExposure', dealerId);
    return exposure;
  }

  /** Cancels a vehicle request whose vehicles are still held: the process returns them to stock and tells the dealer. */
  async cancel(user: CurrentUser, caseRef: string, reason: string): Promise<void> {
    const held = await this.dataSource.getRepository(Reservation).findOneBy({ caseRef, state: 'pending' });
    const any = held ?? await this.dataSource.getRepository(Reservation).findOneBy({ caseRef });
    if (!any || user.ability.cannot('read', subject('Reservation', { ...any }))) throw new NotFoundError('Reservation', caseRef);
    if (user.ability.cannot('delete', subject('Reservation', { ...any }))) throw new NotFoundError('Reservation', caseRef);
    if (!held) throw new ConflictError(`Заявка ${caseRef} уже не держит автомобили / Request ${caseRef} no longer holds vehicles`, { caseRef, state: any.state });
    await actingAs({ username: user.username }, () => this.engine.publishMessage({ name: 'vehicle-allocation-cancel', correlationKey: caseRef, variables: { cancelledBy: user.username, cancelReason: reason } }));
    await this.dataSource.transaction((manager) => this.audit.append(manager, { actor: user.username, action: 'allocation.cancel', subjectType: 'Reservation', subjectId: caseRef, payload: { reason } }));
  }

  private async visible<T extends object>(user: CurrentUser, type: SubjectName, query: SelectQueryBuilder<T>): Promise<Partial<T>[]> {
    const rows = await query.getMany();
    return rows.map((row) => permittedView(user.ability, 'read', type, row)).filter((row): row is Partial<T> => row !== null);
  }
}
