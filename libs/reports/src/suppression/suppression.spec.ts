import fc from 'fast-check';
import { type Partition, shareShown, suppressTable, suppressedLabel } from './suppression';

const T = 5;

/** Rows: 0 total, 1..n members. */
function partitionOf(members: number): Partition {
  return { total: 0, members: Array.from({ length: members }, (_, i) => i + 1) };
}

function column(values: number[], partitions: Partition[], threshold = T): boolean[] {
  return suppressTable(
    values.map((v) => [v]),
    partitions,
    threshold,
  ).map((row) => row[0]);
}

describe('suppressTable', () => {
  it('hides counts from 1 to threshold − 1 and shows zero and the threshold itself', () => {
    expect(column([0, 1, 4, 5, 100], [])).toEqual([false, true, true, false, false]);
  });

  it('hides the smallest other member when one member of a partition is hidden', () => {
    // total 40 = 3 + 7 + 30: 3 alone could be worked out as 40 − 7 − 30.
    expect(column([40, 3, 7, 30], [partitionOf(3)])).toEqual([false, true, true, false]);
  });

  it('leaves a partition alone when two or more cells are hidden already', () => {
    expect(column([37, 3, 4, 30], [partitionOf(3)])).toEqual([false, true, true, false]);
  });

  it('never picks a zero member as the complement; hides the total when nothing else is left', () => {
    // 12 = 3 + 9 + 0: 9 is the only non-zero shown member.
    expect(column([12, 3, 9, 0], [partitionOf(3)])).toEqual([false, true, true, false]);
  });

  it('hides the total of a partition whose only shown members are zero', () => {
    // An inexact total (e.g. a partition over a subset) still must not reveal the cell.
    expect(column([9, 3, 0], [partitionOf(2)])).toEqual([true, true, false]);
  });

  it('carries suppression through nested partitions (groups within a grand total)', () => {
    // Rows: 0 grand total, 1 work, 2 education, 3 work:a, 4 work:b, 5 edu:a, 6 edu:b
    const values = [60, 23, 37, 3, 20, 17, 20];
    const partitions: Partition[] = [
      { total: 0, members: [1, 2] },
      { total: 1, members: [3, 4] },
      { total: 2, members: [5, 6] },
    ];
    const hidden = column(values, partitions);
    // work:a primary, work:b as its complement; then work total needs no hiding as the
    // work partition has two hidden cells; the grand total partition has none.
    expect(hidden).toEqual([false, false, false, true, true, false, false]);
  });

  it('hides a group total when its hiding is needed in the grand total', () => {
    // Rows: 0 grand 50, 1 group A 4 (primary), 2 group B 46, 3 A:x 4, 4 B:y 20, 5 B:z 26
    const values = [50, 4, 46, 4, 20, 26];
    const partitions: Partition[] = [
      { total: 0, members: [1, 2] },
      { total: 1, members: [3] },
      { total: 2, members: [4, 5] },
    ];
    const hidden = column(values, partitions);
    // A (4) hidden → B must go too (else 50 − 46 = 4); B hidden → one of its members too.
    expect(hidden[1]).toBe(true);
    expect(hidden[2]).toBe(true);
    expect(hidden[4] || hidden[5]).toBe(true);
    expect(hidden[0]).toBe(false);
  });

  it('treats each column on its own', () => {
    const hidden = suppressTable(
      [
        [20, 20],
        [3, 10],
        [17, 10],
      ],
      [partitionOf(2)],
      T,
    );
    expect(hidden).toEqual([
      [false, false],
      [true, false],
      [true, false],
    ]);
  });

  it('follows a configured threshold', () => {
    expect(column([30, 9, 21], [partitionOf(2)], 10)).toEqual([false, true, true]);
    expect(column([30, 9, 21], [partitionOf(2)], 3)).toEqual([false, false, false]);
  });

  it('never leaves a hidden cell that total minus shown members reveals (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 2, max: 10 }),
        (members, threshold) => {
          const values = [members.reduce((a, b) => a + b, 0), ...members];
          const partition = partitionOf(members.length);
          const hidden = column(values, [partition], threshold);
          // Every primary small cell is hidden.
          values.forEach((v, i) => {
            if (v > 0 && v < threshold) expect(hidden[i]).toBe(true);
          });
          // Never exactly one hidden cell in a partition: its value would follow.
          expect(hidden.filter(Boolean).length).not.toBe(1);
          // And the hidden cells together never add to one recoverable small count only:
          // if two or more are hidden, their sum is shared by at least two cells.
        },
      ),
    );
  });

  it('hides nothing when no count is small', () => {
    expect(column([25, 10, 15], [partitionOf(2)])).toEqual([false, false, false]);
  });
});

describe('shareShown', () => {
  it('shows a share only when neither part nor the rest is a small count', () => {
    expect(shareShown(10, 20, T)).toBe(true);
    expect(shareShown(3, 20, T)).toBe(false);
    expect(shareShown(18, 20, T)).toBe(false); // 2 did not get an offer
    expect(shareShown(20, 20, T)).toBe(true); // all of them: reveals no single person
    expect(shareShown(0, 20, T)).toBe(true);
    expect(shareShown(0, 4, T)).toBe(false);
    expect(shareShown(0, 0, T)).toBe(false);
  });
});

describe('suppressedLabel', () => {
  it('writes the threshold', () => {
    expect(suppressedLabel(5)).toBe('<5');
  });
});
