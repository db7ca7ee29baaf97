import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A deployed JSON-Schema form (`*.form.json`), by id; a new deployment replaces it. */
@Entity('form_definition')
export class FormRecord {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  id!: string;

  /** The whole definition: id, title, schema, uiSchema, labels. */
  @Column({ type: 'text' })
  json!: string;

  @Column({ type: 'datetime', precision: 3 })
  deployedAt!: Date;
}
