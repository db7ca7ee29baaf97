import type { RoutingPolicy } from '@dealerflow/plugins';

/** A dealer as routing weighs it. */
export interface RankedDealer {
  dealerId: string;
  dealerName: string;
  rating: number;
  /** Serves the lead's region or city. */
  inTerritory: boolean;
}

const best = (a: RankedDealer, b: RankedDealer) => b.rating - a.rating || a.dealerId.localeCompare(b.dealerId);

/**
 * The dealers a lead goes to, in order, under a policy:
 * territory — those serving its region or city, best rated first;
 * rating — every dealer rated at least the threshold, best first;
 * hybrid — the territory first, then by rating (what is left once the territory let the SLA pass);
 * first-response — everyone the territory gives, or by rating when no dealer serves it; offered at once.
 */
export function routingOrder(dealers: RankedDealer[], policy: RoutingPolicy): RankedDealer[] {
  const territory = dealers.filter((d) => d.inTerritory).sort(best);
  const rated = dealers.filter((d) => d.rating >= policy.ratingThreshold).sort(best);
  switch (policy.strategy) {
    case 'territory':
      return territory;
    case 'rating':
      return rated;
    case 'hybrid':
      return [...territory, ...rated.filter((d) => !d.inTerritory)];
    case 'first-response':
      return territory.length > 0 ? territory : rated;
  }
}
