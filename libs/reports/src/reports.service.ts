import type { DataSource } from 'typeorm';
import { type Indicator, readIndicators } from './indicators';
import { ReportFiguresRepository, type ReportScope } from './report-figures.repository';
import type { ReportLabels, ReportSection } from './report-model';
import { addMonths, monthsBetween, type ReportMonthKey } from './report-month';
import { buildSections } from './report-sections';
import type { ReportVocabulary } from './report-vocabulary';

export interface MonthlyReport {
  month: ReportMonthKey;
  /** The report month, the previous month and the same month a year earlier. */
  columns: ReportMonthKey[];
  /** Whether the report month's rollup exists; false: it is being built. */
  built: boolean;
  sections: ReportSection[];
  indicators: Indicator[];
  threshold: number;
}

export interface ReportLanguage {
  translate(key: string, params?: Record<string, string | number>): string;
  language: string;
}

/** A chart series: one row of the report tables over consecutive months. */
export interface DashboardSeries {
  key: string;
  label: string;
  points: { month: ReportMonthKey; value: number | null; text: string }[];
}

/** The rows the coordinator dashboard charts. */
export const DASHBOARD_ROWS = [
  'visits.total',
  'young.unique',
  'young.new',
  'outcomes.total',
] as const;

/**
 * Monthly reports and the dashboard, from the rollups only (ReportFiguresRepository):
 * aggregated, suppressed figures; no client record is ever read here.
 */
export class ReportsService {
  private readonly figures: ReportFiguresRepository;

  constructor(
    private readonly dataSource: DataSource,
    private readonly vocabulary: ReportVocabulary,
    readonly threshold: number,
  ) {
    this.figures = new ReportFiguresRepository(dataSource);
  }

  async monthlyReport(
    scope: ReportScope,
    month: ReportMonthKey,
    lang: ReportLanguage,
  ): Promise<MonthlyReport> {
    const siteIds = await this.figures.siteIds(scope);
    const labels = await this.labels(lang);
    const columns = [month, addMonths(month, -1), addMonths(month, -12)];
    const trendMonths = monthsBetween(addMonths(month, -11), month);
    const first = await this.figures.firstMonthWithVisits(siteIds);
    const baseline = first && addMonths(first, 1) <= month ? addMonths(first, 1) : null;
    const indicatorColumns =
      baseline && !trendMonths.includes(baseline) ? [baseline, ...trendMonths] : trendMonths;
    const [reportFigures, indicatorFigures, built] = await Promise.all([
      this.figures.figures(siteIds, columns),
      this.figures.figures(siteIds, indicatorColumns),
      this.figures.isBuilt(month),
    ]);
    const sections = buildSections(reportFigures, this.vocabulary, labels, this.threshold);
    const indicatorSections = buildSections(
      indicatorFigures,
      this.vocabulary,
      labels,
      this.threshold,
    );
    return {
      month,
      columns,
      built,
      sections,
      indicators: readIndicators(
        indicatorSections,
        indicatorColumns,
        baseline,
        trendMonths,
        (key) => lang.translate(key),
      ),
      threshold: this.threshold,
    };
  }

  /** The dashboard series: the twelve months before `month` and `month` so far. */
  async dashboard(
    scope: ReportScope,
    month: ReportMonthKey,
    lang: ReportLanguage,
  ): Promise<DashboardSeries[]> {
    const siteIds = await this.figures.siteIds(scope);
    const months = monthsBetween(addMonths(month, -12), month);
    const sections = buildSections(
      await this.figures.figures(siteIds, months),
      this.vocabulary,
      await this.labels(lang),
      this.threshold,
    );
    const rows = new Map(sections.flatMap((s) => s.rows).map((row) => [row.key, row]));
    return DASHBOARD_ROWS.map((key) => {
      const row = rows.get(key)!;
      return {
        key,
        label: row.label,
        points: months.map((m, i) => ({
          month: m,
          value: row.values[i].value,
          text: row.values[i].text,
        })),
      };
    });
  }

  isBuilt(month: ReportMonthKey): Promise<boolean> {
    return this.figures.isBuilt(month);
  }

  /** Organisation names and topic labels: reference data, not about any young person. */
  private async labels(lang: ReportLanguage): Promise<ReportLabels> {
    const column = ['fi', 'sv', 'en'].includes(lang.language)
      ? `label_${lang.language}`
      : 'label_fi';
    const [organisations, topics] = await Promise.all([
      this.dataSource.query<{ id: string; name: string }[]>(`SELECT id, name FROM organisations`),
      this.dataSource.query<{ code: string; label: string }[]>(
        `SELECT code, ${column} AS label FROM visit_topics`,
      ),
    ]);
    return {
      translate: (key, params) => lang.translate(key, params),
      organisations: new Map(organisations.map((o) => [o.id, o.name])),
      topics: new Map(topics.map((t) => [t.code, t.label])),
    };
  }
}
