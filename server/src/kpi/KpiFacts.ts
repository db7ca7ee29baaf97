import type { DataSource } from 'typeorm';
import { ProcessInstanceRecord } from '../instances/ProcessInstanceRecord';
import { LeadEvent } from '../leads/LeadEvent';
import { TenderOutcome } from '../tenders/TenderOutcome';
import { monthRange } from './kpiMeasures';

/** What one dealer did in one month, as counted from the lead, tender and instance tables. */
export interface DealerFacts {
  /** Leads the dealer accepted in the month. */
  leadsTaken: number;
  /** Of those, the ones the dealer reported sold (whenever). */
  sold: number;
  /** Seconds from offer to acceptance of every lead taken in the month. */
  responseSeconds: number[];
  tendersWon: number;
  /** Tenders whose result (won or lost) was reported in the month. */
  tendersDecided: number;
  /** Warranty claims completed in the month. */
  claimsClosed: number;
  /** Their mean duration from filing to completion, in seconds. */
  claimSecondsMean: number | null;
}

const none = (): DealerFacts => ({ leadsTaken: 0, sold: 0, responseSeconds: [], tendersWon: 0, tendersDecided: 0, claimsClosed: 0, claimSecondsMean: null });

/** The month's facts per dealer, counted in SQL; only response times come back row by row, for their percentiles. */
export class KpiFacts {
  constructor(private readonly dataSource: DataSource) {}

  async month(dealerIds: string[], month: string): Promise<Map<string, DealerFacts>> {
    const facts = new Map(dealerIds.map((id) => [id, none()]));
    if (dealerIds.length === 0) return facts;
    const { from, to } = monthRange(month);
    const taken = await this.dataSource.createQueryBuilder()
      .select('a.dealerId', 'dealerId').addSelect('COUNT(DISTINCT a.leadId)', 'taken').addSelect('COUNT(DISTINCT s.leadId)', 'sold')
      .from(LeadEvent, 'a')
      .leftJoin(LeadEvent, 's', "s.leadId = a.leadId AND s.dealerId = a.dealerId AND s.kind = 'outcome' AND s.outcome = 'sold'")
      .where("a.kind = 'accepted' AND a.at >= :from AND a.at < :to AND a.dealerId IN (:...dealerIds)", { from, to, dealerIds })
      .groupBy('a.dealerId').getRawMany<{ dealerId: string; taken: string | number; sold: string | number }>();
    for (const row of taken) Object.assign(facts.get(row.dealerId)!, { leadsTaken: Number(row.taken), sold: Number(row.sold) });
    const times = await this.dataSource.createQueryBuilder()
      .select('e.dealerId', 'dealerId').addSelect('e.responseSeconds', 'seconds')
      .from(LeadEvent, 'e')
      .where("e.kind = 'accepted' AND e.responseSeconds IS NOT NULL AND e.at >= :from AND e.at < :to AND e.dealerId IN (:...dealerIds)", { from, to, dealerIds })
      .getRawMany<{ dealerId: string; seconds: string | number }>();
    for (const row of times) facts.get(row.dealerId)!.responseSeconds.push(Number(row.seconds));
    const tenders = await this.dataSource.createQueryBuilder()
      .select('o.dealerId', 'dealerId').addSelect("SUM(CASE WHEN o.outcome = 'won' THEN 1 ELSE 0 END)", 'won').addSelect('COUNT(*)', 'decided')
      .from(TenderOutcome, 'o')
      .where('o.reportedAt >= :from AND o.reportedAt < :to AND o.dealerId IN (:...dealerIds)', { from, to, dealerIds })
      .groupBy('o.dealerId').getRawMany<{ dealerId: string; won: string | number; decided: string | number }>();
    for (const row of tenders) Object.assign(facts.get(row.dealerId)!, { tendersWon: Number(row.won), tendersDecided: Number(row.decided) });
    const seconds = this.dataSource.options.type === 'better-sqlite3'
      ? '(julianday(p.endedAt) - julianday(p.startedAt)) * 86400.0'
      : 'TIMESTAMPDIFF(MICROSECOND, p.startedAt, p.endedAt) / 1000000.0';
    const claims = await this.dataSource.createQueryBuilder()
      .select('p.dealerId', 'dealerId').addSelect('COUNT(*)', 'closed').addSelect(`AVG(${seconds})`, 'mean')
      .from(ProcessInstanceRecord, 'p')
      .where("p.bpmnProcessId = 'warranty-claim' AND p.state = 'completed' AND p.endedAt >= :from AND p.endedAt < :to AND p.dealerId IN (:...dealerIds)", { from, to, dealerIds })
      .groupBy('p.dealerId').getRawMany<{ dealerId: string; closed: string | number; mean: string | number | null }>();
    for (const row of claims) Object.assign(facts.get(row.dealerId)!, { claimsClosed: Number(row.closed), claimSecondsMean: row.mean === null ? null : Math.round(Number(row.mean)) });
    return facts;
  }
}
