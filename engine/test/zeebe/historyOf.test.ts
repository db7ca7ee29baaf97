import { historyOf, type ElementInstanceRow } from '../../src/zeebe/historyOf';
import { incidentType } from '../../src/zeebe/ZeebeEngine';

const T = '2026-01-01T00:00:00.000Z';
const T1 = '2026-01-01T00:00:00.001Z';
const row = (elementInstanceKey: string, elementId: string, endDate: string | undefined, extra: Partial<ElementInstanceRow> = {}): ElementInstanceRow =>
  ({ elementInstanceKey, elementId, state: endDate ? 'COMPLETED' : 'ACTIVE', startDate: T, ...(endDate ? { endDate } : {}), ...extra });
const completed = (rows: ElementInstanceRow[], parents: Record<string, string> = {}) =>
  historyOf(rows, (id) => parents[id]).filter((h) => h.state !== 'ACTIVATED').map((h) => h.elementId);

describe('history from element instances dated to the millisecond', () => {
  it('leaves a subprocess after the elements inside it, and before what follows it, all in one millisecond', () => {
    // given a subprocess entered and left within the millisecond its neighbours were
    const rows = [row('1', 'start', T), row('2', 'sub', T, { type: 'SUB_PROCESS' }), row('3', 'sub_start', T), row('4', 'sub_end', T), row('5', 'end', T)];
    // when the history is built with the model's containment
    const path = completed(rows, { sub_start: 'sub', sub_end: 'sub' });
    // then the subprocess is left after its content, as the engine did
    expect(path).toEqual(['start', 'sub_start', 'sub_end', 'sub', 'end']);
  });

  it('nests: an inner subprocess is left before the outer one', () => {
    const rows = [row('1', 'outer', T, { type: 'SUB_PROCESS' }), row('2', 'inner', T, { type: 'SUB_PROCESS' }), row('3', 'task', T), row('4', 'after', T)];
    expect(completed(rows, { inner: 'outer', task: 'inner' })).toEqual(['task', 'inner', 'outer', 'after']);
  });

  it('leaves a multi-instance body after its instances', () => {
    // given a body and its two instances, all of one millisecond
    const rows = [row('10', 'vote', T, { type: 'MULTI_INSTANCE_BODY' }), row('11', 'vote', T, { type: 'USER_TASK' }), row('12', 'vote', T, { type: 'USER_TASK', state: 'TERMINATED' })];
    // when the history is built without any model
    const history = historyOf(rows, () => undefined);
    // then each instance is entered before it is left, one after the other, and the body is left last
    expect(history.map((h) => h.state)).toEqual(['ACTIVATED', 'ACTIVATED', 'COMPLETED', 'ACTIVATED', 'TERMINATED', 'COMPLETED']);
  });

  it('orders by date first: what was left a millisecond later comes later whatever its key', () => {
    const rows = [row('1', 'a', T1), row('2', 'b', T), row('3', 'open', undefined)];
    expect(completed(rows)).toEqual(['b', 'a']);
    expect(historyOf(rows, () => undefined).filter((h) => h.elementId === 'open')).toEqual([{ elementId: 'open', state: 'ACTIVATED', at: Date.parse(T), elementInstanceKey: '3' }]);
  });
});

describe('incident types of a cluster as the port names them', () => {
  it.each([
    ['DECISION_EVALUATION_ERROR', 'DECISION_EVALUATION_ERROR'],
    ['CALLED_DECISION_ERROR', 'DECISION_EVALUATION_ERROR'],
    ['TASK_LISTENER_NO_RETRIES', 'TASK_LISTENER_NO_RETRIES'],
    ['EXECUTION_LISTENER_NO_RETRIES', 'JOB_NO_RETRIES'],
    ['CALLED_ELEMENT_ERROR', 'CALLED_ELEMENT_ERROR'],
    ['FORM_NOT_FOUND', 'EXTRACT_VALUE_ERROR'],
  ])('%s reads as %s', (cluster, port) => {
    expect(incidentType(cluster)).toBe(port);
  });
});
