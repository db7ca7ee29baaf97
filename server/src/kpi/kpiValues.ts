import type { DealerFacts } from './KpiFacts';
import type { KpiMeasure } from './kpiMeasures';
import { percentile } from './percentile';

/** A share rounded to four places, so both databases and the page agree on the digits. */
const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

/** The value of every measure from a dealer's month of facts; null where there was nothing to measure. */
export function kpiValues(facts: DealerFacts): Record<KpiMeasure, number | null> {
  return {
    leadsTaken: facts.leadsTaken,
    responseP50: percentile(facts.responseSeconds, 50),
    responseP90: percentile(facts.responseSeconds, 90),
    conversion: share(facts.sold, facts.leadsTaken),
    tenderWinRate: share(facts.tendersWon, facts.tendersDecided),
    warrantyCycle: facts.claimSecondsMean,
  };
}
