import type { CurrentUser } from '../auth/CurrentUser';

/** Pages kept at most, over all users; keeping another drops the one read least recently. */
export const MAX_KEPT_PAGES = 2_000;

interface Kept<T> {
  /** The signed-in user object the page was built for. */
  user: CurrentUser;
  generation: number;
  at: number;
  answer: Promise<Readonly<T>>;
}

/**
 * List pages as each user last read them, until anything they show may have changed: `changed()`
 * puts every kept page out of date at once, and none is kept longer than `maxAgeMs` (for writes
 * this server cannot hear of). A page is kept under the generation read before it was built, so a
 * change committed while it builds leaves it out of date already. A page serves only the user
 * object it was built for, which the access cache replaces when the user's roles or groups
 * change, so it never outlives the rights it was built with. Kept answers are frozen: every read
 * shares one.
 */
export class UserPageCache<T extends object> {
  private generation = 0;
  /** By user and query, least recently read first. */
  private readonly pages = new Map<string, Kept<T>>();

  constructor(private readonly maxAgeMs: number, private readonly clock: () => number = () => performance.now(), private readonly maxPages = MAX_KEPT_PAGES) {}

  /** Something a page may show has changed: every page is built again on its next read. */
  changed(): void {
    this.generation += 1;
  }

  /** The user's page for `query`: as kept, or as `build` makes it now (concurrent reads share one build). */
  read(user: CurrentUser, query: Record<string, unknown>, build: () => Promise<T>): Promise<Readonly<T>> {
    const key = JSON.stringify([user.id, ...Object.entries(query).filter(([, value]) => value !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))]);
    const hit = this.pages.get(key);
    this.pages.delete(key);
    if (hit && hit.user === user && hit.generation === this.generation && this.clock() - hit.at < this.maxAgeMs) {
      this.pages.set(key, hit);
      return hit.answer;
    }
    const kept: Kept<T> = { user, generation: this.generation, at: this.clock(), answer: build().then((answer) => Object.freeze(answer)) };
    if (this.pages.size >= this.maxPages) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(key, kept);
    // a failed build is not kept: the next read tries again
    kept.answer.catch(() => {
      if (this.pages.get(key) === kept) this.pages.delete(key);
    });
    return kept.answer;
  }
}
