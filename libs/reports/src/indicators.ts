import type { FigureKind, ReportSection, ShownValue } from './report-model';
import type { ReportMonthKey } from './report-month';

/**
 * The core indicators (at most ten, DOMAIN.md §8), each a row of the report tables. Their
 * numbers come from the suppressed tables, so an indicator hides exactly what the report
 * hides.
 */
export const INDICATORS = [
  { key: 'visits', row: 'visits.total' },
  { key: 'young_people', row: 'young.unique' },
  { key: 'new_clients', row: 'young.new' },
  { key: 'first_visits', row: 'visits.first.first' },
  { key: 'median_wait', row: 'wait.median' },
  { key: 'consents_given', row: 'consents.given' },
  { key: 'new_plans', row: 'plans.new' },
  { key: 'transitions_work', row: 'outcomes.group.work' },
  { key: 'transitions_education', row: 'outcomes.group.education' },
  { key: 'youth_guarantee', row: 'yg.share' },
] as const;

export interface Indicator {
  key: string;
  label: string;
  kind: FigureKind;
  current: ShownValue;
  /** The first full month of data: the month after the scope's first recorded visit. */
  baseline: { month: ReportMonthKey; value: ShownValue } | null;
  /** The last twelve months, oldest first, ending with the report month. */
  trend: { month: ReportMonthKey; value: ShownValue }[];
  /** Against the baseline; null when either is hidden or missing. */
  direction: 'up' | 'down' | 'same' | null;
}

/** Reads the indicators from tables built over [baseline?, ...trend months]. */
export function readIndicators(
  sections: readonly ReportSection[],
  columns: readonly ReportMonthKey[],
  baselineMonth: ReportMonthKey | null,
  trendMonths: readonly ReportMonthKey[],
  translate: (key: string) => string,
): Indicator[] {
  const rows = new Map(sections.flatMap((s) => s.rows).map((row) => [row.key, row]));
  return INDICATORS.map(({ key, row: rowKey }) => {
    const row = rows.get(rowKey)!;
    const at = (month: ReportMonthKey) => row.values[columns.indexOf(month)];
    const trend = trendMonths.map((month) => ({ month, value: at(month) }));
    const current = trend[trend.length - 1].value;
    const baseline = baselineMonth ? { month: baselineMonth, value: at(baselineMonth) } : null;
    let direction: Indicator['direction'] = null;
    if (baseline && baseline.value.value !== null && current.value !== null) {
      const diff = current.value - baseline.value.value;
      direction = diff > 0 ? 'up' : diff < 0 ? 'down' : 'same';
    }
    return {
      key,
      label: translate(`reports.indicators.${key}`),
      kind: row.kind,
      current,
      baseline,
      trend,
      direction,
    };
  });
}
