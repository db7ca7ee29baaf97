import type { EntityManager } from 'typeorm';
import { DealerRating } from './DealerRating';
import { demoDealers } from '../demo/demoData';
import { DealerTerritory } from './DealerTerritory';
import { replaceTerritories } from './territoryCodes';

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
  for (const dealer of demoDealers) await replaceTerritories(manager, dealer.id, dealer.territoryCodes);
  await manager.insert(DealerRating, demoRatings.map(({ dealerId, score }) => ({ dealerId, score, speed: score, conversion: score, events: 0, updatedAt: now })));
}
