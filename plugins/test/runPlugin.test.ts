import { BpmnError, definePlugin, runPlugin, type PluginContext } from '../src';

const warnings: object[] = [];
const ctx = (retries = 3): PluginContext => ({
  log: { info: () => undefined, warn: (details) => warnings.push(details), error: () => undefined },
  signal: new AbortController().signal,
  headers: {},
  jobKey: 'job-1',
  processInstanceKey: 'pi-1',
  retries,
});

const exposure = definePlugin<{ dealerId: string; amount: number }, { withinLimit: boolean }>({
  taskType: 'test-exposure',
  title: 'Exposure',
  description: 'Compares an amount with a limit',
  input: { type: 'object', properties: { dealerId: { type: 'string' }, amount: { type: 'number', minimum: 0 } }, required: ['dealerId', 'amount'] },
  output: { type: 'object', properties: { withinLimit: { type: 'boolean' } }, required: ['withinLimit'] },
  async run({ dealerId, amount }) {
    if (dealerId === 'blocked') throw new BpmnError('DEALER_BLOCKED', 'Dealer is blocked', { reason: 'overdue' });
    if (dealerId === 'flaky') throw new Error('registry timed out');
    if (dealerId === 'broken') return { withinLimit: 'yes' } as unknown as { withinLimit: boolean };
    return { withinLimit: amount <= 1000 };
  },
});

describe('runPlugin', () => {
  it('completes with the validated output', async () => {
    expect(await runPlugin(exposure, { dealerId: 'd1', amount: 500, extra: 'ignored' }, ctx())).toEqual({ kind: 'complete', variables: { withinLimit: true } });
  });

  it('turns invalid input into the INVALID_INPUT BPMN error naming the fields', async () => {
    const outcome = await runPlugin(exposure, { amount: -1 }, ctx());
    expect(outcome).toMatchObject({ kind: 'bpmnError', code: 'INVALID_INPUT' });
    expect(outcome.kind === 'bpmnError' && (outcome.variables.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['amount', 'dealerId']);
  });

  it('passes a thrown BpmnError through with its code and variables', async () => {
    expect(await runPlugin(exposure, { dealerId: 'blocked', amount: 1 }, ctx())).toEqual({ kind: 'bpmnError', code: 'DEALER_BLOCKED', message: 'Dealer is blocked', variables: { reason: 'overdue' } });
  });

  it('turns any other throw into a failure with one retry fewer and a growing back-off', async () => {
    expect(await runPlugin(exposure, { dealerId: 'flaky', amount: 1 }, ctx(3), 0)).toEqual({ kind: 'fail', message: 'registry timed out', retries: 2, retryBackOffMs: 1000 });
    expect(await runPlugin(exposure, { dealerId: 'flaky', amount: 1 }, ctx(1), 3)).toEqual({ kind: 'fail', message: 'registry timed out', retries: 0, retryBackOffMs: 8000 });
    expect(warnings).toContainEqual(expect.objectContaining({ taskType: 'test-exposure', jobKey: 'job-1' }));
  });

  it('treats output that breaks the declared schema as a failure, not a completion', async () => {
    expect(await runPlugin(exposure, { dealerId: 'broken', amount: 1 }, ctx())).toMatchObject({ kind: 'fail', message: expect.stringContaining('invalid output') });
  });
});
