import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The factory warranty of a model: months from sale and a mileage limit, whichever ends first. */
@Entity('warranty_terms')
export class WarrantyTerms {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  model!: string;

  @Column({ type: 'integer' })
  months!: number;

  @Column({ type: 'integer' })
  mileageKm!: number;
}
