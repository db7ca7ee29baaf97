import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per customer INN: registering takes its row lock, so applications for one customer are checked one after another. */
@Entity('tender_customer')
export class TenderCustomer {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  inn!: string;

  /** Counts registrations; every one changes the row, which is what takes its lock. */
  @Column({ type: 'integer' })
  registrations!: number;
}
