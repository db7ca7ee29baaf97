import type { EntityManager } from 'typeorm';
import { Dealer } from '../entities/Dealer';
import { Task } from './Task';

/** The display name a task copies for its dealer: empty when it has none or the dealer is unknown. */
export async function dealerNameOf(manager: EntityManager, dealerId: string | null): Promise<string> {
  if (!dealerId) return '';
  const dealer = await manager.findOne(Dealer, { where: { id: dealerId }, select: { id: true, name: true } });
  return dealer?.name ?? '';
}

/** A renamed dealer's open tasks take the new name, in the rename's transaction, so the queue's name order follows at once. */
export async function renameDealerOnTasks(manager: EntityManager, dealerId: string, name: string): Promise<void> {
  await manager.createQueryBuilder().update(Task).set({ dealerName: name }).where('dealerId = :dealerId AND state = :open', { dealerId, open: 'open' }).execute();
}
