import type { MonthlyReport } from '../reports.service';

/** What an export needs besides the report: headings in the reader's language. */
export interface ExportHeadings {
  translate(key: string, params?: Record<string, string | number>): string;
  /** The report's title line, e.g. "Ohjaamo Kallio, 10/2026". */
  title: string;
  /** Month columns as shown, e.g. "10/2026". */
  monthLabel(month: string): string;
}

/** A table of text cells with a heading row: the shape every export writes. */
export interface ExportSheet {
  key: string;
  title: string;
  header: string[];
  rows: (string | number)[][];
}

/**
 * The report as plain sheets: one per section plus the indicators. Suppressed figures
 * are the text "<5" (never the number), shown figures are numbers, so every export
 * carries exactly what the screen shows.
 */
export function reportSheets(report: MonthlyReport, h: ExportHeadings): ExportSheet[] {
  const t = (key: string) => h.translate(key);
  const header = [t('reports.export.figure'), ...report.columns.map((m) => h.monthLabel(m))];
  const sheets: ExportSheet[] = report.sections.map((section) => ({
    key: section.key,
    title: section.title,
    header,
    rows: section.rows.map((row) => [
      `${'  '.repeat(row.level)}${row.label}`,
      ...row.values.map((v) => (v.value !== null && row.kind !== 'percent' ? v.value : v.text)),
    ]),
  }));
  sheets.push({
    key: 'indicators',
    title: t('reports.sections.indicators'),
    header: [
      t('reports.export.indicator'),
      h.monthLabel(report.month),
      t('reports.export.baseline_month'),
      t('reports.export.baseline'),
      t('reports.export.direction'),
      ...report.indicators[0].trend.map((p) => h.monthLabel(p.month)),
    ],
    rows: report.indicators.map((indicator) => [
      indicator.label,
      cellOf(indicator.current, indicator.kind),
      indicator.baseline ? h.monthLabel(indicator.baseline.month) : '–',
      indicator.baseline ? cellOf(indicator.baseline.value, indicator.kind) : '–',
      indicator.direction ? t(`reports.direction.${indicator.direction}`) : '–',
      ...indicator.trend.map((p) => cellOf(p.value, indicator.kind)),
    ]),
  });
  return sheets;
}

function cellOf(value: { value: number | null; text: string }, kind: string): string | number {
  return value.value !== null && kind !== 'percent' ? value.value : value.text;
}
