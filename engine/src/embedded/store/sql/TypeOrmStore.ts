import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { DefinitionRecord, EngineStore, InstanceQuery, InstanceRecord, ItemQuery, StoreTx, WaitItem } from '../EngineStore';

/**
 * The durable store on the application's TypeORM DataSource (SQLite or MySQL/MariaDB). The
 * DataSource must include engineEntities and run engineMigrations. Each engine step is one
 * transaction; its EntityManager is handed to event listeners beside the event. On MySQL the
 * store keeps one query runner, replaced whenever its connection dies or a transaction fails to end
 * cleanly; on SQLite replacing the one connection is the DataSource's business.
 */
export class TypeOrmStore implements EngineStore<EntityManager> {
  readonly groupCommit = true;
  /** Prepared statements per connection: when the application replaces a broken connection, its statements go with it. */
  private readonly statements = new WeakMap<SqliteDatabase, Map<string, SqliteStatement>>();

  constructor(private readonly dataSource: DataSource) {}

  private runner?: QueryRunner;

  /** Runs work in one database transaction, on one query runner kept for the engine (its steps are serial). */
  async transaction<T>(work: (tx: StoreTx<EntityManager>) => Promise<T>): Promise<T> {
    // better-sqlite3 hands every caller the same query runner on its one connection; going
    // through DataSource.transaction lets the application queue our steps with its own.
    if (this.dataSource.options.type === 'better-sqlite3') return this.dataSource.transaction((manager) => work(new SqlTx(manager, this.sqlite())));
    if (this.runner && (this.runner.isReleased || lostConnection(this.runner))) await this.discardRunner(false);
    const runner = (this.runner ??= this.dataSource.createQueryRunner());
    try {
      await runner.startTransaction();
      const result = await work(new SqlTx(runner.manager, this.sqlite()));
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      // a runner whose COMMIT or ROLLBACK failed may still be inside a transaction, or on a dead
      // connection: reusing it would fold later steps into a transaction that never commits
      if (runner.isTransactionActive || lostConnection(runner)) await this.discardRunner(true);
      throw error;
    }
  }

  /** Lets go of the query runner; `destroy` closes its connection instead of returning it to the pool. */
  private async discardRunner(destroy: boolean): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    if (!runner) return;
    if (destroy) {
      try {
        connectionOf(runner)?.destroy?.();
      } catch {
        // already gone
      }
    }
    if (!runner.isReleased) await runner.release().catch(() => undefined);
  }

  /**
   * On better-sqlite3 the engine's own statements skip TypeORM's per-query overhead: they run
   * prepared (and cached) on the same connection, so they are inside the same transaction.
   */
  private sqlite(): RawQuery | undefined {
    if (this.dataSource.options.type !== 'better-sqlite3') return undefined;
    // better-sqlite3 has one connection (the driver's) that every query runner shares
    const db = (this.dataSource.driver as unknown as { databaseConnection?: SqliteDatabase }).databaseConnection;
    if (!db) return undefined;
    let cache = this.statements.get(db);
    if (!cache) this.statements.set(db, (cache = new Map()));
    const prepared = cache;
    return (sql, params) => {
      let stmt = prepared.get(sql);
      if (!stmt) prepared.set(sql, (stmt = db.prepare(sql)));
      if (stmt.reader) return stmt.all(...params);
      stmt.run(...params);
      return [];
    };
  }

  /** Releases the query runner; the DataSource belongs to the application, which closes it. */
  async close(): Promise<void> {
    await this.discardRunner(false);
  }
}

/** The parts of a mysql2 connection that tell whether it is still usable. */
interface PooledConnection {
  _fatalError?: unknown;
  _protocolError?: unknown;
  _closing?: boolean;
  stream?: { destroyed?: boolean };
  destroy?(): void;
}

const connectionOf = (runner: QueryRunner) => (runner as unknown as { databaseConnection?: PooledConnection }).databaseConnection;

/** True when the runner's connection failed, closed or lost its socket (the database dropped it). */
function lostConnection(runner: QueryRunner): boolean {
  const c = connectionOf(runner);
  return Boolean(c && (c._fatalError || c._protocolError || c._closing || c.stream?.destroyed));
}

interface SqliteStatement {
  reader: boolean;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): unknown;
}

interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
}

type RawQuery = (sql: string, params: unknown[]) => unknown[];

interface ItemRowRaw {
  item_key: string; kind: string; instance_key: string; element_instance_id: string; name: string; correlation_key: string; due_at: string | number | null; data: string;
}

interface DefinitionRowRaw {
  definition_key: string; bpmn_process_id: string; version: number | string; resource_name: string; xml: string; deployed_at: string | number;
}

const toItem = (r: ItemRowRaw): WaitItem => ({
  key: r.item_key, kind: r.kind as WaitItem['kind'], instanceKey: r.instance_key, elementInstanceId: r.element_instance_id, name: r.name,
  correlationKey: r.correlation_key, dueAt: r.due_at === null ? null : Number(r.due_at), data: JSON.parse(r.data) as Record<string, unknown>,
});

const toDefinition = (r: DefinitionRowRaw | undefined): DefinitionRecord | undefined =>
  r && { key: r.definition_key, bpmnProcessId: r.bpmn_process_id, version: Number(r.version), resourceName: r.resource_name, xml: r.xml, deployedAt: Number(r.deployed_at) };

class SqlTx implements StoreTx<EntityManager> {
  constructor(readonly handle: EntityManager, private readonly raw: RawQuery | undefined) {}

  private async q<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (this.raw) return this.raw(sql, params) as T[];
    return (await this.handle.query(sql, params)) as T[];
  }

  async getDefinition(key: string) {
    return toDefinition((await this.q<DefinitionRowRaw>('SELECT * FROM engine_definition WHERE definition_key = ?', [key]))[0]);
  }
  async latestDefinition(id: string) {
    return toDefinition((await this.q<DefinitionRowRaw>('SELECT * FROM engine_definition WHERE bpmn_process_id = ? ORDER BY version DESC LIMIT 1', [id]))[0]);
  }
  async definitionByVersion(id: string, version: number) {
    return toDefinition((await this.q<DefinitionRowRaw>('SELECT * FROM engine_definition WHERE bpmn_process_id = ? AND version = ?', [id, version]))[0]);
  }
  async putDefinition(d: DefinitionRecord) {
    await this.q('INSERT INTO engine_definition (definition_key, bpmn_process_id, version, resource_name, xml, deployed_at) VALUES (?, ?, ?, ?, ?, ?)', [d.key, d.bpmnProcessId, d.version, d.resourceName, d.xml, d.deployedAt]);
  }
  async listDefinitions() {
    const rows = await this.q<DefinitionRowRaw>("SELECT definition_key, bpmn_process_id, version, resource_name, '' AS xml, deployed_at FROM engine_definition ORDER BY definition_key");
    return rows.map((r) => {
      const { xml: _xml, ...rest } = toDefinition(r)!;
      return rest;
    });
  }
  async getInstance(key: string) {
    const rows = await this.q<{ data: string }>('SELECT data FROM engine_instance WHERE instance_key = ?', [key]);
    return rows[0] ? (JSON.parse(rows[0].data) as InstanceRecord) : undefined;
  }
  async putInstance(rec: InstanceRecord, isNew: boolean) {
    const data = JSON.stringify(rec);
    if (isNew) await this.q('INSERT INTO engine_instance (instance_key, bpmn_process_id, state, data) VALUES (?, ?, ?, ?)', [rec.key, rec.bpmnProcessId, rec.state, data]);
    else await this.q('UPDATE engine_instance SET state = ?, data = ? WHERE instance_key = ?', [rec.state, data, rec.key]);
  }
  async findInstances(query: InstanceQuery) {
    const where = ['1 = 1'];
    const params: unknown[] = [];
    if (query.bpmnProcessId !== undefined) {
      where.push('bpmn_process_id = ?');
      params.push(query.bpmnProcessId);
    }
    if (query.state !== undefined) {
      where.push('state = ?');
      params.push(query.state);
    }
    // keys are decimal strings of one width, so their text order is their numeric order
    const rows = await this.q<{ data: string }>(`SELECT data FROM engine_instance WHERE ${where.join(' AND ')} ORDER BY instance_key`, params);
    return rows.map((r) => JSON.parse(r.data) as InstanceRecord);
  }
  async getItem(key: string) {
    const rows = await this.q<ItemRowRaw>('SELECT * FROM engine_item WHERE item_key = ?', [key]);
    return rows[0] ? toItem(rows[0]) : undefined;
  }
  async putItem(it: WaitItem, isNew: boolean) {
    const data = JSON.stringify(it.data);
    if (isNew) {
      await this.q('INSERT INTO engine_item (item_key, kind, instance_key, element_instance_id, name, correlation_key, due_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [it.key, it.kind, it.instanceKey, it.elementInstanceId, it.name, it.correlationKey, it.dueAt, data]);
    } else {
      await this.q('UPDATE engine_item SET due_at = ?, data = ? WHERE item_key = ?', [it.dueAt, data, it.key]);
    }
  }
  async deleteItem(key: string) {
    await this.q('DELETE FROM engine_item WHERE item_key = ?', [key]);
  }
  private savepoints = 0;

  async savepoint<T>(work: () => Promise<T>): Promise<T> {
    const name = `engine_step_${++this.savepoints}`;
    await this.q(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      await this.q(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await this.q(`ROLLBACK TO SAVEPOINT ${name}`);
      await this.q(`RELEASE SAVEPOINT ${name}`);
      throw error;
    }
  }

  async findItems(query: ItemQuery) {
    const where = ['kind = ?'];
    const params: unknown[] = [query.kind];
    const filters: Array<[string, unknown]> = [['name = ?', query.name], ['correlation_key = ?', query.correlationKey], ['instance_key = ?', query.instanceKey], ['due_at <= ?', query.dueBefore]];
    for (const [clause, value] of filters) {
      if (value === undefined) continue;
      where.push(clause);
      params.push(value);
    }
    const limit = query.limit !== undefined ? ` LIMIT ${Math.max(1, Math.floor(query.limit))}` : '';
    const order = query.dueBefore !== undefined ? ' ORDER BY due_at, item_key' : ' ORDER BY item_key';
    return (await this.q<ItemRowRaw>(`SELECT * FROM engine_item WHERE ${where.join(' AND ')}${order}${limit}`, params)).map(toItem);
  }
}
