import { In, type EntityManager } from 'typeorm';
import { User } from '../entities/User';
import { ProcessInstanceRecord } from '../instances/ProcessInstanceRecord';
import { personName, dealerName } from './caseNames';
import { mentionedLogins } from './mentionedLogins';
import type { NotificationService } from './NotificationService';

const EXCERPT_LENGTH = 140;

/**
 * Tells the people a comment mentions as `@login`, inside the comment's transaction. Only people
 * who may work on the case hear of it: distributor staff, or staff of the case's dealer.
 */
export async function notifyMentions(manager: EntityManager, notifications: NotificationService, comment: { id: string; processInstanceKey: string; author: string; body: string }): Promise<string[]> {
  const logins = mentionedLogins(comment.body).filter((login) => login !== comment.author);
  if (!logins.length) return [];
  const instance = await manager.findOne(ProcessInstanceRecord, { where: { key: comment.processInstanceKey }, select: { key: true, dealerId: true, caseRef: true } });
  const people = await manager.find(User, { where: { username: In(logins) }, select: { id: true, username: true, dealerId: true } });
  const reachable = people.filter((p) => p.dealerId === null || p.dealerId === (instance?.dealerId ?? null)).map((p) => p.username);
  if (!reachable.length) return [];
  const excerpt = comment.body.length > EXCERPT_LENGTH ? `${comment.body.slice(0, EXCERPT_LENGTH - 1)}…` : comment.body;
  return notifications.notify(manager, {
    recipients: { users: reachable },
    kind: 'comment.mention',
    params: { actorName: await personName(manager, comment.author), caseRef: instance?.caseRef ?? null, dealerName: await dealerName(manager, instance?.dealerId), excerpt },
    link: `/cases/${comment.processInstanceKey}`,
    cause: `comment.mention:${comment.id}`,
  });
}
