import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A remark on a case, visible to everyone who may read the case. */
@Entity('comment')
@Index(['processInstanceKey', 'createdAt'])
export class Comment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  processInstanceKey!: string;

  @Column({ type: 'varchar', length: 64 })
  author!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;
}
