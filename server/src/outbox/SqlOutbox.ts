import type { CreditNoteLedger, CreditNoteRequest, Notification, NotificationOutbox } from '@dealerflow/plugins';
import type { DataSource } from 'typeorm';
import { CreditNote } from './CreditNote';
import { NotificationRecord } from './NotificationRecord';

/** The notify plugin's outbox in the database; a repeated job key adds nothing. */
export class SqlNotificationOutbox implements NotificationOutbox {
  constructor(private readonly dataSource: DataSource) {}

  async send(notification: Notification): Promise<boolean> {
    const known = await this.dataSource.getRepository(NotificationRecord).existsBy({ jobKey: notification.jobKey });
    // The insert itself is idempotent too, for the rare retry that races the first attempt.
    const row = Object.assign(new NotificationRecord(), notification, { createdAt: new Date() });
    await this.dataSource.transaction((manager) => manager.createQueryBuilder().insert().into(NotificationRecord).values(row).orIgnore().execute());
    return !known;
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
