import type { CreditLedger, Exposure, OverdraftGrant } from '@dealerflow/plugins';
import { In, MoreThan, Not, type DataSource, type EntityManager } from 'typeorm';
import { Reservation } from '../allocation/Reservation';
import { AuditTrail } from '../audit/AuditTrail';
import { Dealer } from '../entities/Dealer';
import { CreditNote } from '../outbox/CreditNote';
import { LedgerEntry } from './LedgerEntry';
import { Overdraft } from './Overdraft';

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

async function total(m: EntityManager, entity: typeof LedgerEntry | typeof CreditNote | typeof Reservation | typeof Overdraft, where: object): Promise<number> {
  const rows = await m.find(entity as typeof LedgerEntry, { where, select: { amount: true } });
  return round(rows.reduce((n, row) => n + row.amount, 0));
}

/** The `credit-exposure` plugin's ledger in our tables: debt from invoices, payments and warranty credit notes; reservations; overdrafts. */
export class SqlCreditLedger implements CreditLedger {
  private readonly audit: AuditTrail;

  constructor(private readonly dataSource: DataSource, private readonly now: () => Date = () => new Date()) {
    this.audit = new AuditTrail(dataSource);
  }

  async exposure(query: { dealerId: string; caseRef: string; amount: number }): Promise<Exposure> {
    return this.dataSource.transaction((m) => this.measure(m, query));
  }

  /** The exposure read inside `m`, so a caller may combine it with its own writes. */
  async measure(m: EntityManager, query: { dealerId: string; caseRef: string; amount: number }): Promise<Exposure> {
    const dealer = await m.findOneBy(Dealer, { id: query.dealerId });
    if (!dealer) throw new Error(`unknown dealer ${query.dealerId}`);
    const invoiced = await total(m, LedgerEntry, { dealerId: dealer.id, kind: 'invoice' });
    const paid = await total(m, LedgerEntry, { dealerId: dealer.id, kind: 'payment' });
    const credited = await total(m, CreditNote, { dealerId: dealer.id });
    const pendingReservations = await total(m, Reservation, { dealerId: dealer.id, state: In(['pending', 'allocated']), caseRef: Not(query.caseRef) });
    const overdraft = await total(m, Overdraft, { dealerId: dealer.id, expiresAt: MoreThan(this.now()) });
    const openDebt = round(invoiced - paid - credited);
    const sum = round(openDebt + pendingReservations + query.amount);
    const allowed = dealer.creditLimit + overdraft;
    return {
      dealerName: dealer.name,
      rating: dealer.rating,
      creditLimit: dealer.creditLimit,
      openDebt,
      pendingReservations,
      amount: query.amount,
      total: sum,
      overdraft,
      // A dealer with no limit at all is as far over it as the table can say.
      utilisation: allowed > 0 ? round(sum / allowed, 4) : sum > 0 ? 999 : 0,
      headroom: round(allowed - sum),
    };
  }

  async grantOverdraft(grant: OverdraftGrant): Promise<{ overdraftId: string; amount: number; expiresAt: string }> {
    return this.dataSource.transaction(async (m) => {
      let row = await m.findOneBy(Overdraft, { jobKey: grant.jobKey });
      if (!row) {
        const expiresAt = /^\d{4}-\d{2}-\d{2}$/.test(grant.expiresAt) ? new Date(`${grant.expiresAt}T23:59:59.999Z`) : new Date(grant.expiresAt);
        if (Number.isNaN(expiresAt.getTime())) throw new Error(`overdraft expiry "${grant.expiresAt}" is not a date`);
        await m.insert(Overdraft, { jobKey: grant.jobKey, dealerId: grant.dealerId, caseRef: grant.caseRef, amount: grant.amount, expiresAt, grantedBy: grant.grantedBy, reason: grant.reason.slice(0, 500), grantedAt: this.now() });
        row = await m.findOneByOrFail(Overdraft, { jobKey: grant.jobKey });
        await this.audit.append(m, { actor: grant.grantedBy, action: 'finance.overdraft', subjectType: 'Dealer', subjectId: grant.dealerId, payload: { caseRef: grant.caseRef, amount: grant.amount, expiresAt: expiresAt.toISOString(), reason: grant.reason } });
      }
      return { overdraftId: String(row.id), amount: row.amount, expiresAt: row.expiresAt.toISOString() };
    });
  }
}
