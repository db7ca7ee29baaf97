import { AuditEntry } from '../../src/entities/AuditEntry';
import { LedgerEntry } from '../../src/finance/LedgerEntry';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

describe.each(testDatabases())('a dealer ledger on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());

  const exposure = async (dealerId: string) => (await (await server.as('approver.finance')).get(`/api/finance/exposure/${dealerId}`)).body as { openDebt: number };
  const book = async (username: string, dealerId: string, body: object) => (await server.as(username)).post(`/api/finance/ledger/${dealerId}`).send(body);
  const bookings = (reference: string) => server.running.dataSource.getRepository(LedgerEntry).countBy({ reference });

  it('books a payment once: the debt falls by its amount, one audit entry, the line leads the ledger', async () => {
    const before = await exposure('dealer2');
    const response = await book('admin', 'dealer2', { kind: 'payment', reference: 'PAY-2026-0299', amount: 1_250_000.5, bookedAt: '2026-11-30' });
    expect(response.status).toBe(201);
    expect((await exposure('dealer2')).openDebt).toBeCloseTo(before.openDebt - 1_250_000.5, 2);
    const audited = await server.running.dataSource.getRepository(AuditEntry).findBy({ action: 'ledger.book', subjectId: 'dealer2' });
    expect(audited).toHaveLength(1);
    expect(JSON.parse(audited[0]!.payload)).toMatchObject({ kind: 'payment', reference: 'PAY-2026-0299', amount: 1_250_000.5, bookedAt: '2026-11-30' });
    const ledger = (await (await server.as('approver.finance')).get('/api/finance/ledger/dealer2')).body as { lines: { reference: string; kind: string }[] };
    expect(ledger.lines[0]).toMatchObject({ reference: 'PAY-2026-0299', kind: 'payment' });
    expect(ledger.lines.map((l) => l.reference)).toContain('INV-2026-0201');

    const again = await book('admin', 'dealer2', { kind: 'payment', reference: 'PAY-2026-0299', amount: 1_250_000.5, bookedAt: '2026-11-30' });
    expect(again.status).toBe(409);
    expect(again.body.details).toEqual({ reference: 'PAY-2026-0299' });
    expect(await bookings('PAY-2026-0299')).toBe(1);
  });

  it('books a document sent twice at the same time exactly once', async () => {
    const body = { kind: 'invoice', reference: 'INV-2026-0777', amount: 3_000_000, bookedAt: '2026-12-01' };
    const statuses = (await Promise.all([book('admin', 'dealer1', body), book('admin', 'dealer1', body), book('admin', 'dealer1', body)])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409]);
    expect(await bookings('INV-2026-0777')).toBe(1);
  });

  it('shows the ledger to finance and to the dealer\'s manager; only administrators book; dealer staff and other dealers see nothing', async () => {
    expect((await (await server.as('dealer1.manager')).get('/api/finance/ledger/dealer1')).status).toBe(200);
    expect((await (await server.as('dealer1.manager')).get('/api/finance/ledger/dealer2')).status).toBe(404);
    expect((await (await server.as('dealer1.staff')).get('/api/finance/ledger/dealer1')).status).toBe(404);
    expect((await (await server.as('admin')).get('/api/finance/ledger/nobody')).status).toBe(404);
    const booking = { kind: 'invoice', reference: 'INV-2026-0888', amount: 1000, bookedAt: '2026-12-01' };
    expect((await book('approver.finance', 'dealer1', booking)).status).toBe(403);
    expect((await book('dealer1.manager', 'dealer1', booking)).status).toBe(403);
    expect(await bookings('INV-2026-0888')).toBe(0);
  });

  it('refuses bad bookings naming the field', async () => {
    const bad = [
      [{ kind: 'gift', reference: 'X-1', amount: 1, bookedAt: '2026-12-01' }, 'kind'],
      [{ kind: 'invoice', reference: '  ', amount: 1, bookedAt: '2026-12-01' }, 'reference'],
      [{ kind: 'invoice', reference: 'X-2', amount: -5, bookedAt: '2026-12-01' }, 'amount'],
      [{ kind: 'invoice', reference: 'X-3', amount: 1.001, bookedAt: '2026-12-01' }, 'amount'],
      [{ kind: 'invoice', reference: 'X-4', amount: 1, bookedAt: '01.12.2026' }, 'bookedAt'],
    ] as const;
    for (const [body, field] of bad) {
      const response = await book('admin', 'dealer1', body);
      expect(response.status).toBe(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });
});
