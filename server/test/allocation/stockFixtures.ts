import type { PluginContext } from '@dealerflow/plugins';
import type { DataSource } from 'typeorm';
import { StockVehicle } from '../../src/allocation/StockVehicle';
import { Dealer } from '../../src/entities/Dealer';
import { LedgerEntry } from '../../src/finance/LedgerEntry';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A plugin context for job `jobKey` with the given task headers. */
export function jobContext(jobKey: string, headers: Record<string, string>, processInstanceKey = `pi-${jobKey}`): PluginContext {
  return { log: silent, signal: new AbortController().signal, headers, jobKey, processInstanceKey, retries: 3 };
}

/** A VIN for test vehicle `n` of `model`. */
export const vinOf = (model: string, n: number) => `XWT${model.slice(0, 2).toUpperCase()}${String(n).padStart(12, '0')}`;

/** Puts `count` free vehicles of `model` at `price` into stock. */
export async function stockUp(dataSource: DataSource, model: string, count: number, price = 2_000_000, extra: Partial<StockVehicle> = {}): Promise<string[]> {
  const rows = Array.from({ length: count }, (_, i) => ({ vin: vinOf(model, i + 1), model, trim: 'Comfort', colour: 'Белый', year: 2026, warehouse: 'Склад Москва', price, status: 'free' as const, ...extra }));
  await dataSource.getRepository(StockVehicle).insert(rows);
  return rows.map((r) => r.vin);
}

/** A dealer with a limit and an opening invoice. */
export async function dealerWithDebt(dataSource: DataSource, id: string, creditLimit: number, debt: number, rating = 4): Promise<void> {
  await dataSource.getRepository(Dealer).insert({ id, name: `Дилер ${id}`, region: 'Москва', territoryCodes: ['77'], rating, creditLimit });
  if (debt > 0) await dataSource.getRepository(LedgerEntry).insert({ dealerId: id, kind: 'invoice', reference: `INV-${id}`, amount: debt, bookedAt: new Date() });
}
