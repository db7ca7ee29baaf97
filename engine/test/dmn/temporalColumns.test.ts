import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DecisionError, evaluateDecision, parseDmn } from '../../src/embedded/dmn';
import { table } from './tables';

async function decide(file: string, decisionId: string, variables: Record<string, unknown>): Promise<unknown> {
  const { decisions, problems } = await parseDmn(file, file.endsWith('.dmn') ? readFileSync(join(__dirname, 'fixtures', file), 'utf8') : file);
  expect(problems).toEqual([]);
  const byId = new Map(decisions.map((d) => [d.decisionId, d]));
  return evaluateDecision(byId.get(decisionId)!, variables, (id) => byId.get(id));
}

describe('date, time and duration columns compare as FEEL values, not as text', () => {
  it('a repair date inside the 2024 campaign window is a campaign repair; one in 2025 is not', async () => {
    await expect(decide('warranty-coverage.dmn', 'warranty_coverage', { repairDate: '2024-05-01', saleDate: '2022-03-15' })).resolves.toBe('campaign');
    await expect(decide('warranty-coverage.dmn', 'warranty_coverage', { repairDate: '2025-05-01', saleDate: '2022-03-15' })).resolves.toBe('none');
  });

  it('the vehicle age is a years-and-months duration compared with the warranty term', async () => {
    await expect(decide('warranty-coverage.dmn', 'warranty_coverage', { repairDate: '2025-05-01', saleDate: '2022-06-15' })).resolves.toBe('warranty');
    await expect(decide('warranty-coverage.dmn', 'warranty_coverage', { repairDate: '2025-05-01', saleDate: '2022-04-15' })).resolves.toBe('none');
    await expect(decide('warranty-coverage.dmn', 'warranty_coverage', { repairDate: '2019-05-01', saleDate: '2012-04-15' })).resolves.toBe('goodwill');
  });

  it('a lead answered within the SLA is on time; later is late or breached', async () => {
    await expect(decide('lead-sla.dmn', 'sla_status', { responseTime: 'PT1H30M' })).resolves.toBe('on time');
    await expect(decide('lead-sla.dmn', 'sla_status', { responseTime: 'PT2H' })).resolves.toBe('on time');
    await expect(decide('lead-sla.dmn', 'sla_status', { responseTime: 'PT2H1M' })).resolves.toBe('late');
    await expect(decide('lead-sla.dmn', 'sla_status', { responseTime: 'P1D' })).resolves.toBe('late');
    await expect(decide('lead-sla.dmn', 'sla_status', { responseTime: 'P2D' })).resolves.toBe('breached');
    await expect(decide('lead-sla.dmn', 'sla_status', { responseTime: 'P30D' })).resolves.toBe('breached');
  });

  it('18:00 is after office hours; 09:00 and 17:00 are within', async () => {
    await expect(decide('lead-sla.dmn', 'call_window', { callTime: '18:00' })).resolves.toBe('after hours');
    await expect(decide('lead-sla.dmn', 'call_window', { callTime: '09:00:00' })).resolves.toBe('office hours');
    await expect(decide('lead-sla.dmn', 'call_window', { callTime: '17:00' })).resolves.toBe('office hours');
  });

  it('an overdraft expiry compares as a date and time; date outputs come back as ISO dates', async () => {
    await expect(decide('lead-sla.dmn', 'overdraft_state', { overdraftExpiry: '2024-06-10T12:00:00', asOf: '2024-06-11T00:00:00' })).resolves.toEqual({ state: 'expired', remindOn: null });
    await expect(decide('lead-sla.dmn', 'overdraft_state', { overdraftExpiry: '2024-06-10T12:00:00', asOf: '2024-06-01T00:00:00' })).resolves.toEqual({ state: 'open', remindOn: '2024-06-07' });
  });

  it('the cases of the issue: before a date, a date range, a time range, a duration', async () => {
    const column = (typeRef: string, entry: string) => table({ inputs: ['value'], rules: [[[entry], ['"yes"']], [['-'], ['"no"']]], hitPolicy: 'FIRST' }).replace('<inputExpression id="ie0">', `<inputExpression id="ie0" typeRef="${typeRef}">`);
    await expect(decide(column('date', '< date("2024-06-01")'), 'd', { value: '2024-05-31' })).resolves.toBe('yes');
    await expect(decide(column('date', '[date("2024-01-01")..date("2024-12-31")]'), 'd', { value: '2025-05-01' })).resolves.toBe('no');
    await expect(decide(column('time', '[time("09:00")..time("17:00")]'), 'd', { value: '18:00' })).resolves.toBe('no');
    await expect(decide(column('dayTimeDuration', '>= duration("P30D")'), 'd', { value: 'P31D' })).resolves.toBe('yes');
    await expect(decide(column('dayTimeDuration', 'duration("P30D")'), 'd', { value: 'P30D' })).resolves.toBe('yes');
  });

  it('a value computed as a date in the input expression needs no typeRef', async () => {
    const xml = table({ inputs: ['date(repairDate) + duration("P10D")'], rules: [[['> date("2024-06-01")'], ['"late"']], [['-'], ['"in time"']]], hitPolicy: 'FIRST' });
    await expect(decide(xml, 'd', { repairDate: '2024-05-25' })).resolves.toBe('late');
    await expect(decide(xml, 'd', { repairDate: '2024-05-20' })).resolves.toBe('in time');
  });

  it('a string that is not an ISO date in a date column fails the decision instead of never matching', async () => {
    const error = await decide('warranty-coverage.dmn', 'warranty_coverage', { repairDate: '01.05.2024', saleDate: '2022-03-15' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DecisionError);
    expect((error as Error).message).toMatch(/'01.05.2024', which is not a date/);
  });

  it('a missing value in a date column is null and matches only "-"', async () => {
    await expect(decide('lead-sla.dmn', 'call_window', {})).resolves.toBe('after hours');
  });

  it('text in a column whose rules compare it with dates fails the decision, naming the fix, instead of never matching', async () => {
    const xml = table({ inputs: ['repairDate'], rules: [[['< date("2024-06-01")'], ['"old"']], [['-'], ['"new"']]], hitPolicy: 'FIRST' }).replace('<inputExpression id="ie0">', '<inputExpression id="ie0" typeRef="string">');
    const error = await decide(xml, 'd', { repairDate: '2024-05-01' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DecisionError);
    expect((error as Error).message).toMatch(/rule r0 compares it with a date.*typeRef/);
    await expect(decide(xml.replace('typeRef="string"', 'typeRef="date"'), 'd', { repairDate: '2024-05-01' })).resolves.toBe('old');
  });

  it('entries written as text in a date column keep comparing text, so tables written before dates were typed still answer the same', async () => {
    const xml = table({ inputs: ['repairDate'], rules: [[['< "2024-06-01"'], ['"before"']], [['["2024-06-01".."2024-06-30"]'], ['"june"']], [['-'], ['"later"']]], hitPolicy: 'FIRST' }).replace('<inputExpression id="ie0">', '<inputExpression id="ie0" typeRef="date">');
    await expect(decide(xml, 'd', { repairDate: '2024-05-31' })).resolves.toBe('before');
    await expect(decide(xml, 'd', { repairDate: '2024-06-15' })).resolves.toBe('june');
    await expect(decide(xml, 'd', { repairDate: '2024-07-01' })).resolves.toBe('later');
  });
});
