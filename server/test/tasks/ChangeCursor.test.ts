import { ChangeCursor } from '../../src/tasks/ChangeCursor';

describe('a cursor over ids committed out of order', () => {
  it('hands out each id once and moves past ids read in order', () => {
    const cursor = new ChangeCursor(10, 2_000);
    expect(cursor.take([11, 12], 0)).toEqual([11, 12]);
    expect(cursor.settled).toBe(12);
    expect(cursor.take([13], 10)).toEqual([13]);
    expect(cursor.settled).toBe(13);
  });

  it('stays before a hole, so the row that commits late is still read, and hands out nothing twice', () => {
    // given id 12 was taken by a transaction still open when 13 committed
    const cursor = new ChangeCursor(11, 2_000);
    expect(cursor.take([13], 0)).toEqual([13]);
    expect(cursor.settled).toBe(11);
    // when the next read finds 13 again and 12 committed since
    expect(cursor.take([12, 13], 500)).toEqual([12]);
    // then both are settled and neither came twice
    expect(cursor.settled).toBe(13);
    expect(cursor.take([14], 600)).toEqual([14]);
  });

  it('gives up a hole that stays open longer than its wait: a rolled-back insert never fills it', () => {
    const cursor = new ChangeCursor(0, 2_000);
    expect(cursor.take([1, 3, 4], 0)).toEqual([1, 3, 4]);
    expect(cursor.settled).toBe(1);
    expect(cursor.take([3, 4], 1_999)).toEqual([]);
    expect(cursor.settled).toBe(1);
    expect(cursor.take([3, 4], 2_000)).toEqual([]);
    expect(cursor.settled).toBe(4);
  });

  it('times each hole from when it was first seen, not from the first hole', () => {
    const cursor = new ChangeCursor(0, 1_000);
    cursor.take([2, 4], 0);
    cursor.take([2, 4], 1_000);
    // the hole at 1 is given up; the hole at 3 opened for the cursor only now
    expect(cursor.settled).toBe(2);
    cursor.take([4], 1_500);
    expect(cursor.settled).toBe(2);
    cursor.take([4], 2_000);
    expect(cursor.settled).toBe(4);
  });
});
