import type { ReportMonthKey } from './report-month';

/** The rolled-up figures of one scope (site, region, deployment) for one month. */
export interface MonthFigures {
  month: ReportMonthKey;
  /** Additive cells, summed over the scope's sites: "metric|dimension" → count. */
  cells: ReadonlyMap<string, number>;
  /** Unique young people counted distinct over the scope's sites, and by attribute. */
  youngPeople: {
    total: number;
    ageBand: ReadonlyMap<string, number>;
    gender: ReadonlyMap<string, number>;
    language: ReadonlyMap<string, number>;
  };
  /** Desk waits: whole minutes → count. */
  waits: ReadonlyMap<number, number>;
}

export type FigureKind = 'count' | 'minutes' | 'percent';

/** One figure of a report table as it is shown: the number, or hidden. */
export interface ShownValue {
  /** Null when hidden or not available; exports never see a hidden number. */
  value: number | null;
  /** What the screen and every export write: "12", "<5", "–", "45 %". */
  text: string;
  suppressed: boolean;
}

export interface ReportRow {
  /** Stable key, e.g. "visits.channel.walk_in". */
  key: string;
  label: string;
  /** Indentation: 0 total, 1 breakdown, 2 breakdown of a breakdown. */
  level: number;
  kind: FigureKind;
  values: ShownValue[];
}

export interface ReportSection {
  key: string;
  title: string;
  rows: ReportRow[];
}

/** Words and names the report needs in the reader's language. */
export interface ReportLabels {
  translate(key: string, params?: Record<string, string | number>): string;
  /** Organisation names by id (agencies, referral targets). */
  organisations: ReadonlyMap<string, string>;
  /** Visit topic labels by code. */
  topics: ReadonlyMap<string, string>;
}
