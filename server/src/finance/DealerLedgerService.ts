import type { Booking } from '@dealerflow/contract';
import { subject } from '@casl/ability';
import { MoreThan, type DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { CurrentUser } from '../auth/CurrentUser';
import { isUniqueViolation } from '../db/uniqueViolation';
import { Dealer } from '../entities/Dealer';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors/AppError';
import { CreditNote } from '../outbox/CreditNote';
import { LedgerEntry, type LedgerKind } from './LedgerEntry';
import { Overdraft } from './Overdraft';

/** One line of a dealer's debt as finance reads it: invoices and payments booked here, credit notes from warranty. */
export interface LedgerLine {
  kind: LedgerKind | 'creditNote';
  reference: string;
  amount: number;
  bookedAt: Date;
}

/** A dealer's ledger: the latest lines, newest first, and the overdrafts finance granted. */
export interface DealerLedger {
  lines: LedgerLine[];
  overdrafts: Pick<Overdraft, 'amount' | 'expiresAt' | 'grantedBy' | 'reason' | 'caseRef' | 'grantedAt'>[];
}

/** What an administrator books from the accounting system. */
export type { Booking } from '@dealerflow/contract';

const SHOWN = 200;

/** The open-debt ledger behind a dealer's exposure: read by whoever may see the exposure, booked by master data administrators. */
export class DealerLedgerService {
  constructor(private readonly dataSource: DataSource, private readonly audit: AuditTrail, private readonly now: () => Date = () => new Date()) {}

  async ledger(user: CurrentUser, dealerId: string): Promise<DealerLedger> {
    await this.visibleDealer(user, dealerId);
    const [entries, notes, overdrafts] = await Promise.all([
      this.dataSource.getRepository(LedgerEntry).find({ where: { dealerId }, order: { bookedAt: 'DESC', id: 'DESC' }, take: SHOWN }),
      this.dataSource.getRepository(CreditNote).find({ where: { dealerId }, order: { issuedAt: 'DESC', id: 'DESC' }, take: SHOWN }),
      this.dataSource.getRepository(Overdraft).find({ where: { dealerId, expiresAt: MoreThan(new Date(this.now().getTime() - 90 * 86_400_000)) }, order: { expiresAt: 'DESC' } }),
    ]);
    const lines: LedgerLine[] = [
      ...entries.map(({ kind, reference, amount, bookedAt }) => ({ kind, reference, amount, bookedAt })),
      ...notes.map(({ reference, amount, issuedAt }) => ({ kind: 'creditNote' as const, reference, amount, bookedAt: issuedAt })),
    ];
    lines.sort((a, b) => b.bookedAt.getTime() - a.bookedAt.getTime());
    return { lines: lines.slice(0, SHOWN), overdrafts: overdrafts.map(({ amount, expiresAt, grantedBy, reason, caseRef, grantedAt }) => ({ amount, expiresAt, grantedBy, reason, caseRef, grantedAt })) };
  }

  /** Books an invoice or a payment once: its document number is unique across dealers. */
  async book(user: CurrentUser, dealerId: string, booking: Booking): Promise<LedgerLine> {
    await this.visibleDealer(user, dealerId);
    if (user.ability.cannot('create', subject('LedgerEntry', { dealerId }))) throw new ForbiddenError('Only master data administrators book invoices and payments');
    const line = { kind: booking.kind, reference: booking.reference.trim(), amount: booking.amount, bookedAt: new Date(`${booking.bookedAt}T12:00:00.000Z`) };
    try {
      await this.dataSource.transaction(async (m) => {
        await m.insert(LedgerEntry, { dealerId, ...line });
        await this.audit.append(m, { actor: user.username, action: 'ledger.book', subjectType: 'Dealer', subjectId: dealerId, payload: { ...line, bookedAt: booking.bookedAt } });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`Document ${line.reference} is already booked`, { reference: line.reference });
      throw error;
    }
    return line;
  }

  private async visibleDealer(user: CurrentUser, dealerId: string): Promise<void> {
    const seen = user.ability.can('read', subject('DealerExposure', { dealerId })) && (await this.dataSource.getRepository(Dealer).existsBy({ id: dealerId }));
    if (!seen) throw new NotFoundError('DealerExposure', dealerId);
  }
}
