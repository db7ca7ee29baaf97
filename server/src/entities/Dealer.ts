import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numberTransformer } from '../db/numberTransformer';

/** A dealer of the network: the unit that scopes what dealer users see. */
@Entity('dealer')
export class Dealer {
  /** The distributor's dealer code, e.g. `dealer1`. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 100 })
  region!: string;

  /** Territory codes (region / postcode prefixes) the dealer serves, for lead routing. */
  @Column({ type: 'simple-json' })
  territoryCodes!: string[];

  /** 0..5, fed by lead outcomes. */
  @Column({ type: 'decimal', precision: 3, scale: 2, default: 0, transformer: numberTransformer })
  rating!: number;

  /** Financial: the allowed debt, in roubles. */
  @Column({ type: 'decimal', precision: 14, scale: 2, default: 0, transformer: numberTransformer })
  creditLimit!: number;
}
