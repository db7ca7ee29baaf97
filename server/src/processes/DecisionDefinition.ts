import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A deployed decision version with the DMN document it came from: a deploy's review compares against it. */
@Entity('decision_definition')
@Index('IDX_decision_definition_version', ['decisionId', 'version'], { unique: true })
export class DecisionDefinition {
  /** The engine's decision key. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ type: 'varchar', length: 128 })
  decisionId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 255 })
  resourceName!: string;

  @Column({ type: 'datetime', precision: 3 })
  deployedAt!: Date;

  @Column({ type: 'varchar', length: 64 })
  deployedBy!: string;

  /** The whole DMN document deployed (it may hold several decisions). */
  @Column({ type: 'text' })
  resourceXml!: string;
}
