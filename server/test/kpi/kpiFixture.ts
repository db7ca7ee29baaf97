import type { DataSource } from 'typeorm';
import { InstanceProjection } from '../../src/instances/InstanceProjection';
import { SqlLeadLedger } from '../../src/leads/SqlLeadLedger';
import { SqlTenderRegistry } from '../../src/tenders/SqlTenderRegistry';

const policy = { strategy: 'rating' as const, ratingThreshold: 0, acceptSlaMinutes: 60 };
const SECOND = 1000;
const DAY = 86_400_000;

/**
 * Known facts for March 2026, written through the same ledgers the plugins use and the instance
 * projection the engine feeds, each on a clock the test sets: leads offered and taken after a
 * given number of seconds, tender results, and warranty claims of given durations.
 */
export class KpiFixture {
  private clock = new Date(0);
  private readonly leads: SqlLeadLedger;
  private readonly tenders: SqlTenderRegistry;
  private readonly projection = new InstanceProjection();
  private serial = 0;

  constructor(private readonly dataSource: DataSource) {
    this.leads = new SqlLeadLedger(dataSource, () => this.clock);
    this.tenders = new SqlTenderRegistry(dataSource, () => this.clock);
  }

  /** A lead offered to every dealer at `offeredAt` and taken by `dealerId` `seconds` later; `outcome` reported after that. */
  async lead(dealerId: string, offeredAt: string, seconds: number, outcome?: 'sold' | 'lost'): Promise<void> {
    const key = `kpi-lead-${++this.serial}`;
    this.clock = new Date(offeredAt);
    const { leadId } = await this.leads.register({ jobKey: `${key}-r`, processInstanceKey: key, lead: { customerName: `Клиент ${this.serial}`, phone: '+7 900 000-00-00', model: 'Rio', source: 'site', externalId: key } });
    await this.leads.offerAll({ jobKey: `${key}-o`, processInstanceKey: key, leadId, policy });
    this.clock = new Date(this.clock.getTime() + seconds * SECOND);
    await this.leads.accept({ jobKey: `${key}-a`, processInstanceKey: key, leadId, dealerId });
    if (!outcome) return;
    this.clock = new Date(this.clock.getTime() + DAY);
    await this.leads.outcome({ jobKey: `${key}-out`, processInstanceKey: key, leadId, dealerId, outcome });
  }

  /** A tender of `dealerId` locked and reported `outcome` at `reportedAt`. */
  async tender(dealerId: string, reportedAt: string, outcome: 'won' | 'lost'): Promise<void> {
    const n = ++this.serial;
    const call = { jobKey: `kpi-tender-${n}`, processInstanceKey: `kpi-tender-${n}`, dealerId, caseRef: `TR-KPI-${n}` };
    this.clock = new Date(new Date(reportedAt).getTime() - 10 * DAY);
    const application = { tenderNumber: `03731000560240${String(n).padStart(5, '0')}`, platform: 'eis-44', customerInn: `77070${String(n).padStart(5, '0')}`, customerName: `Заказчик ${n}`, tenderObject: `Поставка ${n}`, products: [{ productCode: 'K5', quantity: 1 }], expectedDate: '2026-06-01' };
    await this.tenders.register({ ...call, application, windowDays: 30, holdDays: 3 });
    await this.tenders.lock({ ...call, jobKey: `${call.jobKey}-l`, days: 30, decidedBy: 'approver.sales' });
    this.clock = new Date(reportedAt);
    await this.tenders.recordOutcome({ ...call, jobKey: `${call.jobKey}-o`, outcome, reportedBy: `${dealerId}.manager` });
  }

  /** A case of `bpmnProcessId` for `dealerId` from `startedAt` to `endedAt` (still running when null). */
  async claim(dealerId: string, startedAt: string, endedAt: string | null, state: 'completed' | 'terminated' = 'completed', bpmnProcessId = 'warranty-claim'): Promise<void> {
    const key = `kpi-claim-${++this.serial}`;
    await this.dataSource.transaction(async (m) => {
      await this.projection.created(m, { type: 'instance.created', eventKey: `instance.created:${key}`, processInstanceKey: key, bpmnProcessId, version: 1, variables: { dealerId, caseRef: `WC-KPI-${this.serial}` } }, new Date(startedAt));
      if (endedAt) await this.projection.ended(m, key, state, new Date(endedAt));
    });
  }
}

/**
 * March 2026 as the report must count it:
 * dealer1 took 5 leads in 30, 600, 120, 900 and 45 s (p50 120, p90 900) and sold 2 (40 %); won 2 of 3 tenders;
 * closed claims of 2 and 4 days (mean 3 days). dealer2 took a lead offered on 28 February and accepted after
 * midnight (1200 s) and one in 300 s (p50 300, p90 1200), sold 1 (50 %); lost its one tender; closed a claim of
 * 1.5 days begun in February. dealer3 did nothing. Around them, facts of February, April, other processes,
 * terminated and running claims that must not count.
 */
export async function writeMarch(fixture: KpiFixture): Promise<void> {
  await fixture.lead('dealer1', '2026-03-02T09:00:00Z', 30, 'sold');
  await fixture.lead('dealer1', '2026-03-05T10:00:00Z', 600, 'lost');
  await fixture.lead('dealer1', '2026-03-10T11:00:00Z', 120, 'sold');
  await fixture.lead('dealer1', '2026-03-15T12:00:00Z', 900);
  await fixture.lead('dealer1', '2026-03-20T13:00:00Z', 45);
  await fixture.lead('dealer1', '2026-02-20T13:00:00Z', 5, 'sold');
  await fixture.lead('dealer2', '2026-02-28T23:50:00Z', 1200, 'sold');
  await fixture.lead('dealer2', '2026-03-12T08:00:00Z', 300, 'lost');
  await fixture.lead('dealer2', '2026-03-31T23:59:00Z', 60, 'sold');
  await fixture.tender('dealer1', '2026-03-03T10:00:00Z', 'won');
  await fixture.tender('dealer1', '2026-03-13T10:00:00Z', 'lost');
  await fixture.tender('dealer1', '2026-03-23T10:00:00Z', 'won');
  await fixture.tender('dealer1', '2026-02-23T10:00:00Z', 'lost');
  await fixture.tender('dealer2', '2026-03-25T10:00:00Z', 'lost');
  await fixture.claim('dealer1', '2026-03-01T08:00:00Z', '2026-03-03T08:00:00Z');
  await fixture.claim('dealer1', '2026-03-10T08:00:00Z', '2026-03-14T08:00:00Z');
  await fixture.claim('dealer1', '2026-03-10T08:00:00Z', '2026-03-11T08:00:00Z', 'terminated');
  await fixture.claim('dealer1', '2026-03-10T08:00:00Z', null);
  await fixture.claim('dealer1', '2026-03-10T08:00:00Z', '2026-03-20T08:00:00Z', 'completed', 'vehicle-allocation');
  await fixture.claim('dealer2', '2026-02-27T12:00:00Z', '2026-03-01T00:00:00Z');
  await fixture.claim('dealer2', '2026-03-30T12:00:00Z', '2026-04-02T00:00:00Z');
}
