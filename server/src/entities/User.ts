import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A person who signs in: distributor staff (no dealer) or a dealer's staff. */
@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  username!: string;

  @Column({ type: 'varchar', length: 200 })
  displayName!: string;

  @Column({ type: 'varchar', length: 200, select: false })
  passwordHash!: string;

  /** The dealer this user works for; null for distributor staff. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  dealerId!: string | null;

  /** Role names; each names a Role row. */
  @Column({ type: 'simple-json' })
  roles!: string[];

  /** Extra candidate groups (e.g. `warranty`) on top of the role names. */
  @Column({ type: 'simple-json' })
  groups!: string[];

  @Column({ type: 'varchar', length: 5, default: 'ru' })
  locale!: string;

  @CreateDateColumn({ type: 'datetime', precision: 3 })
  createdAt!: Date;
}
