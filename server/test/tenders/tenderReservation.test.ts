import { AuditEntry } from '../../src/entities/AuditEntry';
import { NotificationRecord } from '../../src/outbox/NotificationRecord';
import { Tender } from '../../src/tenders/Tender';
import { TenderLock } from '../../src/tenders/TenderLock';
import { TenderOutcome } from '../../src/tenders/TenderOutcome';
import { testDatabases } from '../support/testDatabases';
import { application, startTenderHarness, type TenderHarness } from './tenderHarness';

const DAY = 86_400_000;

describe.each(testDatabases())('tender reservation on %s', (_kind, database) => {
  let h: TenderHarness;
  beforeAll(async () => {
    h = await startTenderHarness(database());
  });
  afterAll(() => h.close());

  const tender = (caseRef: string) => h.dataSource.getRepository(Tender).findOneByOrFail({ caseRef });
  const activeLocks = (tenderKey: string) => h.dataSource.getRepository(TenderLock).countBy({ activeKey: tenderKey });
  const notified = (key: string) => h.dataSource.getRepository(NotificationRecord).find({ where: { processInstanceKey: key }, order: { createdAt: 'ASC' } }).then((rows) => rows.map((r) => r.template));

  it('apply, lock for 30 days, report won: the outcome is stored and the tender freed', async () => {
    // given dealer1 applies for a tender
    const key = await h.apply('dealer1', 'TR-WON', application({ tenderNumber: '№ 0373100056024000001' }));
    const verify = await h.taskFor('TR-WON', 'VerifyTender');
    expect(verify.candidateGroups).toEqual(['sales']);
    expect(verify.variables).toMatchObject({ registryOutcome: 'held', lockDays: 30 });
    expect(await tender('TR-WON')).toMatchObject({ state: 'pending', dealerId: 'dealer1', tenderKey: '0373100056024000001' });
    // when the sales approver locks it
    await h.engine.completeUserTask(verify.key, { decision: 'approve', lockDays: 30, decisionReason: 'Документы в порядке', decidedBy: 'approver.sales' });
    const report = await h.taskFor('TR-WON', 'ReportOutcome');
    const lockedUntil = new Date(h.clock.now() + 30 * DAY).toISOString();
    expect(report.variables.lockedUntil).toBe(lockedUntil);
    expect(await tender('TR-WON')).toMatchObject({ state: 'locked', decidedBy: 'approver.sales', heldUntil: new Date(lockedUntil) });
    // and the dealer reports it won
    await h.engine.completeUserTask(report.key, { outcome: 'won', lastEditedBy: 'dealer1.manager' });
    const done = await h.ended(key);
    expect(done.elements).toContain('EndedReported');
    expect(await h.dataSource.getRepository(TenderOutcome).findOneByOrFail({ caseRef: 'TR-WON' })).toMatchObject({ dealerId: 'dealer1', outcome: 'won', reportedBy: 'dealer1.manager' });
    expect((await tender('TR-WON')).state).toBe('won');
    expect(await activeLocks('0373100056024000001')).toBe(0);
    expect(await notified(key)).toEqual(['tender-reservation-locked']);
    const audited = await h.dataSource.getRepository(AuditEntry).find({ where: { subjectId: key }, order: { seq: 'ASC' } });
    expect(audited.map((a) => a.action)).toEqual(['tender.register', 'tender.lock', 'tender.outcome']);
  });

  it('refused by the approver with a reason: the tender is free for the next dealer', async () => {
    const key = await h.apply('dealer2', 'TR-REFUSED', application({ tenderNumber: '0373100056024000002', customerInn: '7736207543', customerName: 'ООО Яндекс' }));
    await h.engine.completeUserTask((await h.taskFor('TR-REFUSED', 'VerifyTender')).key, { decision: 'reject', decisionReason: 'Нет письма заказчика', decidedBy: 'approver.sales' });
    expect((await h.ended(key)).elements).toEqual(expect.arrayContaining(['RefuseTender', 'EndedRefused']));
    expect(await tender('TR-REFUSED')).toMatchObject({ state: 'refused', reason: 'Нет письма заказчика' });
    expect(await notified(key)).toEqual(['tender-reservation-refused']);
    // the next dealer's application is held, not refused
    await h.apply('dealer3', 'TR-AFTER-REFUSAL', application({ tenderNumber: '0373100056024000002', customerInn: '7736207543', customerName: 'ООО Яндекс' }));
    expect((await h.taskFor('TR-AFTER-REFUSAL', 'VerifyTender')).variables.registryOutcome).toBe('held');
  });

  it('another dealer applying for a held tender is refused at once and learns only until when it is reserved', async () => {
    // given dealer1 holds a tender (locked by the approver)
    await h.apply('dealer1', 'TR-HOLDER', application({ tenderNumber: '32615000003', platform: 'sberbank-ast', customerInn: '500100732259', customerName: 'ИП Иванов Иван', tenderObject: 'Поставка микроавтобусов Carnival для школ' }));
    await h.engine.completeUserTask((await h.taskFor('TR-HOLDER', 'VerifyTender')).key, { decision: 'approve', lockDays: 45, decisionReason: 'Документы в порядке', decidedBy: 'approver.sales' });
    const lockedUntil = (await h.taskFor('TR-HOLDER', 'ReportOutcome')).variables.lockedUntil;
    // when dealer2 applies for the same tender with the number written differently
    const byNumber = await h.apply('dealer2', 'TR-SAME-NUMBER', application({ tenderNumber: '326-150-000-03', customerInn: '500100732259', customerName: 'Иванов И. И.', tenderObject: 'Микроавтобусы' }));
    // and dealer3 for the same customer and a like object under another number
    const byObject = await h.apply('dealer3', 'TR-SAME-OBJECT', application({ tenderNumber: '32615000099', customerInn: '500100732259', customerName: 'ИП Иванов', tenderObject: 'поставка микроавтобусов «Carnival» для школ' }));
    for (const [key, caseRef, match] of [[byNumber, 'TR-SAME-NUMBER', 'tender-number'], [byObject, 'TR-SAME-OBJECT', 'customer-object']] as const) {
      const done = await h.ended(key);
      expect(done.elements).toEqual(expect.arrayContaining(['NotifyConflict', 'EndedConflict']));
      expect(done.elements).not.toContain('VerifyTender');
      expect(done.variables.registry).toMatchObject({ conflictUntil: lockedUntil, conflictMatch: match, conflictWith: 'other' });
      // never who holds it
      expect(JSON.stringify(done.variables)).not.toMatch(/dealer1|TR-HOLDER/);
      expect(await tender(caseRef)).toMatchObject({ state: 'conflict', conflictUntil: new Date(lockedUntil as string) });
      expect(await notified(key)).toEqual(['tender-reservation-conflict']);
    }
    expect(await activeLocks('32615000003')).toBe(1);
  });

  it('a different object of the same customer is no conflict, but the approver sees the similar applications', async () => {
    await h.apply('dealer2', 'TR-OTHER-OBJECT', application({ tenderNumber: '32615000100', customerInn: '500100732259', customerName: 'ИП Иванов Иван', tenderObject: 'Поставка служебных седанов K5 для администрации' }));
    const verify = await h.taskFor('TR-OTHER-OBJECT', 'VerifyTender');
    expect(verify.variables.registryOutcome).toBe('held');
    const similar = (verify.variables.registry as { similar: { tenderNumber: string; score: number }[] }).similar;
    expect(similar.length).toBeGreaterThan(0);
    // the approver's hint names neither the other dealers nor their cases
    expect(Object.keys(similar[0]).sort()).toEqual(['appliedOn', 'score', 'state', 'tenderNumber']);
  });

  it('the lock expires with the clock: the tender is released and the dealer told', async () => {
    const key = await h.apply('dealer1', 'TR-EXPIRES', application({ tenderNumber: '0373100056024000003' }));
    await h.engine.completeUserTask((await h.taskFor('TR-EXPIRES', 'VerifyTender')).key, { decision: 'approve', lockDays: 10, decisionReason: 'Документы в порядке', decidedBy: 'approver.sales' });
    await h.taskFor('TR-EXPIRES', 'ReportOutcome');
    h.clock.advance(9 * DAY);
    await h.engine.tick();
    expect((await tender('TR-EXPIRES')).state).toBe('locked');
    h.clock.advance(2 * DAY);
    await h.engine.tick();
    const done = await h.ended(key);
    expect(done.elements).toEqual(expect.arrayContaining(['LockExpired', 'ExpireLock', 'EndedExpired']));
    expect(done.elements).not.toContain('RecordOutcome');
    expect((await tender('TR-EXPIRES')).state).toBe('expired');
    expect(await activeLocks('0373100056024000003')).toBe(0);
    expect(await notified(key)).toEqual(['tender-reservation-locked', 'tender-reservation-expired']);
  });
});
