import { percentile } from '../../src/kpi/percentile';

describe('percentile (nearest rank)', () => {
  it('picks the smallest value with at least p per cent at or below it', () => {
    expect(percentile([900, 30, 600, 45, 120], 50)).toBe(120);
    expect(percentile([900, 30, 600, 45, 120], 90)).toBe(900);
    expect(percentile([300, 1200], 50)).toBe(300);
    expect(percentile([300, 1200], 90)).toBe(1200);
    expect(percentile(Array.from({ length: 10 }, (_, i) => (i + 1) * 10), 90)).toBe(90);
    expect(percentile([7], 50)).toBe(7);
  });

  it('is null without values and leaves its input alone', () => {
    expect(percentile([], 50)).toBeNull();
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });
});
