import type { DataSource, EntityManager } from 'typeorm';
import { AccessEpochRow } from './AccessEpochRow';
import { afterCommit } from '../db/afterCommit';

const ROW = 'access';

/** How old the epoch this server goes by may be: another server's change shows here within this long. */
export const ACCESS_EPOCH_STALENESS_MS = 1_000;

/**
 * The version of "who may do what" that the session, user and API token caches (AccessCache)
 * are filled under. Every change that takes access away or alters it (a sign-out, a user's
 * roles or status, an API token's revocation, migrations that change role rules) moves the
 * `access_epoch` row in its own transaction (`bump`), and the server that made it drops its own
 * caches as that transaction commits.
 *
 * How other servers on the same database learn of it (issue 12, scale-out): each server reads
 * the one-row `access_epoch` table at most once per `ACCESS_EPOCH_STALENESS_MS` (1 s), and a
 * request that finds the last read older than that waits for a fresh one before trusting a
 * cached entry. So a revoked session, a removed role or a disabled user stops working
 * everywhere within about one second of the commit, at the price of one primary-key read per
 * second per server (not one per request, and no broker to run). A notification channel was
 * not chosen: a missed message would leave a revoked session working indefinitely, which a
 * polled version cannot. Changes made behind the application's back (SQL by hand) do not move
 * the epoch; for those every cached entry also expires after `ACCESS_CACHE_MAX_AGE_MS`.
 */
export class AccessEpoch {
  private version = -1;
  private local = 0;
  private readAt = -Infinity;
  private reading: Promise<void> | null = null;

  constructor(private readonly dataSource: DataSource, private readonly maxStalenessMs = ACCESS_EPOCH_STALENESS_MS, private readonly clock: () => number = () => performance.now()) {}

  /** The epoch to fill and check caches under, read from the database if the last read is too old. */
  async current(): Promise<string> {
    if (this.clock() - this.readAt >= this.maxStalenessMs) await this.refresh();
    return `${this.version}/${this.local}`;
  }

  /** Moves the epoch inside the caller's transaction: every server's caches drop once it commits, this server's at the commit. */
  async bump(manager: EntityManager): Promise<void> {
    await manager.createQueryBuilder().update(AccessEpochRow).set({ version: () => 'version + 1' }).where('id = :id', { id: ROW }).execute();
    afterCommit(manager, () => this.changed());
  }

  /** This server's own caches drop now rather than at the next read (`bump` calls it once its transaction commits). */
  changed(): void {
    this.local += 1;
  }

  /** One read at a time; requests arriving meanwhile wait for it. The bound counts from when the read was sent. */
  private refresh(): Promise<void> {
    this.reading ??= (async () => {
      const sent = this.clock();
      try {
        const row = await this.dataSource.getRepository(AccessEpochRow).findOneBy({ id: ROW });
        this.version = row?.version ?? 0;
        this.readAt = sent;
      } finally {
        this.reading = null;
      }
    })();
    return this.reading;
  }
}
