import { UserDirectory } from '../../src/auth/UserDirectory';
import { Role } from '../../src/entities/Role';
import { User } from '../../src/entities/User';
import { Task } from '../../src/tasks/Task';
import { eventually } from '../support/eventually';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

interface Row { key: string; caseRef: string; dealerId: string; summary: Record<string, unknown> }

describe.each(testDatabases())('approval queue rows with their case on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  });
  afterAll(() => server.stop());

  const queue = async () => (await (await server.as('approver.warranty')).get('/api/approvals')).body.items as Row[];

  it('shows each claim\'s VIN and amount (parts plus labour at 2 500 ₽/h) beside the dealer', async () => {
    const rows = await queue();
    const window = rows.find((row) => row.summary.vin === 'XW8AN2NE3PH000101');
    expect(window).toMatchObject({ dealerId: 'dealer1', summary: { vin: 'XW8AN2NE3PH000101', claimAmount: 48900 + 1.5 * 2500 } });
    const fuel = rows.find((row) => row.summary.vin === 'XW8TC4KF5RH000202');
    expect(fuel).toMatchObject({ dealerId: 'dealer2', summary: { claimAmount: 61200 + 3 * 2500 } });
    expect(rows.every((row) => typeof row.summary.vin === 'string')).toBe(true);
  });

  it('reads the summary the task copied when it was created; a row from before the copy asks the engine', async () => {
    const tasks = server.running.dataSource.getRepository(Task);
    const [row] = await queue();
    const real = row.summary;
    await tasks.update({ key: row.key }, { caseSummary: { vin: 'COPIED-AT-CREATION', claimAmount: 1 } });
    expect((await queue()).find((r) => r.key === row.key)?.summary).toEqual({ vin: 'COPIED-AT-CREATION', claimAmount: 1 });
    await tasks.update({ key: row.key }, { caseSummary: null });
    expect((await queue()).find((r) => r.key === row.key)?.summary).toEqual(real);
  });

  it('leaves out the variables the field rules hide from the approver', async () => {
    const started = await (await server.as('dealer3.staff')).post('/api/process-instances').send({ bpmnProcessId: 'warranty-claim', variables: {
      vin: 'XW8VV7AB1NH000301', mileage: 96000, repairDate: '2026-11-20', customerName: 'Иванов Пётр', defectCode: 'B2750', defectDescription: 'Сдвижная дверь заедает снова',
      parts: [{ partNumber: 'P-B2750', name: 'Ролик', quantity: 2, price: 45000 }], labourHours: 2,
    } });
    expect(started.status).toBe(201);
    const mine = () => queue().then((rows) => rows.find((row) => row.caseRef === started.body.caseRef) ?? Promise.reject(new Error('not in the queue yet')));
    expect((await eventually(mine)).summary).toEqual({ vin: 'XW8VV7AB1NH000301', claimAmount: 95000, customerName: 'Иванов Пётр', covered: false, coverageKind: 'none' });

    // An admin narrows what approvers may read: personal fields are no longer theirs.
    const { dataSource, services } = server.running;
    const approver = await dataSource.getRepository(Role).findOneByOrFail({ name: 'distributor-approver' });
    const admin = await new UserDirectory(dataSource).withAbility(await dataSource.getRepository(User).findOneByOrFail({ username: 'admin' }));
    await services.userAdmin.setRoleRules(admin, 'distributor-approver', approver.rules.map((rule) => (rule.subject === 'FormField' ? { ...rule, conditions: { classification: { $in: ['public', 'internal', 'financial'] } } } : rule)));
    expect((await mine()).summary).toEqual({ vin: 'XW8VV7AB1NH000301', claimAmount: 95000, covered: false, coverageKind: 'none' });
  });
});
