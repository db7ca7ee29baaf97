import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A file attached to a case. The bytes live in the attachment store under their SHA-256. */
@Entity('attachment')
@Index(['processInstanceKey', 'createdAt'])
export class Attachment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  processInstanceKey!: string;

  /** The name the uploader gave, for display only; never used as a path. */
  @Column({ type: 'varchar', length: 200 })
  fileName!: string;

  @Column({ type: 'varchar', length: 100 })
  contentType!: string;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ type: 'varchar', length: 64 })
  uploadedBy!: string;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;
}
