import { In } from 'typeorm';
import type { CurrentUser } from '../../src/auth/CurrentUser';
import { AuditEntry } from '../../src/entities/AuditEntry';
import { Role } from '../../src/entities/Role';
import { defineAbilityFor } from '../../src/permissions/defineAbilityFor';
import { User } from '../../src/entities/User';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

interface Account { id: string; username: string; displayName: string; dealerId: string | null; dealerName: string | null; roles: string[]; disabledAt: string | null; lastSignInAt: string | null }

describe.each(testDatabases())('user administration routes on %s', (_kind, database) => {
  let server: TestServer;
  let accounts: Map<string, Account>;
  beforeAll(async () => {
    server = await startTestServer(database());
    const list = await (await server.as('admin')).get('/api/user-accounts');
    accounts = new Map((list.body.items as Account[]).map((a) => [a.username, a]));
  });
  afterAll(() => server.stop());

  const admin = () => server.as('admin');
  const idOf = (username: string) => accounts.get(username)!.id;
  const rowOf = (username: string) => server.running.dataSource.getRepository(User).findOneByOrFail({ username });
  const entriesOf = async (username: string) => (await server.running.dataSource.getRepository(AuditEntry).find({ where: { subjectType: 'User', subjectId: idOf(username) }, order: { seq: 'ASC' } }))
    .filter((e) => e.action.startsWith('user.'))
    .map((e) => ({ actor: e.actor, action: e.action, payload: JSON.parse(e.payload) as Record<string, unknown> }));
  const signIn = async (username: string) => {
    const agent = server.anonymous();
    const response = await agent.post('/api/auth/login').send({ username, password: 'demo' });
    return { agent, status: response.status };
  };

  it('lists every account with its roles, dealer by name, state and last sign-in, and the roles there are', async () => {
    // given dealer1.manager signed in once, and dealer3.staff never
    await server.as('dealer1.manager');
    const list = await (await admin()).get('/api/user-accounts');
    expect(list.status).toBe(200);
    const byName = new Map((list.body.items as Account[]).map((a) => [a.username, a]));
    expect(byName.get('dealer1.manager')).toMatchObject({ roles: ['dealer-manager'], dealerId: 'dealer1', dealerName: expect.stringMatching(/\S/), disabledAt: null, lastSignInAt: expect.any(String) });
    expect(byName.get('dealer1.manager')!.dealerName).not.toBe('dealer1');
    expect(byName.get('dealer3.staff')).toMatchObject({ lastSignInAt: null, disabledAt: null });
    expect(byName.get('admin')).toMatchObject({ roles: ['process-admin'], dealerId: null, dealerName: null });
    expect((list.body.roles as { name: string }[]).map((r) => r.name)).toEqual(expect.arrayContaining(['process-admin', 'dealer-staff', 'dealer-manager', 'auditor', 'distributor-approver']));
  });

  it('refuses everyone who may not manage users, and changes nothing', async () => {
    for (const username of ['dealer1.manager', 'approver.warranty', 'auditor']) {
      const agent = await server.as(username);
      expect((await agent.get('/api/user-accounts')).status).toBe(403);
      expect((await agent.put(`/api/user-accounts/${idOf('dealer1.staff')}/roles`).send({ roles: ['process-admin'] })).status).toBe(403);
      expect((await agent.post(`/api/user-accounts/${idOf('dealer1.staff')}/disable`)).status).toBe(403);
    }
    expect((await server.anonymous().get('/api/user-accounts')).status).toBe(401);
    expect(await rowOf('dealer1.staff')).toMatchObject({ roles: ['dealer-staff'], disabledAt: null });
    expect(await entriesOf('dealer1.staff')).toEqual([]);
  });

  it('changes a user\'s roles in the database, with one audit entry of before and after, and the user\'s next request has them', async () => {
    // given dealer1.staff signed in, who may not assign tasks
    const staff = await signIn('dealer1.staff');
    expect((await staff.agent.get('/api/me')).body.user.roles).toEqual(['dealer-staff']);

    // when an admin makes them a manager
    const response = await (await admin()).put(`/api/user-accounts/${idOf('dealer1.staff')}/roles`).send({ roles: ['dealer-manager'] });

    // then the answer, the row and the user's very next request say so
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ username: 'dealer1.staff', roles: ['dealer-manager'], dealerName: expect.any(String) });
    expect((await rowOf('dealer1.staff')).roles).toEqual(['dealer-manager']);
    expect((await staff.agent.get('/api/me')).body.user.roles).toEqual(['dealer-manager']);
    // and the trail holds exactly one entry, with what was and what is
    expect(await entriesOf('dealer1.staff')).toEqual([{ actor: 'admin', action: 'user.roles', payload: { username: 'dealer1.staff', before: { roles: ['dealer-staff'] }, after: { roles: ['dealer-manager'] } } }]);

    // and the same roles again are a 409 that changes nothing
    const again = await (await admin()).put(`/api/user-accounts/${idOf('dealer1.staff')}/roles`).send({ roles: ['dealer-manager'] });
    expect([again.status, again.body.code]).toEqual([409, 'conflict']);
    expect(await entriesOf('dealer1.staff')).toHaveLength(1);
  });

  it('answers 400 naming the roles field for an unknown role or none, and 404 for an unknown user', async () => {
    const unknown = await (await admin()).put(`/api/user-accounts/${idOf('dealer2.staff')}/roles`).send({ roles: ['dealer-staff', 'superuser'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'validation_failed', details: [{ field: 'roles', message: expect.stringContaining('superuser') }] });
    const none = await (await admin()).put(`/api/user-accounts/${idOf('dealer2.staff')}/roles`).send({ roles: [] });
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body.details)).toContain('roles');
    expect((await rowOf('dealer2.staff')).roles).toEqual(['dealer-staff']);
    expect(await entriesOf('dealer2.staff')).toEqual([]);
    expect((await (await admin()).post('/api/user-accounts/no-such-user/disable')).status).toBe(404);
  });

  it('disables a user: their open session answers 401 at once and they cannot sign in; enabling lets them in again', async () => {
    // given dealer2.manager signed in and working
    const manager = await signIn('dealer2.manager');
    expect((await manager.agent.get('/api/tasks')).status).toBe(200);

    // when an admin disables the account
    const disabled = await (await admin()).post(`/api/user-accounts/${idOf('dealer2.manager')}/disable`);

    // then the row says so, the session's next request is refused, and so is a new sign-in
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabledAt).toEqual(expect.any(String));
    expect((await rowOf('dealer2.manager')).disabledAt).toBeInstanceOf(Date);
    expect((await manager.agent.get('/api/tasks')).status).toBe(401);
    expect((await signIn('dealer2.manager')).status).toBe(401);
    expect(await entriesOf('dealer2.manager')).toEqual([{ actor: 'admin', action: 'user.disable', payload: { username: 'dealer2.manager', before: { disabledAt: null }, after: { disabledAt: disabled.body.disabledAt } } }]);

    // and disabling again is a 409 that writes nothing
    expect((await (await admin()).post(`/api/user-accounts/${idOf('dealer2.manager')}/disable`)).status).toBe(409);

    // when enabled again, they can sign in
    const enabled = await (await admin()).post(`/api/user-accounts/${idOf('dealer2.manager')}/enable`);
    expect([enabled.status, enabled.body.disabledAt]).toEqual([200, null]);
    expect((await signIn('dealer2.manager')).status).toBe(200);
    expect((await entriesOf('dealer2.manager')).map((e) => e.action)).toEqual(['user.disable', 'user.enable']);
  });

  it('refuses to let an admin disable themself or give up their own right to manage users', async () => {
    const self = await (await admin()).post(`/api/user-accounts/${idOf('admin')}/disable`);
    expect(self.status).toBe(409);
    expect(self.body).toMatchObject({ code: 'self_lockout', details: { reason: 'disable_self' } });
    const demoted = await (await admin()).put(`/api/user-accounts/${idOf('admin')}/roles`).send({ roles: ['auditor'] });
    expect(demoted.status).toBe(409);
    expect(demoted.body).toMatchObject({ code: 'self_lockout', details: { reason: 'own_admin_role' } });
    expect(await rowOf('admin')).toMatchObject({ roles: ['process-admin'], disabledAt: null });
    expect(await entriesOf('admin')).toEqual([]);
    // the admin still works
    expect((await (await admin()).get('/api/user-accounts')).status).toBe(200);
    // adding a role to oneself while keeping the right is allowed
    const widened = await (await admin()).put(`/api/user-accounts/${idOf('admin')}/roles`).send({ roles: ['process-admin', 'auditor'] });
    expect(widened.status).toBe(200);
    expect((await rowOf('admin')).roles).toEqual(['process-admin', 'auditor']);
  });

  it('gives concurrent equal changes exactly one effect: one 200, the others 409, one audit entry', async () => {
    const agent = await admin();
    const disables = await Promise.all([1, 2, 3].map(() => agent.post(`/api/user-accounts/${idOf('dealer3.staff')}/disable`)));
    expect(disables.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const roles = await Promise.all([1, 2, 3].map(() => agent.put(`/api/user-accounts/${idOf('auditor')}/roles`).send({ roles: ['auditor', 'dealer-staff'] })));
    expect(roles.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect((await entriesOf('dealer3.staff')).map((e) => e.action)).toEqual(['user.disable']);
    expect((await entriesOf('auditor')).map((e) => e.action)).toEqual(['user.roles']);
    expect((await rowOf('auditor')).roles).toEqual(['auditor', 'dealer-staff']);
  });

  it('refuses the change that would leave nobody able to manage users: of two administrators demoting each other at once, one wins', async () => {
    // given a second administrator
    expect((await (await admin()).put(`/api/user-accounts/${idOf('approver.finance')}/roles`).send({ roles: ['process-admin'] })).status).toBe(200);
    // both signed in and judged able to manage users before either change commits
    const actorOf = async (username: string): Promise<CurrentUser> => {
      const user = await rowOf(username);
      const roles = await server.running.dataSource.getRepository(Role).findBy({ name: In(user.roles) });
      return { ...user, ability: defineAbilityFor(user, roles.flatMap((role) => role.rules)) };
    };
    const [first, second] = [await actorOf('admin'), await actorOf('approver.finance')];
    const roleChanges = async () => [...(await entriesOf('admin')), ...(await entriesOf('approver.finance'))].filter((e) => e.action === 'user.roles').length;
    const changesBefore = await roleChanges();
    const { userAdmin } = server.running.services;
    const outcomes = await Promise.allSettled([
      userAdmin.setRoles(first, idOf('approver.finance'), ['distributor-approver']),
      userAdmin.setRoles(second, idOf('admin'), ['auditor']),
    ]);
    // then one change went through and the other was refused, naming why
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ status: 409, code: 'no_administrator_left' });
    // and exactly one of the two still holds the administrator's role, with one audit entry for the change made
    const holders = [(await rowOf('admin')).roles, (await rowOf('approver.finance')).roles].filter((roles) => roles.includes('process-admin'));
    expect(holders).toHaveLength(1);
    expect(await roleChanges()).toBe(changesBefore + 1);
  });
});
