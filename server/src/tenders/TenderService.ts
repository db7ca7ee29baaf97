import { subject } from '@casl/ability';
import type { ProcessEngine, Variables } from '@dealerflow/engine';
import type { FieldError } from '@dealerflow/forms';
import { In, type DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { CurrentUser } from '../auth/CurrentUser';
import { actingAs } from '../engine/actorContext';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors/AppError';
import { accessibleBy } from '../permissions/accessibleBy';
import { Tender, type TenderState } from './Tender';
import { TenderLock } from './TenderLock';
import { TenderOutcome } from './TenderOutcome';
import { TenderProduct } from './TenderProduct';

const DAY = 86_400_000;
const LIMIT = 2000;
/** The group that verifies tenders and may extend their locks. */
export const TENDER_APPROVER_GROUP = 'sales';
/** A lock may be extended this many times. */
export const MAX_EXTENSIONS = 1;

/** A tender as the list shows it: no registry internals. */
export type TenderRow = Omit<Tender, 'lastJobKey' | 'lastResult' | 'processInstanceKey' | 'tenderKey'> & { processInstanceKey: string };

/** A dealer's reported tender results, for the dealer rating and KPIs. */
export interface TenderOutcomes {
  dealerId: string;
  won: number;
  lost: number;
  items: Pick<TenderOutcome, 'caseRef' | 'tenderNumber' | 'outcome' | 'reportedAt'>[];
}

/** The Tenders screen, lock extensions and the product catalog; lists filtered in SQL by the user's rules. */
export class TenderService {
  constructor(private readonly dataSource: DataSource, private readonly engine: ProcessEngine, private readonly audit: AuditTrail) {}

  /** The tenders the user may see (dealers: their own; the distributor: all), newest first. */
  async list(user: CurrentUser, filter: { state?: TenderState } = {}): Promise<TenderRow[]> {
    const query = this.dataSource.getRepository(Tender).createQueryBuilder('t').orderBy('t.id', 'DESC').take(LIMIT);
    if (filter.state) query.andWhere('t.state = :state', { state: filter.state });
    const rows = await accessibleBy(query, user.ability, 'read', 'Tender').getMany();
    return rows.map(({ lastJobKey: _job, lastResult: _result, tenderKey: _key, ...row }) => row);
  }

  /** Extends a locked tender by `days`, once: 409 naming why when it is not locked or was extended already. */
  async extend(user: CurrentUser, caseRef: string, { days, reason }: { days: number; reason: string }): Promise<{ lockedUntil: string }> {
    const tender = await this.dataSource.getRepository(Tender).findOneBy({ caseRef });
    if (!tender || user.ability.cannot('read', subject('Tender', { ...tender }))) throw new NotFoundError('Tender', caseRef);
    if (user.ability.cannot('update', subject('Tender', { ...tender, approverGroup: TENDER_APPROVER_GROUP }))) throw new ForbiddenError('Only the sales approvers extend tender locks');
    if (tender.state !== 'locked' || !tender.heldUntil) throw new ConflictError(`Тендер ${tender.tenderNumber} не закреплён: продлевать нечего / Tender ${tender.tenderNumber} is not locked, so there is nothing to extend`, { caseRef, state: tender.state });
    if (tender.extensions >= MAX_EXTENSIONS) throw new ConflictError(`Закрепление тендера ${tender.tenderNumber} уже продлевалось, второй раз продлить нельзя / The lock of tender ${tender.tenderNumber} was extended once already; it cannot be extended again`, { caseRef, extensions: tender.extensions });
    const lockedUntil = new Date(tender.heldUntil.getTime() + days * DAY);
    await this.dataSource.transaction(async (m) => {
      // Conditional: of two approvers extending at once, one changes the row and the other gets the 409.
      const changed = await m.update(Tender, { id: tender.id, state: 'locked', extensions: tender.extensions }, { extensions: tender.extensions + 1, heldUntil: lockedUntil });
      if (changed.affected !== 1) throw new ConflictError(`Закрепление тендера ${tender.tenderNumber} уже продлили / The lock of tender ${tender.tenderNumber} was just extended`, { caseRef });
      await m.update(TenderLock, { caseRef, state: 'locked' }, { until: lockedUntil });
      await this.audit.append(m, { actor: user.username, action: 'tender.extend', subjectType: 'Tender', subjectId: caseRef, payload: { days, reason, lockedUntil: lockedUntil.toISOString() } });
    });
    // The process waits on the old date: the message restarts its lock period at the new one.
    await actingAs({ username: user.username }, () => this.engine.publishMessage({ name: 'tender-reservation-extended', correlationKey: caseRef, variables: { lockedUntil: lockedUntil.toISOString(), extendedBy: user.username, extensionReason: reason }, timeToLive: 60_000 }));
    return { lockedUntil: lockedUntil.toISOString() };
  }

  /** A dealer's won and lost tenders (newest first): the input the dealer rating and KPIs read. Callers check who may see it. */
  async tenderOutcomes(dealerId: string): Promise<TenderOutcomes> {
    const items = await this.dataSource.getRepository(TenderOutcome).find({ where: { dealerId }, order: { reportedAt: 'DESC' }, select: { caseRef: true, tenderNumber: true, outcome: true, reportedAt: true } });
    return { dealerId, won: items.filter((i) => i.outcome === 'won').length, lost: items.filter((i) => i.outcome === 'lost').length, items };
  }

  /** The start form's products must be models of the catalog. */
  readonly checkApplication = async (variables: Variables): Promise<FieldError[]> => {
    const lines = Array.isArray(variables.products) ? (variables.products as { productCode?: string }[]) : [];
    const codes = [...new Set(lines.map((l) => String(l.productCode ?? '')))];
    const offered = new Set((await this.dataSource.getRepository(TenderProduct).findBy({ code: In(codes), active: true })).map((p) => p.code));
    return lines.flatMap((line, i) => (offered.has(String(line.productCode)) ? [] : [{ field: `products.${i}.productCode`, message: 'is not a model the catalog offers' }]));
  };
}
