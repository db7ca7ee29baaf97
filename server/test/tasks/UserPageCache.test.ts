import type { CurrentUser } from '../../src/auth/CurrentUser';
import { UserPageCache } from '../../src/tasks/UserPageCache';

const userNamed = (username: string) => ({ id: `id-${username}`, username }) as unknown as CurrentUser;

describe('pages kept per user', () => {
  let now: number;
  let cache: UserPageCache<{ n: number }>;
  let builds: number;
  const build = async () => ({ n: ++builds });
  beforeEach(() => {
    now = 0;
    builds = 0;
    cache = new UserPageCache(1_000, () => now, 3);
  });

  it('answers a repeated read, in any order of its query, with the page it built, frozen', async () => {
    const anna = userNamed('anna');
    const first = await cache.read(anna, { sort: 'due', processId: 'warranty', cursor: undefined }, build);
    const again = await cache.read(anna, { processId: 'warranty', sort: 'due' }, build);
    expect(again).toBe(first);
    expect(builds).toBe(1);
    expect(Object.isFrozen(first)).toBe(true);
    // another query, another user, or the same user signed in anew or with changed rights (a new user object) is a page of its own
    await cache.read(anna, { sort: 'created' }, build);
    await cache.read(userNamed('bob'), { sort: 'due', processId: 'warranty' }, build);
    await cache.read(userNamed('anna'), { sort: 'due', processId: 'warranty' }, build);
    expect(builds).toBe(4);
  });

  it('builds every page again after a change, and after the longest age', async () => {
    const anna = userNamed('anna');
    await cache.read(anna, {}, build);
    cache.changed();
    expect(await cache.read(anna, {}, build)).toEqual({ n: 2 });
    now = 999;
    expect(await cache.read(anna, {}, build)).toEqual({ n: 2 });
    now = 1_000;
    expect(await cache.read(anna, {}, build)).toEqual({ n: 3 });
  });

  it('keeps a page built across a change as out of date already', async () => {
    const anna = userNamed('anna');
    let finish!: () => void;
    const slow = cache.read(anna, {}, () => new Promise((resolve) => { finish = () => resolve({ n: ++builds }); }));
    // the change commits while the page is being read
    cache.changed();
    finish();
    await slow;
    expect(await cache.read(anna, {}, build)).toEqual({ n: 2 });
  });

  it('shares one build among concurrent reads, and keeps no failed one', async () => {
    const anna = userNamed('anna');
    const reads = await Promise.all([cache.read(anna, {}, build), cache.read(anna, {}, build), cache.read(anna, {}, build)]);
    expect(new Set(reads).size).toBe(1);
    expect(builds).toBe(1);
    const bob = userNamed('bob');
    await expect(cache.read(bob, {}, () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cache.read(bob, {}, build)).toEqual({ n: 2 });
  });

  it('keeps at most its number of pages, dropping the one read least recently', async () => {
    const anna = userNamed('anna');
    for (const page of [1, 2, 3]) await cache.read(anna, { page }, build);
    await cache.read(anna, { page: 1 }, build);
    expect(builds).toBe(3);
    // a fourth page drops page 2, read least recently
    await cache.read(anna, { page: 4 }, build);
    await cache.read(anna, { page: 1 }, build);
    await cache.read(anna, { page: 3 }, build);
    expect(builds).toBe(4);
    await cache.read(anna, { page: 2 }, build);
    expect(builds).toBe(5);
  });
});
