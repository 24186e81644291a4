import { histogramPercentile } from './percentile';
import type {
  FigureKind,
  MonthFigures,
  ReportLabels,
  ReportRow,
  ReportSection,
  ShownValue,
} from './report-model';
import {
  AGE_BANDS,
  FOLLOW_UP_POINTS,
  REPORT_GENDERS,
  REPORT_LANGUAGES,
  type ReportVocabulary,
} from './report-vocabulary';
import {
  type Partition,
  shareShown,
  suppressedLabel,
  suppressTable,
} from './suppression/suppression';
import { END_REASONS } from '@ohjaamo/clients';

/** The report's sections in order; each is one sheet of the XLSX export. */
export const SECTION_KEYS = [
  'visits',
  'young_people',
  'consents',
  'plans',
  'outcomes',
  'youth_guarantee',
  'events',
] as const;

/** A row before suppression: a number per month column. */
interface RawRow {
  key: string;
  label: string;
  level: number;
  kind: FigureKind;
  values: (number | null)[];
  /** For minutes and shares: visible only when these count rows allow it. */
  dependsOn?: { count?: string; numerator?: string; denominator?: string };
}

interface RawSection {
  key: string;
  rows: RawRow[];
  /** Partitions by row key: total and members that add up to it exactly. */
  partitions: { total: string; members: string[] }[];
}

/**
 * Builds the report tables from rolled-up figures, one column per month, and applies
 * small-count suppression to every column. Indicators and dashboard charts read their
 * numbers from these same tables, so a figure is hidden the same way everywhere.
 */
export function buildSections(
  months: readonly MonthFigures[],
  vocabulary: ReportVocabulary,
  labels: ReportLabels,
  threshold: number,
): ReportSection[] {
  const t = (key: string, params?: Record<string, string | number>) =>
    labels.translate(key, params);
  const cell = (metric: string, dimension = '') =>
    months.map((m) => m.cells.get(`${metric}|${dimension}`) ?? 0);
  const sum = (metric: string, dimensions: readonly string[]) =>
    months.map((m) => dimensions.reduce((a, d) => a + (m.cells.get(`${metric}|${d}`) ?? 0), 0));
  const dimensionsOf = (metric: string) =>
    [
      ...new Set(
        months.flatMap((m) => [...m.cells.keys()]).filter((k) => k.startsWith(`${metric}|`)),
      ),
    ].map((k) => k.slice(metric.length + 1));
  const count = (key: string, label: string, values: number[], level = 0): RawRow => ({
    key,
    label,
    level,
    kind: 'count',
    values,
  });
  /** A label row with no figures of its own. */
  const heading = (key: string, label: string): RawRow => ({
    key,
    label,
    level: 0,
    kind: 'count',
    values: months.map(() => null),
  });
  const byName = (names: ReadonlyMap<string, string>) => (a: string, b: string) =>
    (names.get(a) ?? a).localeCompare(names.get(b) ?? b);

  const sections: RawSection[] = [];

  // Visits.
  {
    const rows: RawRow[] = [
      count('visits.total', t('reports.rows.visits_total'), cell('visits.total')),
    ];
    const partitions: RawSection['partitions'] = [];
    const part = (
      prefix: string,
      metric: string,
      dims: readonly string[],
      label: (d: string) => string,
    ) => {
      const keys = dims.map((d) => `${prefix}.${d}`);
      dims.forEach((d, i) => rows.push(count(keys[i], label(d), cell(metric, d), 1)));
      return keys;
    };
    partitions.push({
      total: 'visits.total',
      members: part('visits.channel', 'visits.channel', vocabulary.channels, (d) =>
        t(`reports.channels.${d}`),
      ),
    });
    partitions.push({
      total: 'visits.total',
      members: part('visits.first', 'visits.first', ['first', 'returning'], (d) =>
        t(`reports.rows.visits_${d}`),
      ),
    });
    partitions.push({
      total: 'visits.total',
      members: part('visits.identity', 'visits.identity', ['anonymous', 'identified'], (d) =>
        t(`reports.rows.visits_${d}`),
      ),
    });
    // Agencies and topics: a visit can have several, so these do not add up to the total.
    rows.push(heading('visits.agencies', t('reports.rows.visits_by_agency')));
    part(
      'visits.agency',
      'visits.agency',
      dimensionsOf('visits.agency').sort(byName(labels.organisations)),
      (d) => labels.organisations.get(d) ?? t('reports.rows.unknown_agency'),
    );
    rows.push(heading('visits.topics', t('reports.rows.visits_by_topic')));
    part(
      'visits.topic',
      'visits.topic',
      dimensionsOf('visits.topic').sort(byName(labels.topics)),
      (d) => labels.topics.get(d) ?? d,
    );
    const referralDims = dimensionsOf('visits.referral').sort(byName(labels.organisations));
    rows.push(
      count('visits.referrals', t('reports.rows.referrals'), sum('visits.referral', referralDims)),
    );
    partitions.push({
      total: 'visits.referrals',
      members: part(
        'visits.referral',
        'visits.referral',
        referralDims,
        (d) => labels.organisations.get(d) ?? t('reports.rows.unknown_agency'),
      ),
    });
    rows.push(
      count(
        'visits.young_people',
        t('reports.rows.young_people_unique'),
        months.map((m) => m.youngPeople.total),
      ),
    );
    rows.push(
      count(
        'wait.count',
        t('reports.rows.wait_count'),
        months.map((m) => [...m.waits.values()].reduce((a, b) => a + b, 0)),
      ),
    );
    for (const [key, p] of [
      ['wait.median', 50],
      ['wait.p90', 90],
    ] as const) {
      rows.push({
        key,
        label: t(`reports.rows.${key.replace('.', '_')}`),
        level: 1,
        kind: 'minutes',
        values: months.map((m) => histogramPercentile(m.waits, p)),
        dependsOn: { count: 'wait.count' },
      });
    }
    sections.push({ key: 'visits', rows, partitions });
  }

  // Young people.
  {
    const rows: RawRow[] = [
      count('young.new', t('reports.rows.clients_new'), cell('clients.new')),
      count('young.active', t('reports.rows.clients_active'), cell('clients.active')),
      count('young.ended', t('reports.rows.clients_ended'), sum('clients.ended', END_REASONS)),
    ];
    const partitions: RawSection['partitions'] = [];
    const endedKeys = END_REASONS.map((r) => `young.ended.${r}`);
    END_REASONS.forEach((r, i) =>
      rows.push(count(endedKeys[i], t(`reports.end_reasons.${r}`), cell('clients.ended', r), 1)),
    );
    partitions.push({ total: 'young.ended', members: endedKeys });
    rows.push(
      count(
        'young.unique',
        t('reports.rows.young_people_unique'),
        months.map((m) => m.youngPeople.total),
      ),
    );
    const attribute = (
      name: 'ageBand' | 'gender' | 'language',
      codes: readonly string[],
      labelKey: string,
    ) => {
      const keys = codes.map((c) => `young.${name}.${c}`);
      codes.forEach((c, i) =>
        rows.push(
          count(
            keys[i],
            t(`reports.${labelKey}.${c}`),
            months.map((m) => m.youngPeople[name].get(c) ?? 0),
            1,
          ),
        ),
      );
      partitions.push({ total: 'young.unique', members: keys });
    };
    attribute('ageBand', AGE_BANDS, 'age_bands');
    attribute('gender', REPORT_GENDERS, 'genders');
    attribute('language', REPORT_LANGUAGES, 'languages');
    sections.push({ key: 'young_people', rows, partitions });
  }

  // Consents.
  sections.push({
    key: 'consents',
    rows: ['given', 'withdrawn', 'active'].map((s) =>
      count(`consents.${s}`, t(`reports.rows.consents_${s}`), cell(`consents.${s}`)),
    ),
    partitions: [],
  });

  // Plans.
  {
    const keys = vocabulary.planTypes.map((p) => `plans.type.${p}`);
    const rows = [
      count('plans.new', t('reports.rows.plans_new'), sum('plans.new', vocabulary.planTypes)),
      ...vocabulary.planTypes.map((p, i) =>
        count(keys[i], t(`reports.plan_types.${p}`), cell('plans.new', p), 1),
      ),
    ];
    sections.push({ key: 'plans', rows, partitions: [{ total: 'plans.new', members: keys }] });
  }

  // Outcomes: the transition table and the follow-ups.
  {
    const groups = Object.keys(vocabulary.outcomeGroups);
    const all = groups.flatMap((g) => vocabulary.outcomeGroups[g]);
    const rows: RawRow[] = [
      count('outcomes.total', t('reports.rows.outcomes_total'), sum('outcomes.started', all)),
    ];
    const partitions: RawSection['partitions'] = [
      { total: 'outcomes.total', members: groups.map((g) => `outcomes.group.${g}`) },
    ];
    for (const group of groups) {
      const categories = vocabulary.outcomeGroups[group];
      rows.push(
        count(
          `outcomes.group.${group}`,
          t(`reports.outcome_groups.${group}`),
          sum('outcomes.started', categories),
          1,
        ),
      );
      const keys = categories.map((c) => `outcomes.category.${c}`);
      categories.forEach((c, i) =>
        rows.push(
          count(keys[i], t(`reports.outcome_categories.${c}`), cell('outcomes.started', c), 2),
        ),
      );
      partitions.push({ total: `outcomes.group.${group}`, members: keys });
    }
    for (const point of FOLLOW_UP_POINTS) {
      rows.push(
        count(
          `followups.${point}.due`,
          t('reports.rows.followups_due', { months: point }),
          cell('followups.due', point),
        ),
      );
      rows.push(
        count(
          `followups.${point}.holding`,
          t('reports.rows.followups_holding', { months: point }),
          cell('followups.holding', point),
          1,
        ),
      );
      rows.push({
        key: `followups.${point}.share`,
        label: t('reports.rows.followups_share', { months: point }),
        level: 1,
        kind: 'percent',
        values: months.map(() => null),
        dependsOn: {
          numerator: `followups.${point}.holding`,
          denominator: `followups.${point}.due`,
        },
      });
    }
    sections.push({ key: 'outcomes', rows, partitions });
  }

  // Youth Guarantee.
  sections.push({
    key: 'youth_guarantee',
    rows: [
      count('yg.cohort', t('reports.rows.yg_cohort'), cell('yg.cohort')),
      count('yg.offered', t('reports.rows.yg_offered'), cell('yg.offered'), 1),
      {
        key: 'yg.share',
        label: t('reports.rows.yg_share'),
        level: 1,
        kind: 'percent',
        values: months.map(() => null),
        dependsOn: { numerator: 'yg.offered', denominator: 'yg.cohort' },
      },
    ],
    partitions: [],
  });

  // Recruitment events (speed dates): held, participants who came, meetings, and
  // participants hired by an employer of the event within three months.
  sections.push({
    key: 'events',
    rows: ['held', 'participants', 'meetings', 'hired'].map((k) =>
      count(`events.${k}`, t(`reports.rows.events_${k}`), cell(`events.${k}`)),
    ),
    partitions: [],
  });

  return sections.map((section) => ({
    key: section.key,
    title: t(`reports.sections.${section.key}`),
    rows: suppressSection(section, months.length, threshold),
  }));
}

function suppressSection(section: RawSection, columns: number, threshold: number): ReportRow[] {
  const index = new Map(section.rows.map((row, i) => [row.key, i]));
  const counts = section.rows.map((row) =>
    row.kind === 'count' ? row.values.map((v) => v ?? 0) : row.values.map(() => 0),
  );
  const partitions: Partition[] = section.partitions.map((p) => ({
    total: index.get(p.total)!,
    members: p.members.map((m) => index.get(m)!),
  }));
  const hidden = suppressTable(counts, partitions, threshold);
  const label = suppressedLabel(threshold);
  return section.rows.map((row, r) => ({
    key: row.key,
    label: row.label,
    level: row.level,
    kind: row.kind,
    values: Array.from({ length: columns }, (_, c): ShownValue => {
      const countOf = (key: string) => section.rows[index.get(key)!].values[c] ?? 0;
      const hiddenOf = (key: string) => hidden[index.get(key)!][c];
      if (row.kind === 'count') {
        const value = row.values[c];
        if (value === null) return { value: null, text: '', suppressed: false };
        return hidden[r][c]
          ? { value: null, text: label, suppressed: true }
          : { value, text: String(value), suppressed: false };
      }
      if (row.kind === 'minutes') {
        const n = countOf(row.dependsOn!.count!);
        const value = row.values[c];
        if (value === null || n === 0) return { value: null, text: '–', suppressed: false };
        if (hiddenOf(row.dependsOn!.count!) || n < threshold)
          return { value: null, text: label, suppressed: true };
        return { value, text: String(value), suppressed: false };
      }
      const numerator = countOf(row.dependsOn!.numerator!);
      const denominator = countOf(row.dependsOn!.denominator!);
      if (denominator === 0) return { value: null, text: '–', suppressed: false };
      if (
        !shareShown(numerator, denominator, threshold) ||
        hiddenOf(row.dependsOn!.numerator!) ||
        hiddenOf(row.dependsOn!.denominator!)
      ) {
        return { value: null, text: label, suppressed: true };
      }
      const value = Math.round((1000 * numerator) / denominator) / 10;
      return { value, text: `${value} %`, suppressed: false };
    }),
  }));
}
