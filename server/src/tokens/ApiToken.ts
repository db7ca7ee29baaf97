import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A machine client's credential and the service account it stands for: its roles, its dealer
 * scope, its expiry. Only the SHA-256 of the secret is kept; the secret is shown once.
 */
@Entity('api_token')
export class ApiToken {
  /** The public id part of the token (`dft_<id>_<secret>`), so a token is found without a scan. */
  @PrimaryColumn({ type: 'varchar', length: 24 })
  id!: string;

  /** The service account's name; the audit trail shows it as `api:<name>` (64 characters with the prefix, like a username). */
  @Column({ type: 'varchar', length: 60 })
  name!: string;

  /** Role names from the role table; the account's ability is their union. */
  @Column({ type: 'simple-json' })
  roles!: string[];

  /** The dealer the account acts for; null for distributor-wide accounts. */
  // default: null keeps MariaDB's reported DEFAULT NULL in line with the entity
  @Column({ type: 'varchar', length: 32, nullable: true, default: null })
  dealerId!: string | null;

  /** Hex SHA-256 of the whole token. */
  @Column({ type: 'varchar', length: 64, select: false })
  secretHash!: string;

  /** Username of the admin who created it. */
  @Column({ type: 'varchar', length: 64 })
  createdBy!: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  lastUsedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  revokedAt!: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  revokedBy!: string | null;
}
