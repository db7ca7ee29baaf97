import { In, IsNull, LessThanOrEqual, type DataSource } from 'typeorm';
import { User } from '../entities/User';
import { MailMessage } from './MailMessage';
import { Notification } from './Notification';
import { NotificationMailbox } from './NotificationMailbox';
import { NotificationPreference } from './NotificationPreference';
import { digestMail } from './notificationTexts';

/**
 * Once a day, mails each person who chose the daily digest for some kinds their unread
 * notifications of those kinds. A notification goes into one digest at most, and a person
 * gets one digest per day however many servers run it.
 */
export class DailyDigest {
  constructor(private readonly dataSource: DataSource, private readonly options: { baseUrl?: string | null } = {}) {}

  /** Writes the day's digests into the SMTP outbox; returns the logins that got one. */
  async run(now = new Date()): Promise<string[]> {
    const day = now.toISOString().slice(0, 10);
    const chosen = await this.dataSource.getRepository(NotificationPreference).findBy({ email: 'daily' });
    const kindsOf = new Map<string, string[]>();
    for (const p of chosen) kindsOf.set(p.username, [...(kindsOf.get(p.username) ?? []), p.kind]);
    const digested: string[] = [];
    for (const [username, kinds] of kindsOf) {
      const dedupeKey = `digest:${username}:${day}`;
      if (await this.dataSource.getRepository(MailMessage).existsBy({ dedupeKey })) continue;
      const mailbox = await this.dataSource.getRepository(NotificationMailbox).findOneBy({ username });
      if (!mailbox) continue;
      const items = await this.dataSource.getRepository(Notification).find({
        where: { recipient: username, kind: In(kinds), readAt: IsNull(), digestedAt: IsNull(), createdAt: LessThanOrEqual(now) },
        order: { createdAt: 'ASC' },
        take: 100,
      });
      if (!items.length) continue;
      const locale = (await this.dataSource.getRepository(User).findOne({ where: { username }, select: { id: true, locale: true } }))?.locale;
      const took = await this.dataSource.transaction(async (manager) => {
        // Whoever marks them first writes the digest; a concurrent run finds them taken and writes nothing.
        const marked = await manager.createQueryBuilder().update(Notification).set({ digestedAt: now })
          .where('id IN (:...ids) AND digestedAt IS NULL', { ids: items.map((n) => n.id) }).execute();
        if (marked.affected !== items.length) throw new DigestTaken();
        const text = digestMail(items, locale, this.options.baseUrl ?? null);
        await manager.insert(MailMessage, { dedupeKey, username, address: mailbox.address, subject: text.subject, body: text.body, attempts: 0, nextAttemptAt: now, lockedUntil: null, sentAt: null, failedAt: null, lastError: null, createdAt: now });
        return true;
      }).catch((error: unknown) => {
        if (error instanceof DigestTaken || isDuplicate(error)) return false;
        throw error;
      });
      if (took) digested.push(username);
    }
    return digested;
  }
}

class DigestTaken extends Error {}

const isDuplicate = (error: unknown) => /UNIQUE|Duplicate entry/i.test(error instanceof Error ? error.message : String(error));
