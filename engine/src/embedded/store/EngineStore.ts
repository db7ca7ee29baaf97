import type { Variables } from '../../port';

/** A deployed process definition as stored. */
export interface DefinitionRecord {
  key: string;
  bpmnProcessId: string;
  version: number;
  resourceName: string;
  xml: string;
  deployedAt: number;
}

/** A live element instance (token) inside an instance document. */
export interface ElementInstance {
  id: string;
  /** Its int64 key, unique across the engine (set on activation; older records may lack it). */
  key?: string;
  elementId: string;
  /** The flow scope: the element instance of the containing subprocess / multi-instance body, or the root '0'. */
  scope: string;
  /** Wait items (jobs, tasks, timers, subscriptions) that belong to this element instance. */
  waits?: string[];
  /** Arrivals at joining gateways in this scope: gateway id → flow ids. */
  joins?: Record<string, string[]>;
  /** Multi-instance body state. */
  mi?: { items: unknown[]; next: number; active: number; done: number; outputs: unknown[] };
  /** Multi-instance inner instance index (0-based). */
  loopIndex?: number;
  /** True for a multi-instance body (its children are the inner instances). */
  body?: boolean;
  /** The child process instance of a call activity. */
  child?: string;
  /** Open incident on this element. */
  incident?: string;
}

/**
 * One history entry as stored; older records have the first three fields only. The element
 * instance key is kept short, as its distance from the instance key when that is a safe
 * integer (keys come from one counter), else as the key itself.
 */
export type HistoryTuple = [string, 0 | 1 | 2, number, (number | string)?, 1?];

/** The element instance key of a history entry, or undefined for an entry written before keys. */
export function historyKey(rec: { key: string }, stored: number | string | undefined): string | undefined {
  if (stored === undefined) return undefined;
  return typeof stored === 'number' ? (BigInt(rec.key) + BigInt(stored)).toString() : stored;
}

/** An element instance key as a history entry keeps it. */
export function storedHistoryKey(rec: { key: string }, key: string): number | string {
  const delta = BigInt(key) - BigInt(rec.key);
  return delta > 0n && delta <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(delta) : key;
}

/** A process instance with all its tokens and variables: loaded, changed and written back by each step. */
export interface InstanceRecord {
  key: string;
  definitionKey: string;
  bpmnProcessId: string;
  version: number;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  parent?: { instanceKey: string; elementInstanceId: string };
  /** Variable scopes by element instance id ('0' is the process). */
  vars: Record<string, Variables>;
  elements: Record<string, ElementInstance>;
  /**
   * History as compact tuples (element id, 0 activated | 1 completed | 2 terminated, epoch ms, element instance key,
   * 1 on the activation of a multi-instance body): it is rewritten every step.
   */
  history: HistoryTuple[];
  seq: number;
}

/** The kinds of wait items. */
export type ItemKind = 'job' | 'task' | 'timer' | 'message' | 'messageStart' | 'signal' | 'signalStart' | 'buffer' | 'incident';

/** Something waiting on the outside world, indexed for the engine's lookups. */
export interface WaitItem {
  key: string;
  kind: ItemKind;
  instanceKey: string;
  elementInstanceId: string;
  /** Job type or message name. */
  name: string;
  correlationKey: string;
  /** Timers: fire time; jobs: when activatable (null while in an incident); buffered messages: expiry. */
  dueAt: number | null;
  data: Record<string, unknown>;
}

/** A query for wait items; all given fields must match, dueBefore means dueAt <= it. */
export interface ItemQuery {
  kind: ItemKind;
  name?: string;
  correlationKey?: string;
  instanceKey?: string;
  dueBefore?: number;
  limit?: number;
}

/** A query for process instances; all given fields must match. */
export interface InstanceQuery {
  bpmnProcessId?: string;
  state?: InstanceRecord['state'];
}

/** Data access inside one transaction; `Handle` is what listeners get to write in it. */
export interface StoreTx<Handle = unknown> {
  /** The transaction handle given to event listeners (an EntityManager for the SQL store). */
  readonly handle: Handle;
  getDefinition(key: string): Promise<DefinitionRecord | undefined>;
  latestDefinition(bpmnProcessId: string): Promise<DefinitionRecord | undefined>;
  definitionByVersion(bpmnProcessId: string, version: number): Promise<DefinitionRecord | undefined>;
  putDefinition(def: DefinitionRecord): Promise<void>;
  /** Every deployed definition (processes and decisions) by key, without its XML. */
  listDefinitions(): Promise<Array<Omit<DefinitionRecord, 'xml'>>>;
  getInstance(key: string): Promise<InstanceRecord | undefined>;
  putInstance(instance: InstanceRecord, isNew: boolean): Promise<void>;
  /** Instances matching a query, by key. */
  findInstances(query: InstanceQuery): Promise<InstanceRecord[]>;
  getItem(key: string): Promise<WaitItem | undefined>;
  putItem(item: WaitItem, isNew: boolean): Promise<void>;
  deleteItem(key: string): Promise<void>;
  findItems(query: ItemQuery): Promise<WaitItem[]>;
  /** Runs work behind a savepoint: if it throws, its writes are undone and the transaction goes on. */
  savepoint<T>(work: () => Promise<T>): Promise<T>;
}

/** Where the embedded engine keeps its state; each step runs in one transaction whose handle is a `Handle`. */
export interface EngineStore<Handle = unknown> {
  /** True when committing is costly, so steps queued together should share a transaction (group commit). */
  readonly groupCommit: boolean;
  transaction<T>(work: (tx: StoreTx<Handle>) => Promise<T>): Promise<T>;
  /** Releases what the store holds (a connection), not the data; the engine calls it on close. */
  close(): Promise<void>;
}
