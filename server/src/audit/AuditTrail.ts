import type { DataSource, EntityManager } from 'typeorm';
import type { CurrentUser } from '../auth/CurrentUser';
import { ForbiddenError } from '../errors/AppError';
import { AuditEntry } from '../entities/AuditEntry';
import { AuditHead } from '../entities/AuditHead';
import { GENESIS_HASH, canonicalJson, chainHash } from './chainHash';

/** What a caller records; the trail adds sequence, time and hashes. */
export interface AuditRecord {
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  payload?: unknown;
}

/** The outcome of recomputing the chain. */
export type VerifyResult =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

const HEAD_ID = 1;
const VERIFY_BATCH = 1000;

/** Append-only, hash-chained audit trail. Appends join the caller's transaction. */
export class AuditTrail {
  constructor(private readonly dataSource: DataSource, private readonly now: () => Date = () => new Date()) {}

  /** Appends one entry inside `manager`'s transaction; the head row lock orders concurrent appends. */
  async append(manager: EntityManager, record: AuditRecord): Promise<AuditEntry> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('AuditTrail.append must run inside a transaction');
    const head = await this.lockHead(manager);
    const entry = manager.create(AuditEntry, {
      seq: head.lastSeq + 1,
      at: this.now(),
      actor: record.actor,
      action: record.action,
      subjectType: record.subjectType,
      subjectId: record.subjectId,
      payload: canonicalJson(record.payload ?? {}),
      prevHash: head.lastHash,
    });
    entry.hash = chainHash(entry.prevHash, entry);
    await manager.insert(AuditEntry, entry);
    await manager.update(AuditHead, { id: HEAD_ID }, { lastSeq: entry.seq, lastHash: entry.hash });
    return entry;
  }

  /** Entries about one subject (or all), oldest first. */
  list(filter: { subjectType?: string; subjectId?: string; limit?: number; afterSeq?: number } = {}): Promise<AuditEntry[]> {
    const query = this.dataSource.getRepository(AuditEntry).createQueryBuilder('e').orderBy('e.seq', 'ASC').take(Math.min(filter.limit ?? 100, 1000));
    if (filter.subjectType) query.andWhere('e.subjectType = :type', { type: filter.subjectType });
    if (filter.subjectId) query.andWhere('e.subjectId = :id', { id: filter.subjectId });
    if (filter.afterSeq) query.andWhere('e.seq > :after', { after: filter.afterSeq });
    return query.getMany();
  }

  /** `verify` for a signed-in user: a 403 unless they may verify the trail. */
  async verifyAs(user: CurrentUser): Promise<VerifyResult> {
    if (user.ability.cannot('verify', 'AuditEntry')) throw new ForbiddenError('You may not verify the audit trail');
    return this.verify();
  }

  /** Recomputes every hash and link in order; names the first entry that does not fit. */
  async verify(): Promise<VerifyResult> {
    const repo = this.dataSource.getRepository(AuditEntry);
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    for (;;) {
      const batch = await repo.createQueryBuilder('e').where('e.seq >= :from', { from: expectedSeq }).orderBy('e.seq', 'ASC').take(VERIFY_BATCH).getMany();
      for (const entry of batch) {
        const broken = (reason: string): VerifyResult => ({ ok: false, entries: expectedSeq - 1, brokenAt: entry.seq, reason });
        if (entry.seq !== expectedSeq) return { ok: false, entries: expectedSeq - 1, brokenAt: expectedSeq, reason: `entry ${expectedSeq} is missing` };
        if (entry.prevHash !== prevHash) return broken('its previous-hash link does not match the entry before it');
        if (chainHash(prevHash, entry) !== entry.hash) return broken('its content does not match its hash');
        prevHash = entry.hash;
        expectedSeq += 1;
      }
      if (batch.length < VERIFY_BATCH) break;
    }
    const head = await this.dataSource.getRepository(AuditHead).findOneBy({ id: HEAD_ID });
    if (head && head.lastSeq !== expectedSeq - 1) {
      return { ok: false, entries: expectedSeq - 1, brokenAt: expectedSeq, reason: `the trail ends at ${expectedSeq - 1} but its head says ${head.lastSeq}` };
    }
    return { ok: true, entries: expectedSeq - 1, lastHash: prevHash };
  }

  private async lockHead(manager: EntityManager): Promise<AuditHead> {
    const query = manager.getRepository(AuditHead).createQueryBuilder('h').where('h.id = :id', { id: HEAD_ID });
    if (manager.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write'); // SQLite writes are serialized anyway
    const head = await query.getOne();
    if (!head) throw new Error('audit_head row is missing: run the migrations');
    return head;
  }
}
