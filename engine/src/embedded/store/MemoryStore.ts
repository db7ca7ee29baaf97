import type { DefinitionRecord, EngineStore, InstanceQuery, InstanceRecord, ItemQuery, StoreTx, WaitItem } from './EngineStore';

/** In-memory store for unit tests and benchmarks: records are kept as JSON strings, writes apply on commit. */
export class MemoryStore implements EngineStore<undefined> {
  readonly groupCommit = false;
  readonly definitions = new Map<string, DefinitionRecord>();
  readonly instances = new Map<string, string>();
  /** kind|name → key → serialized item. */
  readonly items = new Map<string, Map<string, string>>();
  readonly itemIndex = new Map<string, string>();

  /** Runs work with a write set that is applied only if work succeeds. */
  async transaction<T>(work: (tx: StoreTx<undefined>) => Promise<T>): Promise<T> {
    const tx = new MemoryTx(this);
    const result = await work(tx);
    tx.commit();
    return result;
  }

  /** Nothing to release. */
  async close(): Promise<void> {}
}

class MemoryTx implements StoreTx<undefined> {
  readonly handle = undefined;
  private instances = new Map<string, string>();
  private items = new Map<string, WaitItem | null>();
  private definitions: DefinitionRecord[] = [];

  constructor(private readonly store: MemoryStore) {}

  async getDefinition(key: string) {
    return this.definitions.find((d) => d.key === key) ?? this.store.definitions.get(key);
  }
  async latestDefinition(id: string) {
    let best: DefinitionRecord | undefined;
    for (const d of [...this.store.definitions.values(), ...this.definitions]) if (d.bpmnProcessId === id && (!best || d.version > best.version)) best = d;
    return best;
  }
  async definitionByVersion(id: string, version: number) {
    return [...this.store.definitions.values(), ...this.definitions].find((d) => d.bpmnProcessId === id && d.version === version);
  }
  async putDefinition(def: DefinitionRecord) {
    this.definitions.push(def);
  }
  async listDefinitions() {
    const all = new Map([...this.store.definitions].concat(this.definitions.map((d) => [d.key, d])));
    return [...all.values()].map(({ xml: _xml, ...rest }) => rest).sort((a, b) => (BigInt(a.key) < BigInt(b.key) ? -1 : 1));
  }
  async getInstance(key: string) {
    const json = this.instances.get(key) ?? this.store.instances.get(key);
    return json === undefined ? undefined : (JSON.parse(json) as InstanceRecord);
  }
  async putInstance(instance: InstanceRecord) {
    this.instances.set(instance.key, JSON.stringify(instance));
  }
  async findInstances(q: InstanceQuery) {
    const keys = new Set([...this.store.instances.keys(), ...this.instances.keys()]);
    const out: InstanceRecord[] = [];
    for (const key of keys) {
      const rec = (await this.getInstance(key))!;
      if ((q.bpmnProcessId === undefined || rec.bpmnProcessId === q.bpmnProcessId) && (q.state === undefined || rec.state === q.state)) out.push(rec);
    }
    return out.sort((a, b) => (BigInt(a.key) < BigInt(b.key) ? -1 : 1));
  }
  async getItem(key: string) {
    if (this.items.has(key)) return this.items.get(key) ?? undefined;
    const bucket = this.store.itemIndex.get(key);
    const json = bucket === undefined ? undefined : this.store.items.get(bucket)?.get(key);
    return json === undefined ? undefined : (JSON.parse(json) as WaitItem);
  }
  async putItem(item: WaitItem) {
    this.items.set(item.key, item);
  }
  async deleteItem(key: string) {
    this.items.set(key, null);
  }
  async findItems(q: ItemQuery) {
    const out: WaitItem[] = [];
    const seen = new Set<string>();
    const matches = (item: WaitItem) =>
      item.kind === q.kind && (q.name === undefined || item.name === q.name) && (q.correlationKey === undefined || item.correlationKey === q.correlationKey) &&
      (q.instanceKey === undefined || item.instanceKey === q.instanceKey) && (q.dueBefore === undefined || (item.dueAt !== null && item.dueAt <= q.dueBefore));
    for (const [key, item] of this.items) {
      seen.add(key);
      if (item && matches(item)) out.push(item);
    }
    const buckets = q.name === undefined ? [...this.store.items.keys()].filter((b) => b.startsWith(`${q.kind}|`)) : [`${q.kind}|${q.name}`];
    for (const bucket of buckets) {
      for (const [key, json] of this.store.items.get(bucket) ?? []) {
        if (q.limit !== undefined && out.length >= q.limit) return out;
        if (seen.has(key)) continue;
        const item = JSON.parse(json) as WaitItem;
        if (matches(item)) out.push(item);
      }
    }
    return q.limit === undefined ? out : out.slice(0, q.limit);
  }
  async savepoint<T>(work: () => Promise<T>): Promise<T> {
    const saved = { instances: new Map(this.instances), items: new Map([...this.items].map(([k, v]) => [k, v && (JSON.parse(JSON.stringify(v)) as WaitItem)])), definitions: [...this.definitions] };
    try {
      return await work();
    } catch (error) {
      this.instances = saved.instances;
      this.items = saved.items;
      this.definitions = saved.definitions;
      throw error;
    }
  }

  commit(): void {
    for (const d of this.definitions) this.store.definitions.set(d.key, d);
    for (const [key, json] of this.instances) this.store.instances.set(key, json);
    for (const [key, item] of this.items) {
      const old = this.store.itemIndex.get(key);
      if (old !== undefined) this.store.items.get(old)?.delete(key);
      if (!item) {
        this.store.itemIndex.delete(key);
        continue;
      }
      const bucket = `${item.kind}|${item.name}`;
      let map = this.store.items.get(bucket);
      if (!map) this.store.items.set(bucket, (map = new Map()));
      map.set(key, JSON.stringify(item));
      this.store.itemIndex.set(key, bucket);
    }
  }
}
