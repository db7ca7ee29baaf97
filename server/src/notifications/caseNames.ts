import type { EntityManager } from 'typeorm';
import { Dealer } from '../entities/Dealer';
import { User } from '../entities/User';

/** A dealer's name for a notification's text; null when there is no dealer. */
export async function dealerName(manager: EntityManager, dealerId: unknown): Promise<string | null> {
  if (typeof dealerId !== 'string' || !dealerId) return null;
  return (await manager.findOne(Dealer, { where: { id: dealerId }, select: { id: true, name: true } }))?.name ?? dealerId;
}

/** A person's display name for a notification's text (the login when unknown, `system` stays as it is). */
export async function personName(manager: EntityManager, username: string): Promise<string> {
  return (await manager.findOne(User, { where: { username }, select: { id: true, displayName: true } }))?.displayName ?? username;
}
