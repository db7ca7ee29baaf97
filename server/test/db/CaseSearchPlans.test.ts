import type { DataSource } from 'typeorm';
import type { CurrentUser } from '../../src/auth/CurrentUser';
import { CaseSearch, type CaseFilter } from '../../src/cases/CaseSearch';
import { openDatabase } from '../../src/db/createDataSource';
import { caseSearchFields } from '../../src/instances/caseSearchFields';
import { ProcessInstanceRecord } from '../../src/instances/ProcessInstanceRecord';
import { FormCatalog } from '../../src/processes/FormCatalog';
import { withDemoUsers } from '../support/demoUsers';
import { testDatabases, type TestDatabase } from '../support/testDatabases';

/** Enough rows that MariaDB's optimizer prefers an index to reading and sorting the table. */
const ROWS = 20_000;
const processes = ['warranty-claim', 'tender-reservation', 'vehicle-allocation'];
const surnames = ['Иванов', 'Петров', 'Сидоров', 'Smith', 'Кузнецова'];

/** A spread of cases over dealers, processes, states and three months, like a network's history. */
function row(i: number): ProcessInstanceRecord {
  const startedAt = new Date(Date.UTC(2026, 8, 1) + i * 2_600_000);
  return Object.assign(new ProcessInstanceRecord(), {
    key: String(10_000_000 + i),
    bpmnProcessId: processes[i % 3],
    version: 1,
    state: i % 10 === 0 ? 'completed' : 'active',
    dealerId: `dealer${(i % 3) + 1}`,
    caseRef: `WC-2026-${i.toString(36).toUpperCase().padStart(6, '0')}`,
    ...caseSearchFields({ vin: `XW8ZZZ61Z${String(i).padStart(8, '0')}`, customerName: `${surnames[i % 5]} ${i}` }),
    startedAt,
    endedAt: null,
    openIncidents: 0,
  });
}

/** Which index each plan step uses, and whether any step reads the whole table. */
async function plan(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<{ indexes: string[]; fullScan: boolean; text: string }> {
  if (dataSource.options.type === 'better-sqlite3') {
    const steps = (await dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, parameters)) as { detail: string }[];
    const text = steps.map((s) => s.detail).join(' | ');
    return { indexes: steps.flatMap((s) => /USING (?:COVERING )?INDEX (\w+)/.exec(s.detail)?.[1] ?? []), fullScan: steps.some((s) => /^SCAN i\b(?! USING)/.test(s.detail)), text };
  }
  const steps = (await dataSource.query(`EXPLAIN ${sql}`, parameters)) as { key: string | null; type: string; Extra: string }[];
  return { indexes: steps.flatMap((s) => s.key ?? []), fullScan: steps.some((s) => s.type === 'ALL'), text: JSON.stringify(steps) };
}

describe.each(testDatabases())('the Cases search query plans on %s', (_kind, database) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let as: (username: string) => Promise<CurrentUser>;
  let search: CaseSearch;

  beforeAll(async () => {
    db = database();
    dataSource = await openDatabase(await db.create());
    as = await withDemoUsers(dataSource);
    search = new CaseSearch(dataSource, new FormCatalog(dataSource));
    const rows = Array.from({ length: ROWS }, (_, i) => row(i));
    for (let i = 0; i < rows.length; i += 500) await dataSource.getRepository(ProcessInstanceRecord).insert(rows.slice(i, i + 500));
    if (dataSource.options.type !== 'better-sqlite3') await dataSource.query('ANALYZE TABLE process_instance');
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const cases: [string, string, CaseFilter, string[]][] = [
    ['a dealer searching a VIN', 'dealer1.staff', { vin: 'XW8ZZZ61Z000012' }, ['IDX_process_instance_dealer_vin']],
    ['the distributor searching a VIN', 'approver.warranty', { vin: 'xw8zzz61z000012' }, ['IDX_process_instance_vin']],
    ['a dealer searching a customer', 'dealer1.manager', { customer: 'Сидоров 1212' }, ['IDX_process_instance_dealer_customer']],
    ['the distributor searching a customer', 'auditor', { customer: 'сидоров 1212' }, ['IDX_process_instance_customer']],
    ['a dealer searching a reference', 'dealer1.staff', { ref: row(1200).caseRef! }, ['IDX_process_instance_dealer_caseref', 'IDX_process_instance_caseref']],
    ['the distributor searching a reference', 'admin', { ref: row(1200).caseRef!.toLowerCase() }, ['IDX_process_instance_caseref']],
    ['a dealer listing its newest cases', 'dealer1.staff', {}, ['IDX_process_instance_dealer']],
    ['the distributor listing the newest cases', 'admin', {}, ['IDX_process_instance_started']],
    ['the distributor listing one process', 'admin', { processId: 'tender-reservation' }, ['IDX_process_instance_process_started', 'IDX_process_instance_process']],
    ['the distributor listing finished cases', 'admin', { state: 'completed' }, ['IDX_process_instance_state', 'IDX_process_instance_started']],
    ['the distributor listing a week', 'admin', { from: '2026-10-01', to: '2026-10-07' }, ['IDX_process_instance_started']],
  ];

  it.each(cases)('%s reads an index, never the whole table', async (_name, username, filter, expected) => {
    const [sql, parameters] = search.query(await as(username), filter).limit(51).getQueryAndParameters();
    const { indexes, fullScan, text } = await plan(dataSource, sql, parameters);
    if (process.env.SHOW_PLANS) console.log(sql, parameters, text);
    expect({ fullScan, text }).toEqual({ fullScan: false, text });
    expect(expected).toContain(indexes[0]);
  });

  it('finds the same rows the plans promise', async () => {
    const found = await search.page(await as('dealer1.staff'), { vin: 'XW8ZZZ61Z0000120' });
    expect(found.items.map((r) => r.vin)).toEqual(['XW8ZZZ61Z00001209', 'XW8ZZZ61Z00001206', 'XW8ZZZ61Z00001203', 'XW8ZZZ61Z00001200']);
  });
});
