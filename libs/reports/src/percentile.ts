/**
 * Percentiles of desk waiting time from per-minute histograms (minute → count), merged
 * over sites by adding counts. Method: nearest rank. The p-th percentile of N waits is
 * the smallest minute m such that at least ceil(p/100 × N) waits are m minutes or less
 * (waits are counted in whole minutes, rounded down). This equals PostgreSQL's
 * percentile_disc(p/100) over the waits' whole minutes, which the end-to-end test uses as
 * its independent count.
 */
export function histogramPercentile(
  histogram: ReadonlyMap<number, number>,
  p: number,
): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const minute of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(minute)!;
    if (seen >= rank) return minute;
  }
  return null;
}

/** Adds histograms together (e.g. the sites of a region). */
export function mergeHistograms(
  histograms: Iterable<ReadonlyMap<number, number>>,
): Map<number, number> {
  const merged = new Map<number, number>();
  for (const histogram of histograms) {
    for (const [minute, count] of histogram) merged.set(minute, (merged.get(minute) ?? 0) + count);
  }
  return merged;
}
