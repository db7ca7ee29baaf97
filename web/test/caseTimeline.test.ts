import { caseTimeline } from '../src/pages/case/caseTimeline';
import type { HistoryEntry } from '@dealerflow/contract';

const kinds = new Map([['Filed', 'startEvent'], ['Check', 'serviceTask'], ['Decide', 'userTask'], ['Provide', 'userTask'], ['Sla', 'boundaryEvent']]);
const at = (minute: number) => Date.UTC(2026, 11, 1, 9, minute);
const entry = (elementId: string, state: HistoryEntry['state'], minute: number): HistoryEntry => ({ elementId, state, at: at(minute) });

test('a case waiting for a decision: the passed steps are done, the waiting one is now, gateways and flows are left out', () => {
  const history = [entry('Filed', 'COMPLETED', 0), entry('Flow_1', 'COMPLETED', 0), entry('Check', 'ACTIVATED', 0), entry('Check', 'COMPLETED', 1), entry('Gateway', 'COMPLETED', 1), entry('Decide', 'ACTIVATED', 1)];
  expect(caseTimeline(history, kinds, ['Decide'])).toEqual([
    { elementId: 'Filed', status: 'done', at: at(0) },
    { elementId: 'Check', status: 'done', at: at(1) },
    { elementId: 'Decide', status: 'now', at: at(1) },
  ]);
});

test('a step visited twice shows twice; an interrupted one is stopped, and one no longer holding a token is not "now"', () => {
  const history = [entry('Decide', 'ACTIVATED', 1), entry('Decide', 'COMPLETED', 2), entry('Provide', 'ACTIVATED', 2), entry('Provide', 'COMPLETED', 5), entry('Decide', 'ACTIVATED', 5), entry('Decide', 'TERMINATED', 9), entry('Provide', 'ACTIVATED', 9)];
  expect(caseTimeline(history, kinds, []).map((step) => [step.elementId, step.status, step.at])).toEqual([
    ['Decide', 'done', at(2)],
    ['Provide', 'done', at(5)],
    ['Decide', 'stopped', at(9)],
    ['Provide', 'stopped', at(9)],
  ]);
});
