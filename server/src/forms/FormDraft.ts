import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A form saved from the form builder but not deployed yet; the newer of draft and deployment is the one the builder edits. */
@Entity('form_draft')
export class FormDraft {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  id!: string;

  /** The whole definition: id, title, schema, uiSchema, labels. */
  @Column({ type: 'text' })
  json!: string;

  @Column({ type: 'datetime', precision: 3 })
  savedAt!: Date;

  @Column({ type: 'varchar', length: 64 })
  savedBy!: string;
}
