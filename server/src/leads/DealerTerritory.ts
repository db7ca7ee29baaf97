import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A region (e.g. `16`, Tatarstan) or a city (e.g. `KZN`, Kazan) a lead is routed by. */
export type TerritoryKind = 'region' | 'city';

/** One territory a dealer serves; lead routing matches a lead's region or city code against these rows. */
@Entity('dealer_territory')
@Index('IDX_dealer_territory_unique', ['kind', 'code', 'dealerId'], { unique: true })
@Index('IDX_dealer_territory_dealer', ['dealerId'])
export class DealerTerritory {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  dealerId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: TerritoryKind;

  @Column({ type: 'varchar', length: 16 })
  code!: string;
}
