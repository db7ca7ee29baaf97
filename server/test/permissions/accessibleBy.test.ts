import { createMongoAbility } from '@casl/ability';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../src/db/createDataSource';
import { Dealer } from '../../src/entities/Dealer';
import { accessibleBy } from '../../src/permissions/accessibleBy';
import type { AppAbility, RoleRule } from '../../src/permissions/RoleRule';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

const dealers = [
  { id: 'd1', name: 'A', region: 'Москва', territoryCodes: ['77'], rating: 4.5, creditLimit: 100 },
  { id: 'd2', name: 'B', region: 'Татарстан', territoryCodes: ['16'], rating: 3.5, creditLimit: 200 },
  { id: 'd3', name: 'C', region: 'Москва', territoryCodes: ['50'], rating: 2.5, creditLimit: 300 },
];

describe.each(testDatabases())('accessibleBy on %s filters in SQL', (_kind, database) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    db = database();
    dataSource = await openDatabase(await db.create());
    await dataSource.getRepository(Dealer).insert(structuredClone(dealers));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const idsFor = async (rules: RoleRule[]) => {
    const ability = createMongoAbility<AppAbility>(rules);
    const query = accessibleBy(dataSource.getRepository(Dealer).createQueryBuilder('d'), ability, 'read', 'Dealer').orderBy('d.id');
    return (await query.getMany()).map((d) => d.id);
  };

  it('returns nothing without a rule (deny by default)', async () => {
    expect(await idsFor([])).toEqual([]);
    expect(await idsFor([{ action: 'read', subject: 'User' }])).toEqual([]);
  });

  it('returns everything for an unconditional rule or manage all', async () => {
    expect(await idsFor([{ action: 'read', subject: 'Dealer' }])).toEqual(['d1', 'd2', 'd3']);
    expect(await idsFor([{ action: 'manage', subject: 'all' }])).toEqual(['d1', 'd2', 'd3']);
  });

  it('applies equality, $in and comparison conditions', async () => {
    expect(await idsFor([{ action: 'read', subject: 'Dealer', conditions: { id: 'd2' } }])).toEqual(['d2']);
    expect(await idsFor([{ action: 'read', subject: 'Dealer', conditions: { id: { $in: ['d1', 'd3'] } } }])).toEqual(['d1', 'd3']);
    expect(await idsFor([{ action: 'read', subject: 'Dealer', conditions: { creditLimit: { $gte: 200 } } }])).toEqual(['d2', 'd3']);
  });

  it('ORs rules and lets an inverted rule cut out rows', async () => {
    expect(await idsFor([
      { action: 'read', subject: 'Dealer', conditions: { id: 'd1' } },
      { action: 'read', subject: 'Dealer', conditions: { id: 'd2' } },
    ])).toEqual(['d1', 'd2']);
    expect(await idsFor([
      { action: 'read', subject: 'Dealer' },
      { action: 'read', subject: 'Dealer', inverted: true, conditions: { region: 'Москва' } },
    ])).toEqual(['d2']);
  });

  it('matches nothing for a condition on a missing value (a user without a dealer)', async () => {
    expect(await idsFor([{ action: 'read', subject: 'Dealer', conditions: { id: null } }])).toEqual([]);
  });

  it('refuses a condition field that is not a plain column name', async () => {
    await expect(idsFor([{ action: 'read', subject: 'Dealer', conditions: { 'id; DROP TABLE dealer': 'x' } }])).rejects.toThrow(/Unsupported field/);
  });
});
