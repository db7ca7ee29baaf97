import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from './User';

/** A signed-in browser session; kept in the database so any server process can serve it. */
@Entity('session')
export class Session {
  /** SHA-256 of the random token in the cookie, so a database leak yields no usable cookie. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: User;

  @Index()
  @Column({ type: 'datetime', precision: 3 })
  expiresAt!: Date;
}
