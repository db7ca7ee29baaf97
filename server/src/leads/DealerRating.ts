import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numberTransformer } from '../db/numberTransformer';

/** A dealer's lead rating, 0..100: see docs/lead-rating.md for how each event moves it. */
@Entity('dealer_rating')
export class DealerRating {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  dealerId!: string;

  /** The rating routing uses: the mean of the two parts below, clamped to 0..100. */
  @Column({ type: 'decimal', precision: 5, scale: 2, transformer: numberTransformer })
  score!: number;

  /** How fast offered leads are accepted (exponentially weighted, 0..100). */
  @Column({ type: 'decimal', precision: 5, scale: 2, transformer: numberTransformer })
  speed!: number;

  /** How often accepted leads end in a sale (exponentially weighted, 0..100). */
  @Column({ type: 'decimal', precision: 5, scale: 2, transformer: numberTransformer })
  conversion!: number;

  /** Rating events counted so far. */
  @Column({ type: 'integer', default: 0, transformer: numberTransformer })
  events!: number;

  @Column({ type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
