import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Dealer } from './Dealer';

/** A person who signs in: distributor staff (no dealer) or a dealer's staff. */
@Entity('app_user')
@Index(['username'], { unique: true })
export class User {
  /** A UUID, made by the application. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ type: 'varchar', length: 200 })
  displayName!: string;

  @Column({ type: 'varchar', length: 200, select: false })
  passwordHash!: string;

  /** The dealer this user works for; null for distributor staff. */
  // default: null keeps MariaDB's reported DEFAULT NULL in line with the entity
  @Column({ type: 'varchar', length: 32, nullable: true, default: null })
  dealerId!: string | null;

  @ManyToOne(() => Dealer, { nullable: true })
  @JoinColumn({ name: 'dealerId' })
  dealer?: Dealer | null;

  /** Role names; each names a Role row. */
  @Column({ type: 'simple-json' })
  roles!: string[];

  /** Extra candidate groups (e.g. `warranty`) on top of the role names. */
  @Column({ type: 'simple-json' })
  groups!: string[];

  @Column({ type: 'varchar', length: 5, default: 'ru' })
  locale!: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  /** When an administrator disabled the account; a disabled user can neither sign in nor use a session. */
  // default: null keeps MariaDB's reported DEFAULT NULL in line with the entity
  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  disabledAt!: Date | null;
}
