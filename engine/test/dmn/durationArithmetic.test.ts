import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateDecision, parseDmn } from '../../src/embedded/dmn';

const xml = readFileSync(join(__dirname, 'fixtures', 'deadlines.dmn'), 'utf8');

async function decide(decisionId: string, variables: Record<string, unknown>): Promise<unknown> {
  const { decisions, problems } = await parseDmn('deadlines.dmn', xml);
  expect(problems).toEqual([]);
  const byId = new Map(decisions.map((d) => [d.decisionId, d]));
  return evaluateDecision(byId.get(decisionId)!, variables, (id) => byId.get(id));
}

describe('date and duration arithmetic in decisions', () => {
  it('a number times a duration is a duration: the approval is due SLA hours after submission', async () => {
    await expect(decide('approval_due', { submittedAt: '2024-06-10T09:00:00', slaHours: 30 })).resolves.toBe('2024-06-11T15:00:00');
  });

  it('a date minus a duration is a date, even when the duration has hours', async () => {
    await expect(decide('overdraft_until', { grantedOn: '2024-06-01' })).resolves.toBe('2024-07-30');
  });

  it('a years-and-months duration divided by a number keeps whole months and no days', async () => {
    await expect(decide('warranty_ends', { saleDate: '2023-03-15' })).resolves.toBe('2024-09-15');
    await expect(decide('vehicle_age', { saleDate: '2021-01-01', repairDate: '2022-03-15' })).resolves.toBe('P1Y2M');
  });

  it('a duration divided by a duration is a number', async () => {
    await expect(decide('response_share', { responseTime: 'PT3H' })).resolves.toBe(1.5);
  });

  it('a type error is null, not NaN', async () => {
    await expect(decide('bad_arithmetic', { saleDate: '2023-03-15' })).resolves.toBeNull();
  });
});
