import type { EntityManager } from 'typeorm';
import { DealerRating } from './DealerRating';
import { DealerTerritory, type TerritoryKind } from './DealerTerritory';

/** The demo dealers' territories: region codes (as on number plates) and city codes. */
export const demoTerritories: { dealerId: string; kind: TerritoryKind; code: string }[] = [
  ...['77', '50', '69'].map((code) => ({ dealerId: 'dealer1', kind: 'region' as const, code })),
  { dealerId: 'dealer1', kind: 'city', code: 'MOW' },
  ...['16', '12', '21'].map((code) => ({ dealerId: 'dealer2', kind: 'region' as const, code })),
  { dealerId: 'dealer2', kind: 'city', code: 'KZN' },
  ...['54', '42', '22'].map((code) => ({ dealerId: 'dealer3', kind: 'region' as const, code })),
  { dealerId: 'dealer3', kind: 'city', code: 'OVB' },
  // Moscow region is shared: leads from there go to the better-rated dealer first.
  { dealerId: 'dealer2', kind: 'region', code: '50' },
];

/** The demo dealers' starting lead ratings (0..100). */
export const demoRatings: { dealerId: string; score: number }[] = [
  { dealerId: 'dealer1', score: 82 },
  { dealerId: 'dealer2', score: 74 },
  { dealerId: 'dealer3', score: 66 },
];

/** Stores the demo territories and ratings (fresh databases: the migration found no dealers to carry over). */
export async function seedLeadNetwork(manager: EntityManager, now = new Date()): Promise<void> {
  await manager.createQueryBuilder().delete().from(DealerTerritory).execute();
  await manager.createQueryBuilder().delete().from(DealerRating).execute();
  await manager.insert(DealerTerritory, demoTerritories.map((t) => ({ ...t })));
  await manager.insert(DealerRating, demoRatings.map(({ dealerId, score }) => ({ dealerId, score, speed: score, conversion: score, events: 0, updatedAt: now })));
}
