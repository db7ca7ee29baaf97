import { trigramSimilarity, type RegisterResult, type SimilarTender, type TenderApplication, type TenderCall, type TenderRegistry } from '@dealerflow/plugins';
import { In, MoreThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/AuditTrail';
import { retryOnDuplicate } from '../db/retryTransaction';
import { Tender, type TenderState } from './Tender';
import { TenderCustomer } from './TenderCustomer';
import { TenderLock } from './TenderLock';
import { TenderOutcome } from './TenderOutcome';
import { tenderKey } from './tenderKey';

const DAY = 86_400_000;
/** Objects of one customer this alike (0..1) are one tender. */
export const OBJECT_MATCH = 0.6;
/** Applications this alike are shown to the approver. */
const SIMILAR_SHOWN = 0.55;
const HOLDING: TenderState[] = ['pending', 'locked'];

/** The `tender-registry` plugin's registry in our tables: one active hold per tender key (a unique index) and per customer (a row lock). */
export class SqlTenderRegistry implements TenderRegistry {
  private readonly audit: AuditTrail;

  constructor(private readonly dataSource: DataSource, private readonly now: () => Date = () => new Date()) {
    this.audit = new AuditTrail(dataSource);
  }

  async register(call: TenderCall & { application: TenderApplication; windowDays: number; holdDays: number }): Promise<RegisterResult> {
    const app = call.application;
    const key = tenderKey(app.tenderNumber);
    return retryOnDuplicate(() => this.dataSource.transaction(async (m) => {
      const now = this.now();
      // The customer's row lock first, so the reads below see every registration that went before. An update
      // (not INSERT IGNORE, whose shared lock deadlocks racing updaters); a racing first insert fails and reruns.
      const touched = await m.increment(TenderCustomer, { inn: app.customerInn }, 'registrations', 1);
      if (!touched.affected) await m.insert(TenderCustomer, { inn: app.customerInn, registrations: 1 });
      const earlier = await m.findOneBy(Tender, { caseRef: call.caseRef });
      if (earlier?.lastResult) return JSON.parse(earlier.lastResult) as RegisterResult;
      const since = new Date(now.getTime() - call.windowDays * DAY);
      const recent = await m.find(Tender, { where: [{ customerInn: app.customerInn, appliedAt: MoreThanOrEqual(since) }, { tenderKey: key }, { appliedAt: MoreThanOrEqual(since), state: In(HOLDING) }], order: { id: 'DESC' }, take: 500 });
      const byNumber = await m.findOneBy(TenderLock, { activeKey: key });
      const byObject = recent.find((t) => HOLDING.includes(t.state) && t.customerInn === app.customerInn && trigramSimilarity(t.tenderObject, app.tenderObject) >= OBJECT_MATCH);
      const holderRef = byNumber?.caseRef ?? byObject?.caseRef;
      const holder = holderRef ? await m.findOneBy(TenderLock, { caseRef: holderRef }) : null;
      const similar = this.similar(recent, app, key);
      const row = m.create(Tender, {
        caseRef: call.caseRef, processInstanceKey: call.processInstanceKey, dealerId: call.dealerId, tenderNumber: app.tenderNumber, tenderKey: key, platform: app.platform,
        customerInn: app.customerInn, customerName: app.customerName, tenderObject: app.tenderObject, products: app.products, expectedDate: app.expectedDate,
        appliedAt: now, extensions: 0, decidedBy: null, reason: null, lastJobKey: call.jobKey, heldUntil: null, conflictUntil: null,
      });
      let result: RegisterResult;
      if (holder?.activeKey) {
        result = { outcome: 'conflict', conflictUntil: holder.until.toISOString(), conflictMatch: byNumber ? 'tender-number' : 'customer-object', conflictWith: holder.dealerId === call.dealerId ? 'own' : 'other', similar: [] };
        await m.insert(Tender, { ...row, state: 'conflict', conflictUntil: holder.until, lastResult: JSON.stringify(result) });
      } else {
        const until = new Date(now.getTime() + call.holdDays * DAY);
        result = { outcome: 'held', heldUntil: until.toISOString(), similar };
        // The unique activeKey: of two cases racing for one tender number, the second insert fails and reruns into the conflict above.
        await m.insert(TenderLock, { caseRef: call.caseRef, tenderKey: key, activeKey: key, dealerId: call.dealerId, state: 'held', until, createdAt: now, releasedAt: null });
        await m.insert(Tender, { ...row, state: 'pending', heldUntil: until, lastResult: JSON.stringify(result) });
      }
      await this.record(m, call, 'tender.register', { tenderNumber: app.tenderNumber, outcome: result.outcome, until: result.heldUntil ?? result.conflictUntil });
      return result;
    }));
  }

  async lock(call: TenderCall & { days: number; decidedBy: string }): Promise<{ lockedUntil: string }> {
    return retryOnDuplicate(() => this.dataSource.transaction(async (m) => {
      const tender = await m.findOneByOrFail(Tender, { caseRef: call.caseRef });
      if (tender.lastJobKey === call.jobKey && tender.lastResult) return JSON.parse(tender.lastResult) as { lockedUntil: string };
      if (tender.state !== 'pending') throw new Error(`tender ${call.caseRef} is ${tender.state}, not pending: it cannot be locked`);
      const until = new Date(this.now().getTime() + call.days * DAY);
      const result = { lockedUntil: until.toISOString() };
      await m.update(TenderLock, { caseRef: call.caseRef }, { state: 'locked', until });
      await m.update(Tender, { id: tender.id }, { state: 'locked', heldUntil: until, decidedBy: call.decidedBy, lastJobKey: call.jobKey, lastResult: JSON.stringify(result) });
      await this.record(m, call, 'tender.lock', { tenderNumber: tender.tenderNumber, lockedUntil: result.lockedUntil, days: call.days, decidedBy: call.decidedBy });
      return result;
    }));
  }

  async release(call: TenderCall & { why: 'refused' | 'lapsed' | 'expired'; reason?: string }): Promise<{ state: string }> {
    return retryOnDuplicate(() => this.dataSource.transaction(async (m) => {
      const tender = await m.findOneByOrFail(Tender, { caseRef: call.caseRef });
      if (!HOLDING.includes(tender.state)) return { state: tender.state };
      await this.free(m, call.caseRef);
      await m.update(Tender, { id: tender.id }, { state: call.why, reason: call.reason ?? null, lastJobKey: call.jobKey, lastResult: null });
      await this.record(m, call, 'tender.release', { tenderNumber: tender.tenderNumber, why: call.why });
      return { state: call.why };
    }));
  }

  async recordOutcome(call: TenderCall & { outcome: 'won' | 'lost'; note?: string; reportedBy: string }): Promise<{ outcome: string }> {
    return retryOnDuplicate(() => this.dataSource.transaction(async (m) => {
      const stored = await m.findOneBy(TenderOutcome, { caseRef: call.caseRef });
      if (stored) return { outcome: stored.outcome };
      const tender = await m.findOneByOrFail(Tender, { caseRef: call.caseRef });
      await m.insert(TenderOutcome, { caseRef: call.caseRef, dealerId: tender.dealerId, tenderNumber: tender.tenderNumber, outcome: call.outcome, note: call.note ?? null, reportedBy: call.reportedBy, reportedAt: this.now() });
      await this.free(m, call.caseRef);
      await m.update(Tender, { id: tender.id }, { state: call.outcome, lastJobKey: call.jobKey, lastResult: null });
      await this.record(m, call, 'tender.outcome', { tenderNumber: tender.tenderNumber, outcome: call.outcome, reportedBy: call.reportedBy });
      return { outcome: call.outcome };
    }));
  }

  /** Recent applications like this one, most alike first: the approver's hint, never the other dealers' names. */
  private similar(recent: Tender[], app: TenderApplication, key: string): SimilarTender[] {
    return recent
      .map((t) => {
        const customer = t.customerInn === app.customerInn ? 1 : trigramSimilarity(t.customerName, app.customerName);
        const score = t.tenderKey === key ? 1 : Math.round((customer + trigramSimilarity(t.tenderObject, app.tenderObject)) * 50) / 100;
        return { appliedOn: t.appliedAt.toISOString().slice(0, 10), tenderNumber: t.tenderNumber, state: t.state, score };
      })
      .filter((t) => t.score >= SIMILAR_SHOWN)
      .sort((a, b) => b.score - a.score)
      .slice(0, 5);
  }

  private async free(m: EntityManager, caseRef: string): Promise<void> {
    await m.update(TenderLock, { caseRef }, { activeKey: null, state: 'released', releasedAt: this.now() });
  }

  private record(m: EntityManager, call: TenderCall, action: string, payload: object): Promise<unknown> {
    return this.audit.append(m, { actor: 'system', action, subjectType: 'ProcessInstance', subjectId: call.processInstanceKey, payload: { caseRef: call.caseRef, dealerId: call.dealerId, ...payload } });
  }
}
