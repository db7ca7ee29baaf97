import type { CreditNoteLedger, CreditNoteRequest, Notification, NotificationOutbox } from '@dealerflow/plugins';
import type { DataSource, EntityManager } from 'typeorm';
import { CreditNote } from './CreditNote';
import { NotificationRecord } from './NotificationRecord';

/** Tells people in their own notifications about a notice a process sent, inside the transaction that records it. */
export type NoticeListener = (manager: EntityManager, notification: Notification) => Promise<void>;

/** The notify plugin's outbox in the database; a repeated job key adds nothing and tells nobody again. */
export class SqlNotificationOutbox implements NotificationOutbox {
  constructor(private readonly dataSource: DataSource, private readonly onNotice?: NoticeListener) {}

  async send(notification: Notification): Promise<boolean> {
    const row = Object.assign(new NotificationRecord(), notification, { createdAt: new Date() });
    return this.dataSource.transaction(async (manager) => {
      const known = await manager.getRepository(NotificationRecord).existsBy({ jobKey: notification.jobKey });
      // The insert is idempotent too, for the rare retry that races the first attempt; people's notifications are keyed by the job as well.
      await manager.createQueryBuilder().insert().into(NotificationRecord).values(row).orIgnore().execute();
      if (!known && this.onNotice) await this.onNotice(manager, notification);
      return !known;
    });
  }
}

/** The credit-note plugin's ledger in the database; a repeated job key returns the note it already issued. */
export class SqlCreditNoteLedger implements CreditNoteLedger {
  constructor(private readonly dataSource: DataSource) {}

  async issue(request: CreditNoteRequest): Promise<string> {
    const repo = this.dataSource.getRepository(CreditNote);
    await this.dataSource.transaction((manager) => manager.createQueryBuilder().insert().into(CreditNote).values({ ...request, issuedAt: new Date() }).orIgnore().execute());
    const note = await repo.findOneByOrFail({ jobKey: request.jobKey });
    return `CN-${String(note.id).padStart(6, '0')}`;
  }
}
