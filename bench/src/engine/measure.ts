import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { MemoryStore, TypeOrmStore, engineEntities, engineMigrations, type EngineStore } from '@dealerflow/engine';
import { embeddedHeapPerWaiting, runEmbedded } from './runEmbedded';
import { peerHeapPerWaiting, runPeer } from './runPeer';

/** Throughput and memory of one engine setup. */
export interface Measurement {
  rate: number;
  heapPerWaiting: number;
}

async function sqlite(dir: string, name: string): Promise<DataSource> {
  const ds = new DataSource({
    type: 'better-sqlite3', database: join(dir, name), entities: engineEntities, migrations: engineMigrations, enableWAL: true,
    // the settings engine/README.md recommends for one-machine mode
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      db.pragma('synchronous = NORMAL');
      db.pragma('cache_size = -65536');
    },
  });
  await ds.initialize();
  await ds.runMigrations();
  return ds;
}

/** Measures one setup ('peer', 'memory' or 'sqlite'): a warm-up, n instances to the end, then waiting instances on the heap. */
export async function measure(kind: string, n: number): Promise<Measurement> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  if (kind === 'peer') {
    await runPeer(50);
    const rate = await runPeer(n);
    return { rate, heapPerWaiting: await peerHeapPerWaiting(500, gc) };
  }
  const dir = mkdtempSync(join(tmpdir(), 'df-bench-'));
  const sources: DataSource[] = [];
  const store = async (name: string): Promise<EngineStore> => {
    if (kind === 'memory') return new MemoryStore();
    const ds = await sqlite(dir, name);
    sources.push(ds);
    return new TypeOrmStore(ds);
  };
  try {
    await runEmbedded(await store('warmup.sqlite'), 200);
    const rate = await runEmbedded(await store('run.sqlite'), n);
    return { rate, heapPerWaiting: await embeddedHeapPerWaiting(await store('heap.sqlite'), 2000, gc) };
  } finally {
    for (const ds of sources) await ds.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
