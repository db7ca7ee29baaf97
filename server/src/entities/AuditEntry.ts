import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { numberTransformer } from '../db/numberTransformer';

/** One link of the append-only, hash-chained audit trail. */
@Entity('audit_entry')
@Index(['subjectType', 'subjectId'])
@Index(['hash'], { unique: true })
@Index('IDX_audit_entry_actor_seq', ['actor', 'seq'])
@Index('IDX_audit_entry_action_seq', ['action', 'seq'])
@Index('IDX_audit_entry_subject_seq', ['subjectType', 'subjectId', 'seq'])
@Index('IDX_audit_entry_at', ['at'])
export class AuditEntry {
  /** 1, 2, 3 … without gaps; the chain order. */
  @PrimaryColumn({ type: 'bigint', transformer: numberTransformer })
  seq!: number;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;

  /** Username of who did it, or `system`. */
  @Column({ type: 'varchar', length: 64 })
  actor!: string;

  /** What happened, e.g. `auth.login`, `dealer.update`. */
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'varchar', length: 64 })
  subjectType!: string;

  @Column({ type: 'varchar', length: 64 })
  subjectId!: string;

  /** Canonical JSON (RFC 8785) of the details. */
  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'varchar', length: 64 })
  prevHash!: string;

  /** SHA-256 of prevHash + the canonical entry. */
  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
