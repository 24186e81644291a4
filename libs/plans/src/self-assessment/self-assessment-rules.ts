import type { FieldError } from '@ohjaamo/platform';

export const SCORE_MIN = 1;
export const SCORE_MAX = 10;

export interface ScoreInput {
  area: string;
  score: number;
}

const error = (field: string, code: string, params?: Record<string, number>): FieldError => ({
  field,
  code,
  messageKey: `selfAssessment.fieldErrors.${code}`,
  ...(params ? { params } : {}),
});

/** Each score 1-10 on a known, active life area, each area at most once. */
export function scoreErrors(
  scores: readonly ScoreInput[],
  activeAreas: ReadonlySet<string>,
): FieldError[] {
  const errors: FieldError[] = [];
  if (scores.length === 0) errors.push(error('scores', 'noScores'));
  const seen = new Set<string>();
  scores.forEach(({ area, score }, i) => {
    if (!activeAreas.has(area)) errors.push(error(`scores.${i}.area`, 'unknownArea'));
    else if (seen.has(area)) errors.push(error(`scores.${i}.area`, 'repeatedArea'));
    seen.add(area);
    if (!Number.isInteger(score) || score < SCORE_MIN || score > SCORE_MAX) {
      errors.push(
        error(`scores.${i}.score`, 'scoreOutOfRange', { min: SCORE_MIN, max: SCORE_MAX }),
      );
    }
  });
  return errors;
}
