import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../src/db/createDataSource';
import { Dealer } from '../../src/entities/Dealer';
import { driverError, failNextStatement, failNextStatements, killConnections, readElsewhere } from '../support/faultInjection';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

/** Whether this machine lets us make a file immutable (root on a local file system). */
function canMakeImmutable(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'df-immutable-'));
  try {
    writeFileSync(join(dir, 'probe'), '');
    execFileSync('chattr', ['+i', join(dir, 'probe')], { stdio: 'ignore' });
    execFileSync('chattr', ['-i', join(dir, 'probe')], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const dealer = (id: string) => ({ id, name: id, region: 'R', territoryCodes: [], rating: 0, creditLimit: 0 });

describe.each(testDatabases())('after a failed transaction on %s', (kind, make) => {
  let db: TestDatabase;
  let url: string;
  let dataSource: DataSource;
  const acknowledged: string[] = [];
  const refused: string[] = [];

  beforeAll(async () => {
    db = make();
    url = await db.create();
    dataSource = await openDatabase(url);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  /** One write; remembers whether it was acknowledged. `fail` makes its work throw after the insert. */
  async function write(id: string, fail = false): Promise<boolean> {
    try {
      await dataSource.transaction(async (manager) => {
        await manager.insert(Dealer, dealer(id));
        if (fail) throw new Error('the work failed');
      });
      acknowledged.push(id);
      return true;
    } catch {
      refused.push(id);
      return false;
    }
  }
  const committed = async () => (await readElsewhere<{ id: string }>(url, "SELECT id FROM dealer WHERE id LIKE 'f-%'")).map((r) => r.id).sort();
  const sorted = (ids: string[]) => [...ids].sort();
  const fault = () => (kind === 'sqlite' ? driverError('SQLITE_IOERR_WRITE', 'disk I/O error') : driverError('ER_CONNECTION_KILLED', 'Connection was killed'));

  it.each([
    ['BEGIN', /^(BEGIN|START TRANSACTION)/, false],
    ['COMMIT', /^COMMIT/, false],
    ['ROLLBACK', /^ROLLBACK/, true],
  ])('a failing %s: later writes commit and another connection sees them', async (name, pattern, failWork) => {
    failNextStatement(dataSource, pattern, fault());
    expect(await write(`f-${name}-0`, failWork)).toBe(false);
    for (let i = 1; i <= 3; i += 1) expect(await write(`f-${name}-${i}`)).toBe(true);
    expect(await committed()).toEqual(sorted(acknowledged));
  });

  (kind === 'sqlite' ? it : it.skip)('while the connection is being replaced, reads outside transactions are answered, and the failed write is gone', async () => {
    failNextStatements(dataSource, [/^COMMIT/, /^ROLLBACK/], fault());
    let answered = false;
    const failing = write('f-replaced-0').finally(() => { answered = true; });
    // a read on every turn of the event loop until the failed write is answered, and a few after it
    const reads: Promise<unknown>[] = [];
    for (let after = 0; after < 5; after += answered ? 1 : 0) {
      reads.push(dataSource.query("SELECT id FROM dealer WHERE id = 'f-replaced-0'"));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await failing).toBe(false);
    expect((await Promise.allSettled(reads)).filter((read) => read.status === 'rejected')).toEqual([]);
    expect(await dataSource.query("SELECT id FROM dealer WHERE id = 'f-replaced-0'")).toEqual([]);
    expect(await write('f-replaced-1')).toBe(true);
    expect(await committed()).toEqual(sorted(acknowledged));
  });

  (kind === 'sqlite' ? it : it.skip)('a transaction begun outside the queue whose COMMIT and ROLLBACK failed: the next ones still commit', async () => {
    failNextStatements(dataSource, [/^COMMIT/, /^ROLLBACK/], fault());
    await expect(dataSource.manager.transaction((manager) => manager.insert(Dealer, dealer('f-outside-0')))).rejects.toThrow();
    refused.push('f-outside-0');
    for (let i = 1; i <= 3; i += 1) expect(await write(`f-outside-${i}`)).toBe(true);
    expect(await committed()).toEqual(sorted(acknowledged));
  });

  (kind === 'sqlite' ? it : it.skip)('a full database (SQLITE_FULL): later writes commit once there is room', async () => {
    const [{ page_count: pages }] = await dataSource.query('PRAGMA page_count');
    await dataSource.query(`PRAGMA max_page_count = ${Number(pages)}`);
    let full = false;
    for (let i = 0; i < 2000 && !full; i += 1) full = !(await write(`f-full-${String(i).padStart(4, '0')}`));
    expect(full).toBe(true);
    await dataSource.query('PRAGMA max_page_count = 1073741823');
    for (let i = 1; i <= 3; i += 1) expect(await write(`f-roomy-${i}`)).toBe(true);
    expect(await committed()).toEqual(sorted(acknowledged));
  });

  (kind === 'sqlite' && canMakeImmutable() ? it : it.skip)('an immutable database file (SQLITE_IOERR): writes fail, then commit once it is writable', async () => {
    const file = url.slice('sqlite:'.length);
    const files = [file, `${file}-wal`].filter((f) => existsSync(f)); // not -shm: it is mapped, and writing it would fault the process
    execFileSync('chattr', ['+i', ...files]);
    try {
      expect(await write('f-immutable-0')).toBe(false);
      expect(await write('f-immutable-1')).toBe(false);
    } finally {
      execFileSync('chattr', ['-i', ...files]);
    }
    for (let i = 2; i <= 4; i += 1) expect(await write(`f-immutable-${i}`)).toBe(true);
    expect(await committed()).toEqual(sorted(acknowledged));
  });

  (kind === 'mariadb' ? it : it.skip)('connections killed mid-traffic and inside a transaction: writes recover, nothing acknowledged is lost', async () => {
    // a transaction that is inside its work when its connection is killed
    let proceed!: () => void;
    const inside = new Promise<void>((resolve) => (proceed = resolve));
    let entered!: () => void;
    const started = new Promise<void>((resolve) => (entered = resolve));
    const held = dataSource.transaction(async (manager) => {
      await manager.insert(Dealer, dealer('f-held'));
      entered();
      await inside;
      await manager.insert(Dealer, dealer('f-held-2'));
    });
    await started;
    const traffic = Promise.all(Array.from({ length: 100 }, (_, i) => write(`f-traffic-${String(i).padStart(3, '0')}`)));
    expect(await killConnections(url)).toBeGreaterThan(0);
    proceed();
    await expect(held).rejects.toThrow();
    await traffic;
    await killConnections(url);
    // writes recover within seconds: the first few may still meet a connection that died
    let recovered = false;
    for (let i = 0; i < 50 && !recovered; i += 1) recovered = await write(`f-recover-${String(i).padStart(2, '0')}`);
    expect(recovered).toBe(true);
    for (let i = 1; i <= 10; i += 1) expect(await write(`f-after-${String(i).padStart(2, '0')}`)).toBe(true);
    // every acknowledged write is there; a write whose connection died after its COMMIT reached the
    // server may be there too although it was refused (its outcome was unknown, never acknowledged)
    const found = await committed();
    expect(found).toEqual(expect.arrayContaining(acknowledged));
    expect(found.filter((id) => !acknowledged.includes(id) && !/^f-(traffic|recover)-/.test(id))).toEqual([]);
  });

  it('a restart finds every acknowledged write, and no refused one whose outcome was known', async () => {
    await dataSource.destroy();
    dataSource = await openDatabase(url);
    const ids = (await dataSource.getRepository(Dealer).find()).map((d) => d.id).filter((id) => id.startsWith('f-')).sort();
    expect(ids).toEqual(expect.arrayContaining(acknowledged));
    expect(ids.filter((id) => !acknowledged.includes(id) && !/^f-(traffic|recover)-/.test(id))).toEqual([]);
    expect(await committed()).toEqual(ids);
  });
});
