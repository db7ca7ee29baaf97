import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { numberTransformer } from '../db/numberTransformer';

/** placed: the vehicles are on their way; delivered: the dealer confirmed receipt. */
export type OrderStatus = 'placed' | 'delivered';

/** The allocated vehicles of one case, ordered by the dealer. */
@Entity('vehicle_order')
@Index(['number'], { unique: true })
@Index(['caseRef'], { unique: true })
@Index(['dealerId'])
export class VehicleOrder {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** `ORD-000001`, shown to people. */
  @Column({ type: 'varchar', length: 32 })
  number!: string;

  @Column({ type: 'varchar', length: 32 })
  dealerId!: string;

  @Column({ type: 'varchar', length: 64 })
  caseRef!: string;

  @Column({ type: 'simple-json' })
  vins!: string[];

  /** Financial: the sum of the vehicles' prices. */
  @Column({ type: 'decimal', precision: 14, scale: 2, transformer: numberTransformer })
  amount!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: OrderStatus;

  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3, nullable: true, default: null })
  deliveredAt!: Date | null;
}
