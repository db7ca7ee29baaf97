import type { EntityManager } from 'typeorm';
import { DealerPlan } from './DealerPlan';
import type { KpiMeasure } from './kpiMeasures';
import { monthOf } from './kpiMeasures';

/** The demo dealers' monthly targets: Moscow is the biggest, Novosibirsk the smallest. */
export const demoTargets: Record<string, Record<KpiMeasure, number>> = {
  dealer1: { leadsTaken: 40, responseP50: 600, responseP90: 1800, conversion: 0.25, tenderWinRate: 0.4, warrantyCycle: 3 * 86_400 },
  dealer2: { leadsTaken: 30, responseP50: 900, responseP90: 2400, conversion: 0.2, tenderWinRate: 0.35, warrantyCycle: 4 * 86_400 },
  dealer3: { leadsTaken: 15, responseP50: 1200, responseP90: 3000, conversion: 0.15, tenderWinRate: 0.3, warrantyCycle: 5 * 86_400 },
};

/** Stores the demo plans for the month of `now` and the two before it. */
export async function seedDemoPlans(manager: EntityManager, now = new Date()): Promise<void> {
  const rows = [-2, -1, 0].flatMap((shift) => Object.entries(demoTargets).flatMap(([dealerId, targets]) =>
    Object.entries(targets).map(([measure, target]) => ({ dealerId, month: monthOf(now, shift), measure: measure as KpiMeasure, target, updatedBy: 'system', updatedAt: now }))));
  await manager.insert(DealerPlan, rows);
}
