import type { LeadIntake as LeadIntakeRequest } from '@dealerflow/contract';
import { isUniqueViolation } from '../db/uniqueViolation';
import { subject } from '@casl/ability';
import type { ProcessEngine } from '@dealerflow/engine';
import type { DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { CurrentUser } from '../auth/CurrentUser';
import { actingAs } from '../engine/actorContext';
import { Dealer } from '../entities/Dealer';
import { ForbiddenError } from '../errors/AppError';
import { accessibleBy } from '../permissions/accessibleBy';
import { permittedView } from '../permissions/permittedView';
import { caseReference } from '../processes/caseReference';
import { DealerRating } from './DealerRating';
import { Lead, type LeadStatus } from './Lead';
import { LeadEvent } from './LeadEvent';
import { NEUTRAL_RATING } from './leadRating';

/** A lead as the intake route takes it. */
export type { LeadIntake as LeadIntakeRequest } from '@dealerflow/contract';

/** A lead as the list shows it: the dealer by name and the seconds left to accept the open offer. */
export type LeadRow = Partial<Lead> & { dealerName: string | null; secondsLeft: number | null };

const LIMIT = 1000;

/** Lead intake (which starts `lead-distribution`), the leads list, dealer ratings and the rating events a KPI page reads. */
export class LeadService {
  constructor(private readonly dataSource: DataSource, private readonly engine: ProcessEngine, private readonly audit: AuditTrail, private readonly now: () => Date = () => new Date()) {}

  /**
   * Stores a lead and starts its case. A repeated external id answers the lead it made first
   * (`created: false`), also when both requests race: the unique index lets one insert win.
   */
  async create(user: CurrentUser, input: LeadIntakeRequest): Promise<{ lead: Lead; created: boolean }> {
    if (user.ability.cannot('create', 'Lead')) throw new ForbiddenError('You may not send leads');
    const repo = this.dataSource.getRepository(Lead);
    if (input.externalId) {
      const earlier = await repo.findOneBy({ externalId: input.externalId });
      if (earlier) return { lead: earlier, created: false };
    }
    const row = repo.create({
      caseRef: caseReference('lead-distribution', this.now()), externalId: input.externalId ?? null, customerName: input.customerName, phone: input.phone,
      email: input.email ?? null, regionCode: input.regionCode ?? null, cityCode: input.cityCode ?? null, model: input.model, source: input.source,
      status: 'new', createdBy: user.username, createdAt: this.now(), offers: 0,
    });
    try {
      await this.dataSource.transaction(async (m) => {
        await m.insert(Lead, row);
        await this.audit.append(m, { actor: user.username, action: 'lead.create', subjectType: 'Lead', subjectId: String(row.id), payload: { caseRef: row.caseRef, externalId: row.externalId, source: row.source, model: row.model, regionCode: row.regionCode, cityCode: row.cityCode } });
      });
    } catch (error) {
      const earlier = isUniqueViolation(error) && input.externalId ? await repo.findOneBy({ externalId: input.externalId }) : null;
      if (earlier) return { lead: earlier, created: false };
      throw error;
    }
    const variables = { ...input, leadId: row.id, caseRef: row.caseRef, dealerId: null, startedBy: user.username };
    const started = await actingAs({ username: user.username }, () => this.engine.createInstance('lead-distribution', variables));
    await repo.createQueryBuilder().update(Lead).set({ processInstanceKey: started.processInstanceKey }).where('id = :id AND processInstanceKey IS NULL', { id: row.id }).execute();
    return { lead: { ...row, processInstanceKey: started.processInstanceKey }, created: true };
  }

  /** The leads the user may see (dealers: those offered to or taken by them), newest first, with dealer names and time left. */
  async list(user: CurrentUser, filter: { status?: LeadStatus } = {}): Promise<LeadRow[]> {
    const query = this.dataSource.getRepository(Lead).createQueryBuilder('l').orderBy('l.id', 'DESC').take(LIMIT);
    if (filter.status) query.andWhere('l.status = :status', { status: filter.status });
    const rows = (await accessibleBy(query, user.ability, 'read', 'Lead').getMany())
      .map((row) => permittedView(user.ability, 'read', 'Lead', row))
      .filter((row): row is Partial<Lead> => row !== null);
    const names = new Map((await this.dataSource.getRepository(Dealer).find({ select: { id: true, name: true } })).map((d) => [d.id, d.name]));
    const now = this.now().getTime();
    return rows.map((row) => ({
      ...row,
      dealerName: row.dealerId ? (names.get(row.dealerId) ?? null) : null,
      secondsLeft: row.status === 'offered' && row.offerExpiresAt ? Math.max(0, Math.floor((row.offerExpiresAt.getTime() - now) / 1000)) : null,
    }));
  }

  /** A dealer's lead rating (0..100); a dealer never rated has the neutral 50. */
  async ratingOf(dealerId: string): Promise<number> {
    const row = await this.dataSource.getRepository(DealerRating).findOneBy({ dealerId });
    return row?.score ?? NEUTRAL_RATING;
  }

  /** The ratings the user may see, best first, with dealer names. */
  async ratings(user: CurrentUser): Promise<(Partial<DealerRating> & { dealerName: string | null })[]> {
    const query = this.dataSource.getRepository(DealerRating).createQueryBuilder('r').orderBy('r.score', 'DESC').addOrderBy('r.dealerId', 'ASC');
    const rows = await accessibleBy(query, user.ability, 'read', 'DealerRating').getMany();
    const names = new Map((await this.dataSource.getRepository(Dealer).find({ select: { id: true, name: true } })).map((d) => [d.id, d.name]));
    return rows.map((row) => ({ ...row, dealerName: names.get(row.dealerId) ?? null }));
  }

  /** Routing events of one dealer since a moment, oldest first (offers, acceptances with response times, misses, outcomes): what a KPI page counts. */
  async events(user: CurrentUser, dealerId: string, since: Date): Promise<LeadEvent[]> {
    if (user.ability.cannot('read', subject('DealerRating', { dealerId }))) return [];
    return this.dataSource.getRepository(LeadEvent).createQueryBuilder('e')
      .where('e.dealerId = :dealerId AND e.at >= :since', { dealerId, since })
      .orderBy('e.at', 'ASC').addOrderBy('e.id', 'ASC').take(10_000).getMany();
  }
}
