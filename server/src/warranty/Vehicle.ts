import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Dealer } from '../entities/Dealer';

/** A vehicle the distributor sold through a dealer; its sale date starts the warranty. */
@Entity('vehicle')
@Index(['dealerId'])
export class Vehicle {
  @PrimaryColumn({ type: 'varchar', length: 17 })
  vin!: string;

  @Column({ type: 'varchar', length: 64 })
  model!: string;

  @Column({ type: 'integer' })
  modelYear!: number;

  /** ISO date (YYYY-MM-DD). */
  @Column({ type: 'date' })
  saleDate!: string;

  @Column({ type: 'varchar', length: 32 })
  dealerId!: string;

  @ManyToOne(() => Dealer)
  @JoinColumn({ name: 'dealerId' })
  dealer?: Dealer;
}
