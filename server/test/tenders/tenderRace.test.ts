import { In } from 'typeorm';
import { SqlTenderRegistry } from '../../src/tenders/SqlTenderRegistry';
import { Tender } from '../../src/tenders/Tender';
import { TenderLock } from '../../src/tenders/TenderLock';
import { eventually } from '../support/eventually';
import { testDatabases } from '../support/testDatabases';
import { application, startTenderHarness, type TenderHarness } from './tenderHarness';

describe.each(testDatabases())('racing tender applications on %s', (_kind, database) => {
  let h: TenderHarness;
  beforeAll(async () => {
    h = await startTenderHarness(database());
  });
  afterAll(() => h.close());

  const settled = (caseRefs: string[]) => eventually(async () => {
    const rows = await h.dataSource.getRepository(Tender).findBy({ caseRef: In(caseRefs) });
    if (rows.length < caseRefs.length) throw new Error(`${rows.length} of ${caseRefs.length} registered`);
    return rows;
  });

  it('two dealers applying for one tender at the same moment: exactly one holds it, the other is refused with the date', async () => {
    const refs = ['TR-RACE-A', 'TR-RACE-B'];
    await Promise.all([h.apply('dealer1', refs[0], application({ tenderNumber: '0148300005425000777' })), h.apply('dealer2', refs[1], application({ tenderNumber: '0148300005425000777' }))]);
    const rows = await settled(refs);
    expect(rows.map((r) => r.state).sort()).toEqual(['conflict', 'pending']);
    expect(await h.dataSource.getRepository(TenderLock).countBy({ activeKey: '0148300005425000777' })).toBe(1);
    const held = rows.find((r) => r.state === 'pending')!;
    expect(rows.find((r) => r.state === 'conflict')!.conflictUntil).toEqual(held.heldUntil);
  });

  it('ten registrations racing directly on the registry, same customer and like objects under different numbers: one hold', async () => {
    const registry = new SqlTenderRegistry(h.dataSource);
    const refs = Array.from({ length: 10 }, (_, i) => `TR-RACE-${i}`);
    const results = await Promise.all(refs.map((caseRef, i) => registry.register({
      jobKey: `job-${caseRef}`, processInstanceKey: `pi-${caseRef}`, dealerId: `dealer${(i % 3) + 1}`, caseRef, windowDays: 90, holdDays: 5,
      application: { ...application(), tenderNumber: `R-${i}`, customerInn: '7830002293', customerName: 'СПб ГБУ «Горавтотранс»', tenderObject: `Поставка автомобилей Rio для такси, лот ${i % 2 === 0 ? 'один' : '1'}` } as never,
    })));
    expect(results.filter((r) => r.outcome === 'held')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'conflict').every((r) => r.conflictMatch === 'customer-object')).toBe(true);
    expect(await h.dataSource.getRepository(TenderLock).count({ where: { caseRef: In(refs), state: 'held' } })).toBe(1);
  });

  it('a redelivered job gets its first answer and changes nothing', async () => {
    const registry = new SqlTenderRegistry(h.dataSource);
    const call = { jobKey: 'job-again', processInstanceKey: 'pi-again', dealerId: 'dealer3', caseRef: 'TR-AGAIN', windowDays: 90, holdDays: 5, application: { ...application(), tenderNumber: 'AGAIN-1', customerInn: '7707083893', tenderObject: 'Автомобили Sorento для инкассации' } as never };
    const first = await registry.register(call);
    const second = await registry.register(call);
    expect(second).toEqual(first);
    expect(await h.dataSource.getRepository(Tender).countBy({ caseRef: 'TR-AGAIN' })).toBe(1);
    const lock = { jobKey: 'job-lock', processInstanceKey: 'pi-again', dealerId: 'dealer3', caseRef: 'TR-AGAIN', days: 30, decidedBy: 'approver.sales' };
    expect(await registry.lock(lock)).toEqual(await registry.lock(lock));
  });
});
