import { defineModule } from '../../modules/FeatureModule';
import { Skeleton1732300000000 } from './1732300000000-Skeleton';
import { LongText1734700000000 } from './1734700000000-LongText';

/** Migrations that span features: the first schema (users, roles, dealers, sessions, the audit chain) and MySQL's wide text columns. */
export const sharedSchemaModule = defineModule({
  name: 'shared-schema',
  migrations: [Skeleton1732300000000, LongText1734700000000],
});
