import type { CurrentUser } from '../auth/CurrentUser';

/** Pages kept per user; reading another query past this drops the user's oldest. */
export const PAGES_PER_USER = 16;

interface Kept<T> {
  generation: number;
  at: number;
  answer: Promise<Readonly<T>>;
}

/**
 * List pages as each user last read them, until anything they show may have changed: `changed()`
 * puts every kept page out of date at once, and none is kept longer than `maxAgeMs` (for writes
 * this server cannot hear of). A page is kept under the generation read before it was built, so a
 * change committed while it builds leaves it out of date already. Pages hang off the signed-in
 * user's object, which the access cache replaces when the user's roles or groups change, so a
 * page never outlives the rights it was built with. Kept answers are frozen: every read shares one.
 */
export class UserPageCache<T extends object> {
  private generation = 0;
  private readonly pages = new WeakMap<CurrentUser, Map<string, Kept<T>>>();

  constructor(private readonly maxAgeMs: number, private readonly clock: () => number = () => performance.now()) {}

  /** Something a page may show has changed: every page is built again on its next read. */
  changed(): void {
    this.generation += 1;
  }

  /** The user's page for `query`: as kept, or as `build` makes it now (concurrent reads share one build). */
  read(user: CurrentUser, query: Record<string, unknown>, build: () => Promise<T>): Promise<Readonly<T>> {
    const key = JSON.stringify(Object.entries(query).filter(([, value]) => value !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));
    let own = this.pages.get(user);
    const hit = own?.get(key);
    if (hit && hit.generation === this.generation && this.clock() - hit.at < this.maxAgeMs) return hit.answer;
    if (!own) this.pages.set(user, (own = new Map()));
    const kept: Kept<T> = { generation: this.generation, at: this.clock(), answer: build().then((answer) => Object.freeze(answer)) };
    own.delete(key);
    if (own.size >= PAGES_PER_USER) own.delete(own.keys().next().value!);
    own.set(key, kept);
    // a failed build is not kept: the next read tries again
    kept.answer.catch(() => {
      if (own.get(key) === kept) own.delete(key);
    });
    return kept.answer;
  }
}
