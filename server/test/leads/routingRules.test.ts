import { acceptanceSample, conversionSample, ewma, nextRating, passSample } from '../../src/leads/leadRating';
import { routingOrder, type RankedDealer } from '../../src/leads/routingOrder';

const dealers: RankedDealer[] = [
  { dealerId: 'd1', dealerName: 'Москва', rating: 82, inTerritory: false },
  { dealerId: 'd2', dealerName: 'Казань', rating: 74, inTerritory: true },
  { dealerId: 'd3', dealerName: 'Новосибирск', rating: 66, inTerritory: false },
  { dealerId: 'd4', dealerName: 'Казань-2', rating: 90, inTerritory: true },
];
const ids = (list: RankedDealer[]) => list.map((d) => d.dealerId);
const policy = (strategy: 'territory' | 'rating' | 'hybrid' | 'first-response', ratingThreshold = 70) => ({ strategy, ratingThreshold, acceptSlaMinutes: 60 });

describe('the routing order', () => {
  it('territory: only the dealers serving the lead, best rated first', () => {
    expect(ids(routingOrder(dealers, policy('territory')))).toEqual(['d4', 'd2']);
  });
  it('rating: every dealer at or above the threshold, best first', () => {
    expect(ids(routingOrder(dealers, policy('rating', 74)))).toEqual(['d4', 'd1', 'd2']);
  });
  it('hybrid: the territory first, then the rest by rating above the threshold', () => {
    expect(ids(routingOrder(dealers, policy('hybrid', 60)))).toEqual(['d4', 'd2', 'd1', 'd3']);
  });
  it('first response: the territory, or by rating when nobody serves the lead', () => {
    expect(ids(routingOrder(dealers, policy('first-response')))).toEqual(['d4', 'd2']);
    expect(ids(routingOrder(dealers.map((d) => ({ ...d, inTerritory: false })), policy('first-response')))).toEqual(['d4', 'd1', 'd2']);
  });
});

describe('the rating formula (docs/lead-rating.md)', () => {
  it('samples acceptance speed linearly over the SLA, declines at 50, misses at 0, sales at 100 and losses at 0', () => {
    expect(acceptanceSample(0, 3600)).toBe(100);
    expect(acceptanceSample(720, 3600)).toBe(80);
    expect(acceptanceSample(5000, 3600)).toBe(0);
    expect([passSample(false), passSample(true), conversionSample('sold'), conversionSample('lost')]).toEqual([50, 0, 100, 0]);
  });
  it('moves one part a fifth of the way to the sample and averages both parts, clamped to 0..100', () => {
    expect(ewma(74, 80)).toBe(75.2);
    expect(nextRating({ speed: 74, conversion: 74 }, 'speed', 80)).toEqual({ speed: 75.2, conversion: 74, score: 74.6 });
    expect(nextRating({ speed: 75.2, conversion: 74 }, 'conversion', 100)).toEqual({ speed: 75.2, conversion: 79.2, score: 77.2 });
    expect(nextRating({ speed: 100, conversion: 100 }, 'speed', 500).score).toBe(100);
  });
});
