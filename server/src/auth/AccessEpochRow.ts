import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row whose version moves with every change to who may do what (a sign-out, a user's roles
 * or status, a role's rules, an API token's revocation). Servers compare it with the version
 * their caches were filled under; see AccessEpoch.
 */
@Entity('access_epoch')
export class AccessEpochRow {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  id!: string;

  @Column({ type: 'integer' })
  version!: number;
}
