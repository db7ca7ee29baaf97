import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RoleRule } from '../permissions/RoleRule';

/** A role and its CASL rules, stored as data so an admin can change them without a deploy. */
@Entity('role')
export class Role {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 300, default: '' })
  description!: string;

  /** CASL raw rules; `${user.*}` placeholders are filled per user. */
  @Column({ type: 'simple-json' })
  rules!: RoleRule[];
}
