import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A recall or service campaign for a model (or listed VINs of it) that fixes given defects. */
@Entity('service_campaign')
export class ServiceCampaign {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 64 })
  model!: string;

  /** The VINs it is limited to; null means every vehicle of the model. */
  @Column({ type: 'simple-json', nullable: true })
  vins!: string[] | null;

  @Column({ type: 'simple-json' })
  defectCodes!: string[];

  /** ISO date (YYYY-MM-DD) after which the campaign is closed. */
  @Column({ type: 'date' })
  openUntil!: string;
}
