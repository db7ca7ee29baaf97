import type { FeatureModule, MigrationClass } from './FeatureModule';

/** The 13-digit timestamp a migration class's name ends in. */
export function migrationTimestamp(migration: MigrationClass): number {
  const stamp = /(\d{13})$/.exec(migration.name)?.[1];
  if (!stamp) throw new Error(`migration ${migration.name} has no timestamp at the end of its name`);
  return Number(stamp);
}

/** Every module's migrations, oldest first; two with one timestamp stop the start-up. */
export function migrationOrder(modules: readonly FeatureModule[]): MigrationClass[] {
  const all = modules.flatMap((module) => module.migrations ?? []).sort((a, b) => migrationTimestamp(a) - migrationTimestamp(b));
  const clash = all.find((migration, i) => i > 0 && migrationTimestamp(migration) === migrationTimestamp(all[i - 1]));
  if (clash) throw new Error(`two migrations have the timestamp ${migrationTimestamp(clash)}`);
  return all;
}
