import type { LeadCall, LeadIntake, LeadLedger, LeadOutcomeCall, OfferedDealer, RoutingPolicy } from '@dealerflow/plugins';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/AuditTrail';
import { caseReference } from '../processes/caseReference';
import { retryOnDeadlock } from '../db/retryTransaction';
import { Dealer } from '../entities/Dealer';
import { DealerRating } from './DealerRating';
import { DealerTerritory } from './DealerTerritory';
import { Lead, type LeadSource } from './Lead';
import { LeadEvent, type LeadEventKind } from './LeadEvent';
import { acceptanceSample, conversionSample, NEUTRAL_RATING, nextRating, passSample } from './leadRating';
import { routingOrder, type RankedDealer } from './routingOrder';

const MINUTE = 60_000;

/** Told inside the transaction that gives a lead to a dealer (webhooks write their outbox row there). */
export type LeadAssignedListener = (manager: EntityManager, assigned: { lead: Lead; dealerId: string; dealerName: string; processInstanceKey: string; jobKey: string }) => Promise<void>;

/** The `lead-routing` plugin's ledger in our tables: every call is one transaction, and a repeated job key finds what its first run wrote. */
export class SqlLeadLedger implements LeadLedger {
  private readonly audit: AuditTrail;

  constructor(private readonly dataSource: DataSource, private readonly now: () => Date = () => new Date(), private readonly onAssigned?: LeadAssignedListener) {
    this.audit = new AuditTrail(dataSource);
  }

  async register(call: Omit<LeadCall, 'leadId'> & { leadId?: number; caseRef?: string; lead?: LeadIntake; startedBy?: string }): Promise<{ leadId: number; caseRef: string }> {
    const repo = this.dataSource.getRepository(Lead);
    if (call.leadId) {
      await this.dataSource.createQueryBuilder().update(Lead).set({ processInstanceKey: call.processInstanceKey }).where('id = :id AND processInstanceKey IS NULL', { id: call.leadId }).execute();
      const lead = await repo.findOneByOrFail({ id: call.leadId });
      return { leadId: lead.id, caseRef: lead.caseRef };
    }
    const mine = await repo.findOneBy({ processInstanceKey: call.processInstanceKey });
    if (mine) return { leadId: mine.id, caseRef: mine.caseRef };
    const intake = call.lead!;
    const row = repo.create({
      caseRef: call.caseRef ?? caseReference('lead-distribution', this.now()), externalId: intake.externalId ?? null, customerName: intake.customerName, phone: intake.phone, email: intake.email ?? null,
      regionCode: intake.regionCode ?? null, cityCode: intake.cityCode ?? null, model: intake.model, source: intake.source as LeadSource,
      status: 'new', processInstanceKey: call.processInstanceKey, createdBy: call.startedBy ?? 'message:lead-received', createdAt: this.now(), offers: 0,
    });
    try {
      await repo.insert(row);
      return { leadId: row.id, caseRef: row.caseRef };
    } catch (error) {
      // The same external id sent twice: the second case follows the first lead.
      const existing = intake.externalId ? await repo.findOneBy({ externalId: intake.externalId }) : null;
      if (!existing) throw error;
      return { leadId: existing.id, caseRef: existing.caseRef };
    }
  }

  offerNext(call: LeadCall & { policy: RoutingPolicy }): Promise<OfferedDealer | null> {
    return this.write(async (m) => {
      const earlier = await m.findOneBy(LeadEvent, { jobKey: call.jobKey, kind: 'offered' });
      if (earlier) return this.named(m, earlier.dealerId);
      const lead = await m.findOneByOrFail(Lead, { id: call.leadId });
      const [next] = await this.candidates(m, lead, call.policy);
      if (!next) return null;
      const expires = new Date(this.now().getTime() + call.policy.acceptSlaMinutes * MINUTE);
      await this.event(m, call, next.dealerId, 'offered');
      await m.update(Lead, { id: lead.id }, { status: 'offered', strategy: call.policy.strategy, dealerId: next.dealerId, offerExpiresAt: expires, offers: lead.offers + 1 });
      await this.record(m, call, lead, 'lead.offer', { dealerId: next.dealerId, strategy: call.policy.strategy, offerExpiresAt: expires.toISOString() });
      return { dealerId: next.dealerId, dealerName: next.dealerName };
    });
  }

  offerAll(call: LeadCall & { policy: RoutingPolicy }): Promise<OfferedDealer[]> {
    return this.write(async (m) => {
      const earlier = await m.find(LeadEvent, { where: { jobKey: call.jobKey, kind: 'offered' }, order: { id: 'ASC' } });
      if (earlier.length > 0) return Promise.all(earlier.map((e) => this.named(m, e.dealerId)));
      const lead = await m.findOneByOrFail(Lead, { id: call.leadId });
      const everyone = await this.candidates(m, lead, call.policy);
      if (everyone.length === 0) return [];
      const expires = new Date(this.now().getTime() + call.policy.acceptSlaMinutes * MINUTE);
      for (const dealer of everyone) await this.event(m, call, dealer.dealerId, 'offered');
      await m.update(Lead, { id: lead.id }, { status: 'offered', strategy: call.policy.strategy, dealerId: null, offerExpiresAt: expires, offers: lead.offers + everyone.length });
      await this.record(m, call, lead, 'lead.offer', { dealerIds: everyone.map((d) => d.dealerId), strategy: call.policy.strategy, offerExpiresAt: expires.toISOString() });
      return everyone.map(({ dealerId, dealerName }) => ({ dealerId, dealerName }));
    });
  }

  accept(call: LeadCall & { dealerId: string; acceptedBy?: string }): Promise<OfferedDealer & { responseSeconds: number }> {
    return this.write(async (m) => {
      const earlier = await m.findOneBy(LeadEvent, { jobKey: call.jobKey, dealerId: call.dealerId });
      if (earlier) return { ...(await this.named(m, call.dealerId)), responseSeconds: earlier.responseSeconds ?? 0 };
      const lead = await m.findOneByOrFail(Lead, { id: call.leadId });
      const offered = await m.findOne(LeadEvent, { where: { leadId: lead.id, dealerId: call.dealerId, kind: 'offered' }, order: { id: 'DESC' } });
      const now = this.now();
      const offeredAt = offered?.at ?? now;
      const responseSeconds = Math.max(0, Math.round((now.getTime() - offeredAt.getTime()) / 1000));
      const slaSeconds = lead.offerExpiresAt ? Math.max(1, Math.round((lead.offerExpiresAt.getTime() - offeredAt.getTime()) / 1000)) : 0;
      const rating = await this.rate(m, call.dealerId, 'speed', acceptanceSample(responseSeconds, slaSeconds));
      await this.event(m, call, call.dealerId, 'accepted', { responseSeconds, ratingAfter: rating });
      await m.update(Lead, { id: lead.id }, { status: 'accepted', dealerId: call.dealerId, acceptedAt: now, offerExpiresAt: null });
      await this.record(m, call, lead, 'lead.accept', { dealerId: call.dealerId, acceptedBy: call.acceptedBy ?? null, responseSeconds, rating });
      const dealer = await this.named(m, call.dealerId);
      if (this.onAssigned) await this.onAssigned(m, { lead, dealerId: call.dealerId, dealerName: dealer.dealerName, processInstanceKey: call.processInstanceKey, jobKey: call.jobKey });
      return { ...dealer, responseSeconds };
    });
  }

  pass(call: LeadCall & { dealerId: string; missed: boolean }): Promise<void> {
    return this.write(async (m) => {
      if (await m.findOneBy(LeadEvent, { jobKey: call.jobKey, dealerId: call.dealerId })) return;
      const lead = await m.findOneByOrFail(Lead, { id: call.leadId });
      const rating = await this.rate(m, call.dealerId, 'speed', passSample(call.missed));
      await this.event(m, call, call.dealerId, call.missed ? 'missed' : 'declined', { ratingAfter: rating });
      await m.update(Lead, { id: lead.id }, { dealerId: null, offerExpiresAt: null });
      await this.record(m, call, lead, call.missed ? 'lead.miss' : 'lead.decline', { dealerId: call.dealerId, rating });
    });
  }

  queue(call: LeadCall): Promise<void> {
    return this.write(async (m) => {
      if (await m.findOneBy(LeadEvent, { jobKey: call.jobKey, dealerId: '' })) return;
      const lead = await m.findOneByOrFail(Lead, { id: call.leadId });
      await this.event(m, call, '', 'queued');
      await m.update(Lead, { id: lead.id }, { status: 'queued', dealerId: null, offerExpiresAt: null });
      await this.record(m, call, lead, 'lead.queue', {});
    });
  }

  outcome(call: LeadOutcomeCall): Promise<{ final: boolean }> {
    const final = call.outcome === 'sold' || call.outcome === 'lost';
    return this.write(async (m) => {
      const dealerId = call.dealerId ?? '';
      if (await m.findOneBy(LeadEvent, { jobKey: call.jobKey, dealerId })) return { final };
      const lead = await m.findOneByOrFail(Lead, { id: call.leadId });
      const rating = final && call.dealerId ? await this.rate(m, call.dealerId, 'conversion', conversionSample(call.outcome as 'sold' | 'lost')) : null;
      await this.event(m, call, dealerId, 'outcome', { outcome: call.outcome, ratingAfter: rating });
      await m.update(Lead, { id: lead.id }, { status: call.outcome, lostReason: call.outcome === 'lost' ? (call.lostReason ?? null) : null });
      await this.record(m, call, lead, 'lead.outcome', { dealerId: call.dealerId, outcome: call.outcome, lostReason: call.lostReason ?? null, rating });
      return { final };
    });
  }

  /** Every dealer ranked for this lead, minus those it was offered to before (a dealer who missed or declined never gets it back). */
  private async candidates(m: EntityManager, lead: Lead, policy: RoutingPolicy): Promise<RankedDealer[]> {
    const offeredBefore = new Set((await m.find(LeadEvent, { where: { leadId: lead.id, kind: 'offered' }, select: { dealerId: true } })).map((e) => e.dealerId));
    const dealers = await m.find(Dealer, { select: { id: true, name: true } });
    const ratings = new Map((await m.find(DealerRating)).map((r) => [r.dealerId, r.score]));
    const codes = [lead.regionCode && { kind: 'region' as const, code: lead.regionCode }, lead.cityCode && { kind: 'city' as const, code: lead.cityCode }].filter((c) => !!c);
    const serving = new Set(codes.length === 0 ? [] : (await m.find(DealerTerritory, { where: codes, select: { dealerId: true } })).map((t) => t.dealerId));
    const ranked = dealers.map((d) => ({ dealerId: d.id, dealerName: d.name, rating: ratings.get(d.id) ?? NEUTRAL_RATING, inTerritory: serving.has(d.id) }));
    return routingOrder(ranked, policy).filter((d) => !offeredBefore.has(d.dealerId));
  }

  /** Moves one part of a dealer's rating; returns the new score. */
  private async rate(m: EntityManager, dealerId: string, part: 'speed' | 'conversion', sample: number): Promise<number> {
    const query = m.createQueryBuilder(DealerRating, 'r').where('r.dealerId = :dealerId', { dealerId });
    if (m.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write'); // SQLite writes are serialized anyway
    const current = await query.getOne();
    const next = nextRating(current ?? { speed: NEUTRAL_RATING, conversion: NEUTRAL_RATING }, part, sample);
    if (current) await m.update(DealerRating, { dealerId }, { ...next, events: current.events + 1, updatedAt: this.now() });
    else await m.insert(DealerRating, { dealerId, ...next, events: 1, updatedAt: this.now() });
    return next.score;
  }

  private event(m: EntityManager, call: LeadCall, dealerId: string, kind: LeadEventKind, extra: Partial<LeadEvent> = {}): Promise<unknown> {
    return m.insert(LeadEvent, { leadId: call.leadId, dealerId, kind, jobKey: call.jobKey, at: this.now(), outcome: null, responseSeconds: null, ratingAfter: null, ...extra });
  }

  private async named(m: EntityManager, dealerId: string): Promise<OfferedDealer> {
    const dealer = await m.findOneBy(Dealer, { id: dealerId });
    return { dealerId, dealerName: dealer?.name ?? dealerId };
  }

  private record(m: EntityManager, call: LeadCall, lead: Lead, action: string, payload: object): Promise<unknown> {
    return this.audit.append(m, { actor: 'system', action, subjectType: 'ProcessInstance', subjectId: call.processInstanceKey, payload: { caseRef: lead.caseRef, leadId: lead.id, ...payload } });
  }

  private write<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return retryOnDeadlock(() => this.dataSource.transaction(work));
  }
}

