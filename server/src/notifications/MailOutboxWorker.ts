import { Brackets, type DataSource } from 'typeorm';
import { MailMessage } from './MailMessage';

/** What the worker needs of a mail transport (nodemailer's transporter has it). */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string; headers?: Record<string, string> }): Promise<unknown>;
}

/** Retry and hold settings of the mail worker. */
export interface MailWorkerOptions {
  from: string;
  /** Attempts before a message is given up (marked failed). */
  maxAttempts?: number;
  /** The wait after the first failure; it doubles with each further one, up to an hour. */
  firstRetryMs?: number;
  /** How long a worker holds a message it is sending. */
  holdMs?: number;
  /** Messages one tick sends at most. */
  batch?: number;
}

const MAX_BACKOFF_MS = 3600_000;

/**
 * Sends the SMTP outbox. Each message is held by one worker at a time (a conditional update
 * decides), marked sent after the server accepted it, and retried with exponential back-off
 * when the server refused it or was unreachable.
 */
export class MailOutboxWorker {
  private readonly maxAttempts: number;
  private readonly firstRetryMs: number;
  private readonly holdMs: number;
  private readonly batch: number;

  constructor(private readonly dataSource: DataSource, private readonly transport: MailTransport, private readonly options: MailWorkerOptions) {
    this.maxAttempts = options.maxAttempts ?? 8;
    this.firstRetryMs = options.firstRetryMs ?? 30_000;
    this.holdMs = options.holdMs ?? 120_000;
    this.batch = options.batch ?? 20;
  }

  /** Sends what is due at `now`; returns how many were sent and how many failed this time. */
  async tick(now = new Date()): Promise<{ sent: number; failed: number }> {
    const repo = this.dataSource.getRepository(MailMessage);
    const due = await repo.createQueryBuilder('m').select(['m.id'])
      .where('m.sentAt IS NULL AND m.failedAt IS NULL AND m.nextAttemptAt <= :now', { now })
      .andWhere(new Brackets((free) => free.where('m.lockedUntil IS NULL').orWhere('m.lockedUntil < :now', { now })))
      .orderBy('m.id').take(this.batch).getMany();
    let sent = 0;
    let failed = 0;
    for (const { id } of due) {
      const held = await repo.createQueryBuilder().update().set({ lockedUntil: new Date(now.getTime() + this.holdMs) })
        .where('id = :id AND sentAt IS NULL AND failedAt IS NULL AND (lockedUntil IS NULL OR lockedUntil < :now)', { id, now }).execute();
      if (held.affected !== 1) continue;
      const message = await repo.findOneByOrFail({ id });
      try {
        await this.transport.sendMail({ from: this.options.from, to: message.address, subject: message.subject, text: message.body, headers: { 'X-Dealerflow-Message': message.dedupeKey } });
        await repo.update({ id }, { sentAt: new Date(), lockedUntil: null, attempts: message.attempts + 1, lastError: null });
        sent += 1;
      } catch (error) {
        const attempts = message.attempts + 1;
        const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        const giveUp = attempts >= this.maxAttempts;
        const wait = Math.min(this.firstRetryMs * 2 ** (attempts - 1), MAX_BACKOFF_MS);
        await repo.update({ id }, { attempts, lockedUntil: null, lastError: reason, nextAttemptAt: new Date(now.getTime() + wait), failedAt: giveUp ? new Date() : null });
        failed += 1;
      }
    }
    return { sent, failed };
  }
}
