import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A model of the distributor's catalog that a tender may ask for. */
@Entity('tender_product')
export class TenderProduct {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 128 })
  name!: string;

  @Column({ type: 'integer', default: 0 })
  sortOrder!: number;

  /** Offered to new tenders; a retired model still names the tenders that asked for it. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
