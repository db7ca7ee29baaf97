import { heatLevel, pathTaken } from '../src/pages/instances/pathTaken';
import type { HistoryEntry } from '@dealerflow/contract';

const flows = [
  { id: 'toDecide', sourceId: 'start', targetId: 'decide' },
  { id: 'toGateway', sourceId: 'decide', targetId: 'gateway' },
  { id: 'approved', sourceId: 'gateway', targetId: 'approve' },
  { id: 'askMore', sourceId: 'gateway', targetId: 'info' },
  { id: 'back', sourceId: 'info', targetId: 'decide' },
];

const history = (...steps: [string, HistoryEntry['state']][]): HistoryEntry[] => steps.map(([elementId, state], at) => ({ elementId, state, at }));

test('marks the branch a gateway took and leaves the other one', () => {
  const path = pathTaken(history(['p', 'ACTIVATED'], ['start', 'ACTIVATED'], ['start', 'COMPLETED'], ['decide', 'ACTIVATED'], ['decide', 'COMPLETED'], ['gateway', 'ACTIVATED'], ['gateway', 'COMPLETED'], ['info', 'ACTIVATED']), flows, 'p');
  expect([...path.completed].sort()).toEqual(['decide', 'gateway', 'start']);
  expect([...path.takenFlows].sort()).toEqual(['askMore', 'toDecide', 'toGateway']);
});

test('marks the flow back of a loop, and the way out after it', () => {
  const path = pathTaken(history(
    ['start', 'ACTIVATED'], ['start', 'COMPLETED'], ['decide', 'ACTIVATED'], ['decide', 'COMPLETED'], ['gateway', 'ACTIVATED'], ['gateway', 'COMPLETED'],
    ['info', 'ACTIVATED'], ['info', 'COMPLETED'], ['decide', 'ACTIVATED'], ['decide', 'COMPLETED'], ['gateway', 'ACTIVATED'], ['gateway', 'COMPLETED'], ['approve', 'ACTIVATED'],
  ), flows, 'p');
  expect([...path.takenFlows].sort()).toEqual(['approved', 'askMore', 'back', 'toDecide', 'toGateway']);
  expect(path.completed.has('approve')).toBe(false);
});

test('marks an element that was left without completing, unless it completed another time', () => {
  const path = pathTaken(history(['start', 'ACTIVATED'], ['start', 'COMPLETED'], ['decide', 'ACTIVATED'], ['decide', 'TERMINATED'], ['info', 'ACTIVATED'], ['info', 'TERMINATED'], ['info', 'ACTIVATED'], ['info', 'COMPLETED']), flows, 'p');
  expect([...path.terminated]).toEqual(['decide']);
});

test('grades heat from 1 to 5 against the busiest element, 0 for none', () => {
  expect([0, 1, 20, 50, 100].map((count) => heatLevel(count, 100))).toEqual([0, 1, 1, 3, 5]);
  expect(heatLevel(3, 0)).toBe(0);
});
