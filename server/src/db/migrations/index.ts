import { featureModules } from '../../modules/featureModules';
import { migrationOrder } from '../../modules/migrationOrder';

/** Every migration of every feature module, oldest first; the same list runs on SQLite and MySQL. */
export const migrations = migrationOrder(featureModules);
