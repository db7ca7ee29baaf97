import type { DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { CurrentUser } from '../auth/CurrentUser';
import { NotificationMailbox } from './NotificationMailbox';
import { NotificationPreference } from './NotificationPreference';
import { NOTIFICATION_KINDS, type EmailMode, type NotificationKind } from './notificationKinds';

/** One kind's choice as the settings page shows it. */
export interface KindPreference {
  kind: NotificationKind;
  inApp: boolean;
  email: EmailMode;
}

/** A person's notification settings: where e-mail goes, and per kind bell and e-mail. */
export interface PreferencesView {
  address: string | null;
  kinds: KindPreference[];
}

/** Kinds only some people ever receive; the others do not see them in their settings. */
const audience: Partial<Record<NotificationKind, (user: CurrentUser) => boolean>> = {
  'webhook.disabled': (user) => user.ability.can('manage', 'Webhook'),
};

/** Reads and changes the signed-in person's own notification settings. */
export class NotificationPreferences {
  constructor(private readonly dataSource: DataSource, private readonly audit: AuditTrail) {}

  /** The user's settings, every kind they may receive listed (defaults where they chose nothing). */
  async get(user: CurrentUser): Promise<PreferencesView> {
    const rows = new Map((await this.dataSource.getRepository(NotificationPreference).findBy({ username: user.username })).map((p) => [p.kind, p]));
    const mailbox = await this.dataSource.getRepository(NotificationMailbox).findOneBy({ username: user.username });
    return {
      address: mailbox?.address ?? null,
      kinds: NOTIFICATION_KINDS.filter((kind) => audience[kind]?.(user) ?? true).map((kind) => ({ kind, inApp: rows.get(kind)?.inApp ?? true, email: rows.get(kind)?.email ?? 'instant' })),
    };
  }

  /** Saves the given kinds and the address (null removes it) in one audited change. */
  async update(user: CurrentUser, change: { address?: string | null; kinds?: KindPreference[] }): Promise<PreferencesView> {
    await this.dataSource.transaction(async (manager) => {
      for (const preference of change.kinds ?? []) {
        await manager.upsert(NotificationPreference, { username: user.username, kind: preference.kind, inApp: preference.inApp, email: preference.email }, ['username', 'kind']);
      }
      if (change.address === null) await manager.delete(NotificationMailbox, { username: user.username });
      else if (change.address !== undefined) await manager.upsert(NotificationMailbox, { username: user.username, address: change.address }, ['username']);
      await this.audit.append(manager, { actor: user.username, action: 'notification.preferences', subjectType: 'User', subjectId: user.id, payload: change });
    });
    return this.get(user);
  }
}
