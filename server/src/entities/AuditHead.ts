import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numberTransformer } from '../db/numberTransformer';

/** The single row that points at the newest audit entry; locking it serializes appends. */
@Entity('audit_head')
export class AuditHead {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'bigint', transformer: numberTransformer })
  lastSeq!: number;

  @Column({ type: 'varchar', length: 64 })
  lastHash!: string;
}
