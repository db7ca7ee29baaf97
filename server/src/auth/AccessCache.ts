import type { AccessEpoch } from './AccessEpoch';

/** The longest any entry is trusted, even when the epoch has not moved (changes made behind the application's back). */
export const ACCESS_CACHE_MAX_AGE_MS = 60_000;
/** Entries kept per cache; the oldest goes first. */
export const ACCESS_CACHE_MAX_ENTRIES = 20_000;

/**
 * Values that decide access (a session, a user with their ability, an API token), kept per key
 * while the access epoch stays where it was when they were loaded, and at most
 * `ACCESS_CACHE_MAX_AGE_MS`. A value is stored under the epoch read before it was loaded, so a
 * change committed while it loads leaves it already out of date. See AccessEpoch for how
 * changes reach every server.
 */
export class AccessCache<V> {
  private readonly entries = new Map<string, { value: V; epoch: string; at: number }>();
  private filledUnder = '';

  constructor(private readonly epoch: AccessEpoch, private readonly clock: () => number = () => performance.now(), private readonly maxAgeMs = ACCESS_CACHE_MAX_AGE_MS, private readonly maxEntries = ACCESS_CACHE_MAX_ENTRIES) {}

  /** The cached value of `key`, or what `load` returns (then cached). */
  async get(key: string, load: () => Promise<V>): Promise<V> {
    const epoch = await this.epoch.current();
    if (epoch !== this.filledUnder) {
      this.entries.clear();
      this.filledUnder = epoch;
    }
    const hit = this.entries.get(key);
    if (hit && hit.epoch === epoch && this.clock() - hit.at < this.maxAgeMs) return hit.value;
    const at = this.clock();
    const value = await load();
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, epoch, at });
    return value;
  }
}
