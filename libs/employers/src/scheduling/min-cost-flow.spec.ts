import fc from 'fast-check';
import { MinCostFlow } from './min-cost-flow';

/** Maximum-gain matching (any size) on an n × m gain matrix; gains ≤ 0 are no edge. */
function matchingByFlow(gains: number[][]): number {
  const n = gains.length;
  const m = gains[0]?.length ?? 0;
  const flow = new MinCostFlow(n + m + 2);
  const source = n + m;
  const sink = source + 1;
  for (let i = 0; i < n; i++) flow.addArc(source, i, 1, 0);
  for (let j = 0; j < m; j++) flow.addArc(n + j, sink, 1, 0);
  gains.forEach((row, i) => row.forEach((gain, j) => gain > 0 && flow.addArc(i, n + j, 1, -gain)));
  return 0 - flow.minimiseCost(source, sink);
}

function matchingByEnumeration(gains: number[][], row = 0, used = new Set<number>()): number {
  if (row === gains.length) return 0;
  let best = matchingByEnumeration(gains, row + 1, used);
  gains[row].forEach((gain, j) => {
    if (gain <= 0 || used.has(j)) return;
    used.add(j);
    best = Math.max(best, gain + matchingByEnumeration(gains, row + 1, used));
    used.delete(j);
  });
  return best;
}

describe('MinCostFlow', () => {
  it('finds the maximum-gain matching, which greedy choice would miss', () => {
    // Greedy takes 10 (row 0 – column 0) and then only 1; the optimum is 9 + 8.
    const gains = [
      [10, 9],
      [8, 1],
    ];
    expect(matchingByFlow(gains)).toBe(17);
  });

  it('agrees with enumeration on random matching problems', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((m) =>
          fc.array(fc.array(fc.integer({ min: -5, max: 30 }), { minLength: m, maxLength: m }), {
            minLength: 1,
            maxLength: 5,
          }),
        ),
        (gains) => {
          expect(matchingByFlow(gains)).toBe(matchingByEnumeration(gains));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sends no flow along paths that cost more than they gain', () => {
    const flow = new MinCostFlow(4);
    const cheap = flow.addArc(0, 1, 5, -3);
    const dear = flow.addArc(1, 3, 5, 4);
    const free = flow.addArc(0, 2, 2, -1);
    flow.addArc(2, 3, 2, 0);
    expect(flow.minimiseCost(0, 3)).toBe(-2);
    expect([flow.flow(cheap), flow.flow(dear), flow.flow(free)]).toEqual([0, 0, 2]);
  });

  it('reroutes earlier flow when that pays (negative residual arcs)', () => {
    // Sources a, b; sinks x, y. a–x is best alone, but a–y plus b–x beats it.
    const [s, a, b, x, y, t] = [0, 1, 2, 3, 4, 5];
    const flow = new MinCostFlow(6);
    flow.addArc(s, a, 1, 0);
    flow.addArc(s, b, 1, 0);
    const ax = flow.addArc(a, x, 1, -10);
    flow.addArc(a, y, 1, -6);
    flow.addArc(b, x, 1, -7);
    flow.addArc(x, t, 1, 0);
    flow.addArc(y, t, 1, 0);
    expect(flow.minimiseCost(s, t)).toBe(-13);
    expect(flow.flow(ax)).toBe(0);
  });
});
