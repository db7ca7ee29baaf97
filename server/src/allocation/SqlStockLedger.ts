import type { OrderSummary, ReservationSummary, StockCall, StockLedger, StockRequestLine } from '@dealerflow/plugins';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/AuditTrail';
import { LedgerEntry } from '../finance/LedgerEntry';
import { Reservation } from './Reservation';
import { retryOnDeadlock } from '../db/retryTransaction';
import { StockVehicle } from './StockVehicle';
import { VehicleOrder } from './VehicleOrder';

const HOUR = 3_600_000;
const sum = (amounts: number[]) => Math.round(amounts.reduce((a, b) => a + b, 0) * 100) / 100;

/** The `stock` plugin's ledger in our tables: a vehicle changes hands only by a conditional update, so racing cases never share one. */
export class SqlStockLedger implements StockLedger {
  private readonly audit: AuditTrail;

  constructor(private readonly dataSource: DataSource, private readonly now: () => Date = () => new Date()) {
    this.audit = new AuditTrail(dataSource);
  }

  async reserve(call: StockCall & { lines: StockRequestLine[]; vins: string[]; holdHours: number }): Promise<ReservationSummary> {
    const asked = call.vins.length + call.lines.reduce((n, line) => n + line.quantity, 0);
    return retryOnDeadlock(() => this.dataSource.transaction(async (m) => {
      const earlier = await m.find(Reservation, { where: { jobKey: call.jobKey }, order: { id: 'ASC' } });
      if (earlier.length > 0) return this.summary(earlier, asked);
      const taken: StockVehicle[] = [];
      for (const vin of new Set(call.vins)) {
        const vehicle = await m.findOneBy(StockVehicle, { vin, status: 'free' });
        if (vehicle && await this.take(m, vehicle.vin, call)) taken.push(vehicle);
      }
      for (const line of call.lines) taken.push(...await this.takeMatching(m, line, call));
      const createdAt = this.now();
      const expiresAt = new Date(createdAt.getTime() + call.holdHours * HOUR);
      const rows = taken.map((v) => m.create(Reservation, { jobKey: call.jobKey, vin: v.vin, dealerId: call.dealerId, caseRef: call.caseRef, processInstanceKey: call.processInstanceKey, amount: v.price, state: 'pending', createdAt, expiresAt }));
      if (rows.length > 0) await m.insert(Reservation, rows);
      await this.record(m, call, 'stock.reserve', { vins: rows.map((r) => r.vin), shortfall: asked - rows.length, expiresAt: expiresAt.toISOString() });
      return this.summary(rows, asked);
    }));
  }

  async release(call: StockCall & { expired: boolean }): Promise<{ vins: string[] }> {
    return retryOnDeadlock(() => this.dataSource.transaction(async (m) => {
      const held = await m.find(Reservation, { where: { caseRef: call.caseRef, state: In(['pending', 'allocated']) } });
      const vins = await this.free(m, held, call.expired ? 'expired' : 'released');
      if (vins.length > 0) await this.record(m, call, call.expired ? 'stock.expire' : 'stock.release', { vins });
      return { vins };
    }));
  }

  async allocate(call: StockCall & { vins: string[] }): Promise<{ vins: string[]; amount: number; released: string[] }> {
    return retryOnDeadlock(() => this.dataSource.transaction(async (m) => {
      const held = await m.find(Reservation, { where: { caseRef: call.caseRef, state: In(['pending', 'allocated']) }, order: { id: 'ASC' } });
      const wanted = call.vins.length > 0 ? new Set(call.vins) : new Set(held.map((r) => r.vin));
      const kept = held.filter((r) => wanted.has(r.vin));
      const dropped = held.filter((r) => !wanted.has(r.vin));
      const toAllocate = kept.filter((r) => r.state === 'pending');
      if (toAllocate.length > 0) {
        await m.update(Reservation, { id: In(toAllocate.map((r) => r.id)) }, { state: 'allocated' });
        await m.update(StockVehicle, { vin: In(toAllocate.map((r) => r.vin)), caseRef: call.caseRef, status: 'reserved' }, { status: 'allocated' });
      }
      const released = await this.free(m, dropped, 'released');
      if (toAllocate.length + released.length > 0) await this.record(m, call, 'stock.allocate', { vins: kept.map((r) => r.vin), released });
      return { vins: kept.map((r) => r.vin), amount: sum(kept.map((r) => r.amount)), released };
    }));
  }

  async order(call: StockCall): Promise<OrderSummary> {
    return retryOnDeadlock(() => this.dataSource.transaction(async (m) => {
      const existing = await m.findOneBy(VehicleOrder, { caseRef: call.caseRef });
      if (existing) return this.orderSummary(existing);
      const allocated = await m.find(Reservation, { where: { caseRef: call.caseRef, state: 'allocated' }, order: { id: 'ASC' } });
      if (allocated.length === 0) throw new Error(`case ${call.caseRef} has no allocated vehicles to order`);
      const vins = allocated.map((r) => r.vin);
      const inserted = await m.insert(VehicleOrder, { number: `TMP-${call.jobKey}`, dealerId: call.dealerId, caseRef: call.caseRef, vins, amount: sum(allocated.map((r) => r.amount)), status: 'placed', createdAt: this.now(), deliveredAt: null });
      const id = Number(inserted.identifiers[0].id);
      await m.update(VehicleOrder, { id }, { number: `ORD-${String(id).padStart(6, '0')}` });
      await m.update(Reservation, { id: In(allocated.map((r) => r.id)) }, { state: 'ordered' });
      await m.update(StockVehicle, { vin: In(vins), caseRef: call.caseRef }, { status: 'ordered' });
      const order = await m.findOneByOrFail(VehicleOrder, { id });
      // The order is the invoice: from now on the vehicles count as open debt, not as reservations.
      await m.insert(LedgerEntry, { dealerId: call.dealerId, kind: 'invoice', reference: order.number, amount: order.amount, bookedAt: this.now() });
      await this.record(m, call, 'stock.order', { orderNumber: order.number, vins, amount: order.amount });
      return this.orderSummary(order);
    }));
  }

  async receive(call: StockCall): Promise<OrderSummary> {
    return retryOnDeadlock(() => this.dataSource.transaction(async (m) => {
      const order = await m.findOneByOrFail(VehicleOrder, { caseRef: call.caseRef });
      if (order.status !== 'delivered') {
        await m.update(VehicleOrder, { id: order.id }, { status: 'delivered', deliveredAt: this.now() });
        await this.record(m, call, 'stock.receive', { orderNumber: order.number });
      }
      return this.orderSummary(order);
    }));
  }

  /** Inside the caller's transaction, returns what a terminated instance still held to stock. */
  async releaseInstance(m: EntityManager, processInstanceKey: string, actor: string): Promise<string[]> {
    const held = await m.find(Reservation, { where: { processInstanceKey, state: In(['pending', 'allocated']) } });
    const vins = await this.free(m, held, 'released');
    if (vins.length > 0) await this.audit.append(m, { actor, action: 'stock.release', subjectType: 'ProcessInstance', subjectId: processInstanceKey, payload: { caseRef: held[0].caseRef, dealerId: held[0].dealerId, vins, why: 'instance terminated' } });
    return vins;
  }

  /** Moves one free vehicle to the case; false when another case got it first. */
  private async take(m: EntityManager, vin: string, call: StockCall): Promise<boolean> {
    const result = await m.createQueryBuilder().update(StockVehicle)
      .set({ status: 'reserved', dealerId: call.dealerId, caseRef: call.caseRef })
      .where('vin = :vin AND status = :free', { vin, free: 'free' })
      .execute();
    return result.affected === 1;
  }

  private async takeMatching(m: EntityManager, line: StockRequestLine, call: StockCall): Promise<StockVehicle[]> {
    const taken: StockVehicle[] = [];
    const tried = new Set<string>();
    while (taken.length < line.quantity) {
      const query = m.getRepository(StockVehicle).createQueryBuilder('v')
        .where('v.status = :free AND v.model = :model', { free: 'free', model: line.model })
        .orderBy('v.year', 'DESC').addOrderBy('v.vin', 'ASC')
        .take(line.quantity - taken.length + 5);
      if (line.trim) query.andWhere('v.trim = :trim', { trim: line.trim });
      if (line.colour) query.andWhere('v.colour = :colour', { colour: line.colour });
      // Others' updates may not show in this transaction's snapshot: never try a VIN twice.
      if (tried.size > 0) query.andWhere('v.vin NOT IN (:...tried)', { tried: [...tried] });
      const candidates = await query.getMany();
      if (candidates.length === 0) break;
      for (const vehicle of candidates) {
        if (taken.length >= line.quantity) break;
        tried.add(vehicle.vin);
        if (await this.take(m, vehicle.vin, call)) taken.push(vehicle);
      }
    }
    return taken;
  }

  private async free(m: EntityManager, held: Reservation[], state: 'released' | 'expired'): Promise<string[]> {
    if (held.length === 0) return [];
    await m.update(Reservation, { id: In(held.map((r) => r.id)) }, { state });
    const vins = held.map((r) => r.vin);
    await m.update(StockVehicle, { vin: In(vins), caseRef: held[0].caseRef, status: In(['reserved', 'allocated']) }, { status: 'free', dealerId: null, caseRef: null });
    return vins;
  }

  private summary(rows: Reservation[], asked: number): ReservationSummary {
    const expiresAt = rows[0]?.expiresAt ?? this.now();
    return { vins: rows.map((r) => r.vin), amount: sum(rows.map((r) => r.amount)), shortfall: Math.max(0, asked - rows.length), expiresAt: expiresAt.toISOString() };
  }

  private orderSummary(order: VehicleOrder): OrderSummary {
    return { orderNumber: order.number, vins: order.vins, amount: order.amount };
  }

  private record(m: EntityManager, call: StockCall, action: string, payload: object): Promise<unknown> {
    return this.audit.append(m, { actor: 'system', action, subjectType: 'ProcessInstance', subjectId: call.processInstanceKey, payload: { caseRef: call.caseRef, dealerId: call.dealerId, ...payload } });
  }
}
