import { resourcesOf } from '@dealerflow/processes';
import { DealerRating } from '../../src/leads/DealerRating';
import { LeadEvent } from '../../src/leads/LeadEvent';
import { Lead } from '../../src/leads/Lead';
import { NotificationRecord } from '../../src/outbox/NotificationRecord';
import { eventually } from '../support/eventually';
import { testDatabases } from '../support/testDatabases';
import { startLeadHarness, type LeadHarness, type LeadInput } from './leadHarness';

const customer = { customerName: 'Ирина Соколова', phone: '+7 900 111-22-33', email: 'irina@example.ru', model: 'Sportage' };
const round2 = (n: number) => Math.round(n * 100) / 100;

describe.each(testDatabases())('lead distribution on %s', (_kind, database) => {
  let h: LeadHarness;
  beforeAll(async () => {
    h = await startLeadHarness(database());
  });
  afterAll(() => h.close());

  const ratingOf = async (dealerId: string) => h.dataSource.getRepository(DealerRating).findOneByOrFail({ dealerId });
  const eventsOf = (leadId: number) => h.dataSource.getRepository(LeadEvent).find({ where: { leadId }, order: { id: 'ASC' } }).then((rows) => rows.map((e) => `${e.kind}:${e.dealerId}`));
  const ended = (key: string) => eventually(async () => {
    const instance = await h.engine.getInstance(key);
    if (instance.incidents.length > 0) throw new Error(`incident: ${instance.incidents.map((i) => i.message).join('; ')}`);
    if (instance.state === 'ACTIVE') throw new Error(`${key} is still active`);
    return instance.history.map((step) => step.elementId);
  });
  const send = (caseRef: string, lead: Partial<LeadInput> & { source: string }) => h.send(caseRef, { ...customer, ...lead });

  it('territory: a test-drive request from Tatarstan goes to the Kazan dealer; accepting and selling move its rating by the formula', async () => {
    // given a lead from region 16, which only dealer2 serves
    const before = await ratingOf('dealer2');
    const { leadId, key } = await send('LD-TERRITORY', { source: 'test-drive', regionCode: '16' });
    const offer = await h.taskFor('LD-TERRITORY', 'AcceptLead');
    expect(offer.variables).toMatchObject({ dealerId: 'dealer2', dealerName: 'Автоцентр Казань', policy: { strategy: 'territory', acceptSlaMinutes: 60 } });
    expect(offer.candidateGroups).toEqual(['dealer-manager', 'dealer-staff']);
    expect(await h.lead(leadId)).toMatchObject({ status: 'offered', dealerId: 'dealer2', strategy: 'territory' });
    // when the dealer accepts after 12 of its 60 minutes
    await h.advanceMinutes(12);
    await h.engine.completeUserTask(offer.key, { leadDecision: 'accept' });
    const outcome = await h.taskFor('LD-TERRITORY', 'RecordOutcome');
    expect(outcome.variables.dealerId).toBe('dealer2');
    // then the speed part moves a fifth of the way to 80 (= 100 × (1 − 12/60))
    const speed = round2(0.8 * before.speed + 0.2 * 80);
    expect(await ratingOf('dealer2')).toMatchObject({ speed, conversion: before.conversion, score: round2((speed + before.conversion) / 2), events: 1 });
    expect(await h.lead(leadId)).toMatchObject({ status: 'accepted', dealerId: 'dealer2' });
    // when the dealer first records a test drive, then the sale
    await h.engine.completeUserTask(outcome.key, { outcome: 'testDrive' });
    await eventually(async () => expect((await h.lead(leadId)).status).toBe('testDrive'));
    const again = await h.taskFor('LD-TERRITORY', 'RecordOutcome');
    await h.engine.completeUserTask(again.key, { outcome: 'sold' });
    // then the case ends and the conversion part moves a fifth of the way to 100
    expect(await ended(key)).toContain('EndedWithOutcome');
    const conversion = round2(0.8 * before.conversion + 0.2 * 100);
    expect(await ratingOf('dealer2')).toMatchObject({ speed, conversion, score: round2((speed + conversion) / 2), events: 2 });
    expect(await h.lead(leadId)).toMatchObject({ status: 'sold' });
    expect(await eventsOf(leadId)).toEqual(['offered:dealer2', 'accepted:dealer2', 'outcome:dealer2', 'outcome:dealer2']);
    const accepted = await h.dataSource.getRepository(LeadEvent).findOneByOrFail({ leadId, kind: 'accepted' });
    expect(accepted.responseSeconds).toBe(720);
  });

  it('rating: a marketplace lead goes to the highest-rated dealer; when the SLA passes it moves on, never back, and then to the distributor queue', async () => {
    // given marketplace leads go by rating, threshold 70: dealer1 (82) then dealer2 (74-ish); dealer3 (66) is below
    const before = await ratingOf('dealer1');
    const { leadId } = await send('LD-RATING', { source: 'marketplace', regionCode: '54' });
    const first = await h.taskFor('LD-RATING', 'AcceptLead');
    expect(first.variables).toMatchObject({ dealerId: 'dealer1', policy: { strategy: 'rating', acceptSlaMinutes: 30, ratingThreshold: 70 } });
    // when dealer1 lets its 30 minutes pass
    await h.advanceMinutes(31);
    // then dealer2 gets it and dealer1's speed falls a fifth of the way to 0
    const second = await h.taskFor('LD-RATING', 'AcceptLead');
    expect(second.key).not.toBe(first.key);
    expect(second.variables.dealerId).toBe('dealer2');
    expect((await ratingOf('dealer1')).speed).toBe(round2(0.8 * before.speed));
    // when dealer2 misses it too, nobody rated 70 or more is left: the distributor's sales team gets it
    await h.advanceMinutes(31);
    const queued = await h.taskFor('LD-RATING', 'HandleQueuedLead');
    expect(queued.candidateGroups).toEqual(['sales']);
    expect(queued.variables.dealerId).toBeNull();
    expect(await h.lead(leadId)).toMatchObject({ status: 'queued', dealerId: null, offers: 2 });
    expect(await eventsOf(leadId)).toEqual(['offered:dealer1', 'missed:dealer1', 'offered:dealer2', 'missed:dealer2', 'queued:']);
    await h.engine.completeUserTask(queued.key, { outcome: 'lost', lostReason: 'Клиент купил у конкурента' });
    await eventually(async () => expect(await h.lead(leadId)).toMatchObject({ status: 'lost', lostReason: 'Клиент купил у конкурента' }));
  });

  it('hybrid: a brand-site lead goes to the territory first, then by rating after the SLA, never back to the dealer who missed it', async () => {
    // given a site lead from Kazan (city KZN, served by dealer2)
    const { leadId } = await send('LD-HYBRID', { source: 'site', cityCode: 'KZN' });
    const first = await h.taskFor('LD-HYBRID', 'AcceptLead');
    expect(first.variables).toMatchObject({ dealerId: 'dealer2', policy: { strategy: 'hybrid' } });
    // when the SLA passes, the best-rated dealer outside the territory gets it
    await h.advanceMinutes(61);
    const second = await h.taskFor('LD-HYBRID', 'AcceptLead');
    expect(second.variables.dealerId).toBe('dealer1');
    // when dealer1 declines, the next by rating (dealer3, 66 ≥ 60) gets it, not dealer2 again
    await h.engine.completeUserTask(second.key, { leadDecision: 'decline', declineReason: 'Нет этой модели в наличии' });
    const third = await h.taskFor('LD-HYBRID', 'AcceptLead');
    expect(third.variables.dealerId).toBe('dealer3');
    await h.engine.completeUserTask(third.key, { leadDecision: 'accept' });
    await h.taskFor('LD-HYBRID', 'RecordOutcome');
    expect(await eventsOf(leadId)).toEqual(['offered:dealer2', 'missed:dealer2', 'offered:dealer1', 'declined:dealer1', 'offered:dealer3', 'accepted:dealer3']);
    expect(await h.lead(leadId)).toMatchObject({ status: 'accepted', dealerId: 'dealer3' });
  });

  it('territory with no dealer serving the region goes straight to the distributor queue', async () => {
    const { leadId } = await send('LD-NOWHERE', { source: 'test-drive', regionCode: '25' });
    await h.taskFor('LD-NOWHERE', 'HandleQueuedLead');
    expect(await eventsOf(leadId)).toEqual(['queued:']);
  });

  it('first response: every dealer of the territory gets the offer; of ten concurrent accepts one wins and the other offers are withdrawn', async () => {
    // given a call-centre lead from the Moscow region (50), served by dealer1 and dealer2
    const { leadId } = await send('LD-FIRST', { source: 'call-centre', regionCode: '50' });
    const offers = await h.tasksFor('LD-FIRST', 'ConsiderLead', 2);
    expect(offers.map((t) => t.variables.dealerId).sort()).toEqual(['dealer1', 'dealer2']);
    expect(await h.lead(leadId)).toMatchObject({ status: 'offered', dealerId: null, strategy: 'first-response' });
    // when both dealers press accept five times each, at once
    const attempts = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => h.engine.completeUserTask(offers[i % 2].key, { leadDecision: 'accept' })));
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    // then exactly one dealer took it, and no offer is left open
    const outcome = await h.taskFor('LD-FIRST', 'RecordOutcome');
    const winner = String(outcome.variables.dealerId);
    expect(['dealer1', 'dealer2']).toContain(winner);
    expect(await h.tasksFor('LD-FIRST', 'ConsiderLead', 0)).toEqual([]);
    const accepted = await h.dataSource.getRepository(LeadEvent).find({ where: { leadId, kind: 'accepted' } });
    expect(accepted.map((e) => e.dealerId)).toEqual([winner]);
    expect(await h.lead(leadId)).toMatchObject({ status: 'accepted', dealerId: winner });
  });

  it('first response: when nobody accepts in time, the offers are withdrawn and the distributor queue gets the lead', async () => {
    const { leadId } = await send('LD-FIRST-LATE', { source: 'call-centre', regionCode: '50' });
    await h.tasksFor('LD-FIRST-LATE', 'ConsiderLead', 2);
    await h.advanceMinutes(16);
    await h.taskFor('LD-FIRST-LATE', 'HandleQueuedLead');
    expect(await h.tasksFor('LD-FIRST-LATE', 'ConsiderLead', 0)).toEqual([]);
    expect((await h.lead(leadId)).status).toBe('queued');
  });

  it('the outcome has a follow-up SLA: when it passes the dealer is reminded and the task stays open', async () => {
    await send('LD-FOLLOWUP', { source: 'test-drive', regionCode: '54' });
    await h.engine.completeUserTask((await h.taskFor('LD-FOLLOWUP', 'AcceptLead')).key, { leadDecision: 'accept' });
    const outcome = await h.taskFor('LD-FOLLOWUP', 'RecordOutcome');
    await h.advanceMinutes(48 * 60 + 1);
    await eventually(async () => {
      const sent = await h.dataSource.getRepository(NotificationRecord).find({ where: { processInstanceKey: outcome.processInstanceKey } });
      expect(sent.map((n) => [n.template, n.dealerId])).toEqual([['lead-outcome-overdue', 'dealer3']]);
    });
    expect((await h.taskFor('LD-FOLLOWUP', 'RecordOutcome')).key).toBe(outcome.key);
  });

  it('a lead-received message from the brand site starts the case and stores the lead', async () => {
    await h.engine.publishMessage({ name: 'lead-received', correlationKey: '', variables: { ...customer, source: 'test-drive', regionCode: '16', externalId: 'site-4711' } });
    const lead = await eventually(async () => h.dataSource.getRepository(Lead).findOneByOrFail({ externalId: 'site-4711' }));
    expect(lead).toMatchObject({ createdBy: 'message:lead-received', customerName: 'Ирина Соколова' });
    expect(lead.caseRef).toMatch(/^LD-\d{4}-[0-9A-Z]{6}$/);
    const offer = await h.taskFor(lead.caseRef, 'AcceptLead');
    expect(offer.variables).toMatchObject({ dealerId: 'dealer2', leadId: lead.id });
  });

  it('the routing policy is data: a new version of the decision table re-routes the next lead without redeploying the process', async () => {
    // given test-drive leads go by territory: region 16 to dealer2
    const before = await send('LD-BEFORE-EDIT', { source: 'test-drive', regionCode: '16' });
    expect((await h.taskFor('LD-BEFORE-EDIT', 'AcceptLead')).variables.dealerId).toBe('dealer2');
    // when an admin changes the default rule to "rating" and deploys only the table
    const dmn = resourcesOf('lead-distribution').find((r) => r.name.endsWith('.dmn'))!;
    const deployment = await h.engine.deploy([{ name: dmn.name, content: dmn.content.replace('<outputEntry id="Out_Default_S"><text>"territory"</text>', '<outputEntry id="Out_Default_S"><text>"rating"</text>') }]);
    // then the next test-drive lead from the same region goes to the highest-rated dealer
    const [top] = await h.dataSource.getRepository(DealerRating).find({ order: { score: 'DESC' }, take: 1 });
    expect(top.dealerId).not.toBe('dealer2');
    expect(deployment.processes).toEqual([]);
    expect(deployment.decisions?.map((d) => [d.decisionId, d.version])).toEqual([['lead-routing-policy', 2]]);
    const after = await send('LD-AFTER-EDIT', { source: 'test-drive', regionCode: '16' });
    const offer = await h.taskFor('LD-AFTER-EDIT', 'AcceptLead');
    expect(offer.variables.policy).toMatchObject({ strategy: 'rating' });
    expect(offer.variables.dealerId).toBe(top.dealerId);
    expect((await h.engine.getInstance(after.key)).version).toBe((await h.engine.getInstance(before.key)).version);
  });
});
