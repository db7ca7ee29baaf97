import { createHash, randomUUID } from 'node:crypto';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { CurrentUser } from '../auth/CurrentUser';
import { NotFoundError } from '../errors/AppError';
import { MailMessage } from './MailMessage';
import { Notification, type NotificationParams } from './Notification';
import { NotificationMailbox } from './NotificationMailbox';
import { NotificationPreference } from './NotificationPreference';
import type { NotificationKind } from './notificationKinds';
import { instantMail } from './notificationTexts';
import { resolveAudience, type Audience } from './resolveAudience';

/** What a feature asks to tell people. */
export interface NotifyRequest {
  recipients: Audience;
  kind: NotificationKind;
  /** Values the text names: people and dealers by name (resolved by the caller), references, dates as ISO strings. */
  params: NotificationParams;
  /** Where the notification opens in the web app: `/inbox/<taskKey>` or `/cases/<instanceKey>`. */
  link: string | null;
  /** What caused it, unique per cause (e.g. `task.created:<taskKey>`): the same cause notifies each person once. */
  cause: string;
}

/** A notification as its recipient reads it. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  params: NotificationParams;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/** How notifications reach people beyond the bell. */
export interface NotificationOptions {
  /** The web app's address for links in e-mails. */
  baseUrl?: string | null;
  /** False when no SMTP server is configured: nothing is queued for e-mail. */
  mailEnabled?: boolean;
}

/** How many recent notifications the bell lists at most. */
export const MAX_LISTED = 50;

const keyFor = (cause: string, username: string) => {
  const key = `${cause}:${username}`;
  return key.length <= 191 ? key : `${key.slice(0, 120)}#${createHash('sha256').update(key).digest('hex')}`;
};

/** The default when a person has no preference row for a kind. */
const DEFAULT_PREFERENCE = { inApp: true, email: 'instant' } as const;

const view = (n: Notification): NotificationView => ({ id: n.id, kind: n.kind, params: n.params, link: n.link, createdAt: n.createdAt, readAt: n.readAt });

/**
 * Writes notifications in the caller's transaction, so they commit with the change that caused
 * them, and the e-mails they need into the SMTP outbox in the same transaction. Everyone reads only their own.
 */
export class NotificationService {
  constructor(private readonly dataSource: DataSource, private readonly options: NotificationOptions = {}) {}

  /**
   * Notifies the audience inside `manager`'s transaction, honouring each person's preferences.
   * Idempotent per cause and person. Returns the logins notified (in the bell or by e-mail).
   */
  async notify(manager: EntityManager, request: NotifyRequest): Promise<string[]> {
    const people = await resolveAudience(manager, request.recipients);
    if (!people.length) return [];
    const usernames = people.map((p) => p.username);
    const preferences = new Map((await manager.find(NotificationPreference, { where: { username: In(usernames), kind: request.kind } })).map((p) => [p.username, p]));
    const mailboxes = new Map((await manager.find(NotificationMailbox, { where: { username: In(usernames) } })).map((m) => [m.username, m.address]));
    const now = new Date();
    const notified: string[] = [];
    for (const person of people) {
      const preference = preferences.get(person.username) ?? DEFAULT_PREFERENCE;
      const address = mailboxes.get(person.username);
      const email = address && this.options.mailEnabled ? preference.email : 'off';
      if (!preference.inApp && email === 'off') continue;
      const dedupeKey = keyFor(request.cause, person.username);
      await manager.createQueryBuilder().insert().into(Notification).values({
        id: randomUUID(), recipient: person.username, kind: request.kind, params: request.params, link: request.link,
        dedupeKey, shown: preference.inApp, createdAt: now, readAt: null, digestedAt: null,
      }).orIgnore().execute();
      if (email === 'instant' && address) {
        const text = instantMail(request.kind, request.params, request.link, person.locale, this.options.baseUrl ?? null);
        await manager.createQueryBuilder().insert().into(MailMessage).values({
          dedupeKey, username: person.username, address, subject: text.subject, body: text.body,
          attempts: 0, nextAttemptAt: now, lockedUntil: null, sentAt: null, failedAt: null, lastError: null, createdAt: now,
        }).orIgnore().execute();
      }
      notified.push(person.username);
    }
    return notified;
  }

  /** Notifies in a transaction of its own, for callers with no business change to join. */
  notifyNow(request: NotifyRequest): Promise<string[]> {
    return this.dataSource.transaction((manager) => this.notify(manager, request));
  }

  /** The user's recent notifications in the bell, newest first, and how many are unread. */
  async list(user: CurrentUser, options: { unreadOnly?: boolean; limit?: number } = {}): Promise<{ items: NotificationView[]; unread: number }> {
    const where = { recipient: user.username, shown: true, ...(options.unreadOnly ? { readAt: IsNull() } : {}) };
    const rows = await this.dataSource.getRepository(Notification).find({ where, order: { createdAt: 'DESC', id: 'ASC' }, take: Math.min(options.limit ?? MAX_LISTED, MAX_LISTED) });
    return { items: rows.map(view), unread: await this.unreadCount(user) };
  }

  /** How many of the user's notifications in the bell are unread. */
  unreadCount(user: CurrentUser): Promise<number> {
    return this.dataSource.getRepository(Notification).countBy({ recipient: user.username, shown: true, readAt: IsNull() });
  }

  /** Marks one of the user's notifications read (again is fine); 404 for anyone else's. */
  async markRead(user: CurrentUser, id: string): Promise<NotificationView> {
    const repo = this.dataSource.getRepository(Notification);
    const row = await repo.findOneBy({ id, recipient: user.username });
    if (!row) throw new NotFoundError('Notification', id);
    if (!row.readAt) {
      row.readAt = new Date();
      await repo.createQueryBuilder().update().set({ readAt: row.readAt }).where('id = :id AND readAt IS NULL', { id }).execute();
    }
    return view(row);
  }

  /** Marks all of the user's unread notifications read; returns how many changed. */
  async markAllRead(user: CurrentUser): Promise<number> {
    const result = await this.dataSource.getRepository(Notification).createQueryBuilder().update().set({ readAt: new Date() })
      .where('recipient = :recipient AND readAt IS NULL', { recipient: user.username }).execute();
    return result.affected ?? 0;
  }
}
