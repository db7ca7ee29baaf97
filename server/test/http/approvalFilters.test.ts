import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

interface QueueItem { key: string; caseRef: string; dealerId: string; dealerName: string; bpmnProcessId: string; createdAt: string; summary: { claimAmount?: number; covered?: boolean; coverageKind?: string; customerName?: string } }

describe.each(testDatabases())('approval queue sorting and filters on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());

  const queue = async (query = '') => {
    const response = await (await server.as('approver.warranty')).get(`/api/approvals${query}`);
    expect(response.status).toBe(200);
    return response.body as { items: QueueItem[]; nextCursor: string | null };
  };

  it('shows each claim with its amount, coverage verdict and customer', async () => {
    const { items } = await queue();
    expect(items.length).toBeGreaterThan(2);
    expect(items.every((item) => typeof item.summary.claimAmount === 'number' && typeof item.summary.covered === 'boolean')).toBe(true);
    expect(items.some((item) => item.summary.covered === true) && items.some((item) => item.summary.covered === false)).toBe(true);
  });

  it('sorts by amount, largest first, and pages by a cursor without gaps or repeats', async () => {
    const all = (await queue('?sort=amount&limit=200')).items;
    const amounts = all.map((item) => item.summary.claimAmount ?? 0);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: QueueItem[]; nextCursor: string | null } = await queue(`?sort=amount&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((item) => item.key));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((item) => item.key));
  });

  it('narrows by dealer, process, coverage and a least amount', async () => {
    const all = (await queue('?limit=200')).items;
    const byDealer = (await queue('?dealerId=dealer2&limit=200')).items;
    expect(byDealer.length).toBeGreaterThan(0);
    expect(byDealer.map((item) => item.key).sort()).toEqual(all.filter((item) => item.dealerId === 'dealer2').map((item) => item.key).sort());
    expect((await queue('?processId=vehicle-allocation')).items).toEqual([]);
    expect((await queue('?processId=warranty-claim&limit=200')).items).toHaveLength(all.length);
    const covered = (await queue('?coverage=covered&limit=200')).items;
    const notCovered = (await queue('?coverage=notCovered&limit=200')).items;
    expect(covered.every((item) => item.summary.covered === true) && notCovered.every((item) => item.summary.covered === false)).toBe(true);
    expect(covered.length + notCovered.length).toBe(all.length);
    const median = all.map((item) => item.summary.claimAmount ?? 0).sort((a, b) => a - b)[Math.floor(all.length / 2)];
    const large = (await queue(`?minAmount=${Math.round(median)}&limit=200`)).items;
    expect(large.length).toBeGreaterThan(0);
    expect(large.length).toBeLessThanOrEqual(all.length);
    expect(large.every((item) => Math.round(item.summary.claimAmount ?? 0) >= Math.round(median))).toBe(true);
    expect(large.map((item) => item.key).sort()).toEqual(all.filter((item) => Math.round(item.summary.claimAmount ?? 0) >= Math.round(median)).map((item) => item.key).sort());
  });

  /** Every key of the queue in `sort` order, page by page of `limit`. */
  const walk = async (sort: string, limit: number) => {
    const seen: QueueItem[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: QueueItem[]; nextCursor: string | null } = await queue(`?sort=${sort}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  };

  /** The order the queue must have by dealer name: names A to Z (ranked as listed), equal names by key. */
  const byNameThenKey = (items: QueueItem[], names: string[]) => [...items].sort((a, b) => names.indexOf(a.dealerName) - names.indexOf(b.dealerName) || (a.key < b.key ? -1 : 1)).map((item) => item.key);

  it('sorts by dealer name A to Z, showing each task’s dealer by name, and pages by a cursor', async () => {
    const all = (await queue('?sort=dealer&limit=200')).items;
    expect(new Set(all.map((item) => item.dealerId))).toEqual(new Set(['dealer1', 'dealer2', 'dealer3']));
    const names = ['Автоцентр Казань', 'Автоцентр Москва', 'Автоцентр Новосибирск'];
    expect(all.map((item) => item.key)).toEqual(byNameThenKey(all, names));
    expect(all.every((item) => item.dealerName === names[['dealer2', 'dealer1', 'dealer3'].indexOf(item.dealerId)])).toBe(true);
    expect((await walk('dealer', 1)).map((item) => item.key)).toEqual(all.map((item) => item.key));
  });

  it('follows a dealer’s new name at once, and pages across equal names by key without gaps or repeats', async () => {
    const admin = await server.as('admin');
    // two dealers with one name, and one moved to the end of the alphabet
    expect((await admin.patch('/api/dealers/dealer3').send({ name: 'Автоцентр Москва' })).status).toBe(200);
    expect((await admin.patch('/api/dealers/dealer2').send({ name: 'Автоцентр Янтарь' })).status).toBe(200);
    try {
      const all = (await queue('?sort=dealer&limit=200')).items;
      expect(all.filter((item) => item.dealerId === 'dealer3').every((item) => item.dealerName === 'Автоцентр Москва')).toBe(true);
      expect(all.map((item) => item.key)).toEqual(byNameThenKey(all, ['Автоцентр Москва', 'Автоцентр Янтарь']));
      expect(all.at(-1)?.dealerId).toBe('dealer2');
      for (const limit of [1, 2]) expect((await walk('dealer', limit)).map((item) => item.key)).toEqual(all.map((item) => item.key));
    } finally {
      expect((await admin.patch('/api/dealers/dealer3').send({ name: 'Автоцентр Новосибирск' })).status).toBe(200);
      expect((await admin.patch('/api/dealers/dealer2').send({ name: 'Автоцентр Казань' })).status).toBe(200);
    }
    expect((await queue('?sort=dealer&limit=200')).items[0].dealerName).toBe('Автоцентр Казань');
  });

  it('refuses a sort or filter it does not know with a 400 naming it', async () => {
    for (const [query, field] of [['?sort=colour', 'sort'], ['?coverage=yes', 'coverage'], ['?minAmount=-5', 'minAmount']]) {
      const response = await (await server.as('approver.warranty')).get(`/api/approvals${query}`);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.details)).toContain(field);
    }
  });
});
