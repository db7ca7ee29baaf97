import type { EntityManager } from 'typeorm';
import { DealerTerritory, type TerritoryKind } from './DealerTerritory';

/** A dealer's territory code read as lead routing matches it: digits are a region (as on number plates), letters a city (`KZN`). */
export function territoryOf(code: string): { kind: TerritoryKind; code: string } {
  return /^\d+$/.test(code) ? { kind: 'region', code } : { kind: 'city', code: code.toUpperCase() };
}

/** Makes the territories lead routing reads for `dealerId` exactly `codes` (in the caller's transaction). */
export async function replaceTerritories(manager: EntityManager, dealerId: string, codes: readonly string[]): Promise<void> {
  await manager.delete(DealerTerritory, { dealerId });
  const unique = new Map(codes.map((code) => territoryOf(code)).map((t) => [`${t.kind}:${t.code}`, { dealerId, ...t }]));
  if (unique.size > 0) await manager.insert(DealerTerritory, [...unique.values()]);
}
