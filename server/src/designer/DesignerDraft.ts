import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A diagram a process admin is working on, one per process id; `revision` guards concurrent saves. */
@Entity('designer_draft')
export class DesignerDraft {
  /** The BPMN process id the draft defines. */
  @PrimaryColumn({ type: 'varchar', length: 128 })
  processId!: string;

  /** The process's name in the draft (or its id). */
  @Column({ type: 'varchar', length: 255 })
  name!: string;

  @Column({ type: 'text' })
  xml!: string;

  /** JSON array of the form definitions edited with the diagram. */
  @Column({ type: 'text' })
  forms!: string;

  /** 1 for the first save, one more for each save after it. */
  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'varchar', length: 64 })
  savedBy!: string;

  @Column({ type: 'datetime', precision: 3 })
  savedAt!: Date;
}
