import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A deployed process version as the catalog lists it (the engine keeps the model itself). */
@Entity('process_definition')
@Index(['bpmnProcessId', 'version'], { unique: true })
export class ProcessDefinition {
  /** The engine's process definition key. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'varchar', length: 128 })
  bpmnProcessId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /** The form of its none start event, if it has one. */
  @Column({ type: 'varchar', length: 128, nullable: true, default: null })
  startFormId!: string | null;

  @Column({ type: 'varchar', length: 255 })
  resourceName!: string;

  @Column({ type: 'datetime', precision: 3 })
  deployedAt!: Date;

  @Column({ type: 'varchar', length: 64 })
  deployedBy!: string;

  /** The BPMN document deployed as this version (null for versions deployed before it was kept). */
  @Column({ type: 'text', nullable: true, default: null })
  resourceXml!: string | null;

  /** SHA-256 of `resourceXml`, hex. */
  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  checksum!: string | null;

  /** JSON array of the form definitions the version links, as they were when it was deployed. */
  @Column({ type: 'text', nullable: true, default: null })
  forms!: string | null;
}
