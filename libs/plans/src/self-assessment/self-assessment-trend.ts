import type { SelfAssessmentScores } from './self-assessment.entity';

export interface AreaTrend {
  area: string;
  baseline: number;
  baselineOn: string;
  latest: number;
  latestOn: string;
  change: number;
}

interface Assessment {
  assessedOn: string;
  scores: SelfAssessmentScores;
}

/**
 * Per life area: the first score ever given (the baseline), the latest, and the change.
 * An area first rated in a later assessment has its baseline there.
 */
export function trendOf(
  assessments: readonly Assessment[],
  areaOrder: readonly string[],
): AreaTrend[] {
  const sorted = [...assessments].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn));
  const byArea = new Map<string, AreaTrend>();
  for (const { assessedOn, scores } of sorted) {
    for (const [area, score] of Object.entries(scores)) {
      const known = byArea.get(area);
      if (!known) {
        byArea.set(area, {
          area,
          baseline: score,
          baselineOn: assessedOn,
          latest: score,
          latestOn: assessedOn,
          change: 0,
        });
      } else {
        known.latest = score;
        known.latestOn = assessedOn;
        known.change = score - known.baseline;
      }
    }
  }
  const rank = (area: string): number => {
    const i = areaOrder.indexOf(area);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...byArea.values()].sort(
    (a, b) => rank(a.area) - rank(b.area) || a.area.localeCompare(b.area),
  );
}
