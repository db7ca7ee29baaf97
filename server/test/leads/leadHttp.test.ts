import { UserDirectory } from '../../src/auth/UserDirectory';
import { AuditEntry } from '../../src/entities/AuditEntry';
import { User } from '../../src/entities/User';
import { Lead } from '../../src/leads/Lead';
import { eventually } from '../support/eventually';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

const lead = { customerName: 'Ильдар Хасанов', phone: '+7 917 555-44-33', email: 'ildar@example.ru', regionCode: '16', model: 'Sportage', source: 'test-drive' };

describe.each(testDatabases())('leads through the API on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());

  const ds = () => server.running.services.dataSource;
  const tasksOf = async (username: string) => (await (await server.as(username)).get('/api/tasks')).body.items as { key: string; elementId: string; caseRef: string; dealerId: string }[];
  const taskFor = (username: string, caseRef: string, elementId: string) => eventually(async () => {
    const task = (await tasksOf(username)).find((t) => t.caseRef === caseRef && t.elementId === elementId);
    if (!task) throw new Error(`${username} has no ${elementId} task for ${caseRef}`);
    return task;
  });
  const leadsOf = async (username: string) => (await (await server.as(username)).get('/api/leads')).body.items as { id: number; caseRef: string; status: string; dealerName: string | null; secondsLeft: number | null; phone?: string; externalId: string | null }[];

  it('the brand site sends a lead; the Kazan dealer gets it in its inbox and the leads list, accepts it and records the sale', async () => {
    // when the integration user sends a test-drive request from Tatarstan
    const sent = await (await server.as('brand.site')).post('/api/leads').send({ ...lead, externalId: 'site-1001' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ caseRef: expect.stringMatching(/^LD-\d{4}-/), status: 'new', created: true });
    const { caseRef, id } = sent.body as { caseRef: string; id: number };
    expect(await ds().getRepository(AuditEntry).countBy({ action: 'lead.create', subjectId: String(id) })).toBe(1);
    // then dealer2 sees the offer, dealer1 does not
    const offer = await taskFor('dealer2.staff', caseRef, 'AcceptLead');
    expect(offer.dealerId).toBe('dealer2');
    expect((await tasksOf('dealer1.manager')).some((t) => t.caseRef === caseRef)).toBe(false);
    const listed = (await leadsOf('dealer2.staff')).find((l) => l.caseRef === caseRef);
    expect(listed).toMatchObject({ status: 'offered', dealerName: 'Автоцентр Казань' });
    expect(listed!.secondsLeft).toBeGreaterThan(3000);
    expect(listed!.secondsLeft).toBeLessThanOrEqual(3600);
    expect((await leadsOf('dealer1.manager')).some((l) => l.caseRef === caseRef)).toBe(false);
    expect((await leadsOf('approver.sales')).some((l) => l.caseRef === caseRef)).toBe(true);
    // when the dealer accepts and records the sale through the inbox
    const staff = await server.as('dealer2.staff');
    expect((await staff.post(`/api/tasks/${offer.key}/complete`).send({ variables: { leadDecision: 'accept' } })).status).toBe(204);
    const outcome = await taskFor('dealer2.staff', caseRef, 'RecordOutcome');
    const refused = await staff.post(`/api/tasks/${outcome.key}/complete`).send({ variables: { outcome: 'lost' } });
    expect(refused.status).toBe(400);
    expect((await staff.post(`/api/tasks/${outcome.key}/complete`).send({ variables: { outcome: 'sold' } })).status).toBe(204);
    await eventually(async () => expect((await ds().getRepository(Lead).findOneByOrFail({ id })).status).toBe('sold'));
    // then the dealer's manager sees its rating moved, and only its own
    const ratings = (await (await server.as('dealer2.manager')).get('/api/lead-ratings')).body.items as { dealerId: string; dealerName: string; events: number }[];
    expect(ratings).toEqual([expect.objectContaining({ dealerId: 'dealer2', dealerName: 'Автоцентр Казань', events: 2 })]);
  });

  it('a dealer manager who takes on a city gets its next lead: territory edits reach routing at once', async () => {
    // given the Novosibirsk manager adds Kazan's city code (lower case) to its territory
    const manager = await server.as('dealer1.manager');
    const patched = await manager.patch('/api/dealers/dealer1').send({ territoryCodes: ['77', '50', '69', 'MOW', 'kzn'] });
    expect(patched.status).toBe(200);
    // when a test-drive lead from the city of Kazan arrives (no region given)
    const sent = await (await server.as('brand.site')).post('/api/leads').send({ ...lead, regionCode: undefined, cityCode: 'KZN', externalId: 'city-kzn-1' });
    expect(sent.status).toBe(201);
    // then the better-rated Moscow dealer, now serving Kazan, gets the offer first
    const offer = await taskFor('dealer1.manager', sent.body.caseRef as string, 'AcceptLead');
    expect(offer.dealerId).toBe('dealer1');
    // and taking the city away again leaves dealer1 out of the next one
    await manager.patch('/api/dealers/dealer1').send({ territoryCodes: ['77', '50', '69', 'MOW'] }).expect(200);
    const next = await (await server.as('brand.site')).post('/api/leads').send({ ...lead, regionCode: undefined, cityCode: 'KZN', externalId: 'city-kzn-2' });
    expect((await taskFor('dealer2.staff', next.body.caseRef as string, 'AcceptLead')).dealerId).toBe('dealer2');
  });

  it('the demo opens leads in several dealers; ratingOf and the events query read what routing recorded', async () => {
    const demo = await eventually(async () => {
      const rows = (await leadsOf('approver.sales')).filter((l) => l.externalId?.startsWith('demo-'));
      expect(rows).toHaveLength(4);
      return rows;
    });
    expect(demo.map((l) => l.status).sort()).toEqual(['accepted', 'offered', 'offered', 'offered']);
    expect(new Set(demo.map((l) => l.dealerName))).toEqual(new Set(['Автоцентр Казань', 'Автоцентр Москва', null, 'Автоцентр Новосибирск']));
    // dealer3 took its demo lead at once: its speed moved a fifth of the way to (almost) 100
    const leads = server.running.services.leads;
    expect(await leads.ratingOf('dealer3')).toBeCloseTo((0.8 * 66 + 0.2 * 100 + 66) / 2, 0);
    expect(await leads.ratingOf('no-such-dealer')).toBe(50);
    const directory = new UserDirectory(ds());
    const asUser = async (username: string) => directory.withAbility(await ds().getRepository(User).findOneByOrFail({ username }));
    const events = await leads.events(await asUser('approver.sales'), 'dealer3', new Date(0));
    expect(events.map((e) => e.kind)).toEqual(['offered', 'accepted']);
    expect(events[1].responseSeconds).toBeGreaterThanOrEqual(0);
    expect(await leads.events(await asUser('dealer1.manager'), 'dealer3', new Date(0))).toEqual([]);
  });

  it('the same external id sent five times at once makes one lead and one case', async () => {
    const site = await server.as('brand.site');
    const answers = await Promise.all(Array.from({ length: 5 }, () => site.post('/api/leads').send({ ...lead, externalId: 'site-race-7' })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const rows = await ds().getRepository(Lead).findBy({ externalId: 'site-race-7' });
    expect(rows).toHaveLength(1);
    expect(await ds().getRepository(AuditEntry).countBy({ action: 'lead.create', subjectId: String(rows[0].id) })).toBe(1);
    await taskFor('dealer2.staff', rows[0].caseRef, 'AcceptLead');
    const offers = (await tasksOf('dealer2.staff')).filter((t) => t.caseRef === rows[0].caseRef);
    expect(offers).toHaveLength(1);
  });

  it('an admin enters a lead on the start form; the case stores it and routes it like one from the API', async () => {
    const started = await (await server.as('admin')).post('/api/process-instances').send({ bpmnProcessId: 'lead-distribution', variables: { customerName: 'Олег Петров', phone: '+7 912 000-11-22', regionCode: '54', model: 'Seltos', source: 'test-drive' } });
    expect(started.status).toBe(201);
    const { caseRef } = started.body as { caseRef: string };
    const row = await eventually(async () => ds().getRepository(Lead).findOneByOrFail({ caseRef }));
    expect(row).toMatchObject({ createdBy: 'admin', customerName: 'Олег Петров', processInstanceKey: started.body.instanceKey });
    expect((await taskFor('dealer3.staff', caseRef, 'AcceptLead')).dealerId).toBe('dealer3');
    const bad = await (await server.as('admin')).post('/api/process-instances').send({ bpmnProcessId: 'lead-distribution', variables: { customerName: 'Олег Петров', phone: 'x', model: 'Seltos', source: 'fax' } });
    expect(bad.status).toBe(400);
    expect((await (await server.as('dealer1.manager')).get('/api/processes')).body.items.map((p: { bpmnProcessId: string }) => p.bpmnProcessId)).not.toContain('lead-distribution');
  });

  it('first response through the inbox: ten concurrent accepts by two dealers give one winner; the others get 409 and the other offer is gone', async () => {
    const sent = await (await server.as('brand.site')).post('/api/leads').send({ ...lead, regionCode: '50', source: 'call-centre', externalId: 'race-first-1' });
    const { caseRef, id } = sent.body as { caseRef: string; id: number };
    const offers = [await taskFor('dealer1.manager', caseRef, 'ConsiderLead'), await taskFor('dealer2.manager', caseRef, 'ConsiderLead')];
    const agents = [await server.as('dealer1.manager'), await server.as('dealer2.manager')];
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => agents[i % 2].post(`/api/tasks/${offers[i % 2].key}/complete`).send({ variables: { leadDecision: 'accept' } })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 204)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 204).every((s) => s === 409)).toBe(true);
    const winner = ['dealer1', 'dealer2'][answers.findIndex((a) => a.status === 204) % 2];
    await eventually(async () => expect(await ds().getRepository(Lead).findOneByOrFail({ id })).toMatchObject({ status: 'accepted', dealerId: winner }));
    const loser = winner === 'dealer1' ? 'dealer2.manager' : 'dealer1.manager';
    expect((await tasksOf(loser)).some((t) => t.caseRef === caseRef)).toBe(false);
    await taskFor(`${winner}.manager`, caseRef, 'RecordOutcome');
  });

  it('refuses dealers, bad fields and a lead with neither region nor city, changing nothing', async () => {
    const before = await ds().getRepository(Lead).count();
    const dealer = await (await server.as('dealer1.manager')).post('/api/leads').send(lead);
    expect(dealer.status).toBe(403);
    const bad = await (await server.as('admin')).post('/api/leads').send({ ...lead, phone: 'call me', source: 'fax' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['phone', 'source']));
    const nowhere = await (await server.as('admin')).post('/api/leads').send({ ...lead, regionCode: undefined });
    expect(nowhere.status).toBe(400);
    expect(await ds().getRepository(Lead).count()).toBe(before);
  });
});
