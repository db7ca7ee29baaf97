import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A file uploaded before its case exists (a start form's documents). Starting the case turns it
 * into an attachment of the case and records which case took it; it is taken once only.
 */
@Entity('staged_upload')
@Index(['uploadedBy', 'createdAt'])
export class StagedUpload {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

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

  /** The case that took it; null while it waits for its start form. */
  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  processInstanceKey!: string | null;
}
