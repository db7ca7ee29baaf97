import { timerValueError, type TimerKind } from '../../src/lint';

test.each<[TimerKind, string]>([
  ['timeDuration', 'PT48H'],
  ['timeDuration', 'P5D'],
  ['timeDuration', 'P1Y2M10DT2H30M'],
  ['timeDuration', 'PT0.5S'],
  ['timeDate', '2026-12-31T09:00:00Z'],
  ['timeDate', '2026-12-31T09:00:00+03:00'],
  ['timeDate', '2026-12-31T09:00:00[Europe/Moscow]'],
  ['timeCycle', 'R3/PT10M'],
  ['timeCycle', 'R/2026-01-01T08:00:00Z/P1D'],
  ['timeCycle', '0 0 9 * * MON-FRI'],
])('%s %s is valid', (kind, value) => {
  expect(timerValueError(kind, value)).toBeNull();
});

test.each<[TimerKind, string]>([
  ['timeDuration', 'PT-5X'],
  ['timeDuration', 'P'],
  ['timeDuration', 'PT'],
  ['timeDuration', '48h'],
  ['timeDate', '2026-13-45T09:00:00Z'],
  ['timeDate', 'tomorrow'],
  ['timeCycle', 'PT10M'],
  ['timeCycle', 'R3/10M'],
])('%s %s is refused', (kind, value) => {
  expect(timerValueError(kind, value)).toMatch(/^".*" is not an ISO 8601/);
});
