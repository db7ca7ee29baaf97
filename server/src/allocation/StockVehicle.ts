import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { numberTransformer } from '../db/numberTransformer';

/** Where a stock vehicle is in its life: free to request, held for a case, allocated to a dealer, or on an order. */
export type StockStatus = 'free' | 'reserved' | 'allocated' | 'ordered';

/** A new vehicle in the distributor's stock. */
@Entity('stock_vehicle')
@Index(['status', 'model'])
@Index(['dealerId'])
export class StockVehicle {
  @PrimaryColumn({ type: 'varchar', length: 17 })
  vin!: string;

  @Column({ type: 'varchar', length: 64 })
  model!: string;

  @Column({ type: 'varchar', length: 64 })
  trim!: string;

  @Column({ type: 'varchar', length: 64 })
  colour!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'varchar', length: 64 })
  warehouse!: string;

  /** Financial: the dealer price, in roubles. */
  @Column({ type: 'decimal', precision: 14, scale: 2, transformer: numberTransformer })
  price!: number;

  @Column({ type: 'varchar', length: 16, default: 'free' })
  status!: StockStatus;

  /** The dealer holding it, null while free. */
  @Column({ type: 'varchar', length: 32, nullable: true, default: null })
  dealerId!: string | null;

  /** The case holding it, null while free. */
  @Column({ type: 'varchar', length: 64, nullable: true, default: null })
  caseRef!: string | null;
}
