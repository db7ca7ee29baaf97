import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A signed-in browser session; kept in the database so any server process can serve it. */
@Entity('session')
export class Session {
  /** SHA-256 of the random token in the cookie, so a database leak yields no usable cookie. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @Index()
  @Column({ type: 'datetime', precision: 3 })
  expiresAt!: Date;
}
