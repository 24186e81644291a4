import { histogramPercentile, mergeHistograms } from './percentile';

const h = (entries: [number, number][]) => new Map(entries);

describe('histogramPercentile (nearest rank)', () => {
  it('finds the median and the 90th percentile of whole minutes', () => {
    // Waits: 1,1,2,3,3,3,4,8,9,20 → rank 5 is 3, rank 9 is 9.
    const histogram = h([
      [1, 2],
      [2, 1],
      [3, 3],
      [4, 1],
      [8, 1],
      [9, 1],
      [20, 1],
    ]);
    expect(histogramPercentile(histogram, 50)).toBe(3);
    expect(histogramPercentile(histogram, 90)).toBe(9);
    expect(histogramPercentile(histogram, 100)).toBe(20);
  });

  it('uses the lower value at an even split (percentile_disc)', () => {
    expect(
      histogramPercentile(
        h([
          [2, 1],
          [6, 1],
        ]),
        50,
      ),
    ).toBe(2);
  });

  it('answers null when there are no waits', () => {
    expect(histogramPercentile(new Map(), 50)).toBeNull();
  });

  it('computes the percentile of the merged sites, not an average of the sites', () => {
    const merged = mergeHistograms([h([[1, 9]]), h([[30, 1]]), h([[10, 10]])]);
    expect(merged.get(1)).toBe(9);
    expect(histogramPercentile(merged, 50)).toBe(10);
    expect(histogramPercentile(merged, 90)).toBe(10);
  });
});
