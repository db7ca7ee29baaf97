import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numberTransformer } from '../db/numberTransformer';
import type { KpiMeasure } from './kpiMeasures';

/** A dealer's target for one measure in one month, set by the distributor. */
@Entity('dealer_plan')
export class DealerPlan {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  dealerId!: string;

  /** `YYYY-MM`. */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  measure!: KpiMeasure;

  /** Counts, seconds, or a share from 0 to 1, as the measure reads (see `kpiMeasureInfo`). */
  @Column({ type: 'decimal', precision: 14, scale: 4, transformer: numberTransformer })
  target!: number;

  @Column({ type: 'varchar', length: 64 })
  updatedBy!: string;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
