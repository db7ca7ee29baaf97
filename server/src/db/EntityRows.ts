import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * An entity's rows for queries written by hand on hot paths: the select list of all its columns
 * under one alias, and the reading of a raw row into the entity's shape, each column converted by
 * the database driver as TypeORM's own hydration does (dates, JSON, booleans, transformers), without
 * building a query or an entity per row.
 */
export class EntityRows<T extends ObjectLiteral> {
  /** `"t"."key" AS "key", …`: every column of the entity, named by its property. */
  readonly select: string;
  private readonly columns: ColumnMetadata[];

  constructor(private readonly dataSource: DataSource, entity: EntityTarget<T>, alias: string) {
    const { driver } = dataSource;
    this.columns = dataSource.getMetadata(entity).columns;
    this.select = this.columns.map((c) => `${driver.escape(alias)}.${driver.escape(c.databaseName)} AS ${driver.escape(c.propertyName)}`).join(', ');
  }

  /** A raw row selected with `select`, as an entity-shaped object. */
  read = (row: Record<string, unknown>): T => {
    const entity: Record<string, unknown> = {};
    for (const column of this.columns) entity[column.propertyName] = this.dataSource.driver.prepareHydratedValue(row[column.propertyName], column);
    return entity as T;
  };
}
