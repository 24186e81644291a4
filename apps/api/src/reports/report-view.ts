import { barChartSvg, type DashboardSeries, type MonthlyReport } from '@ohjaamo/reports';
import { monthLabel } from './report-request';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The report as the page template needs it (numbers already as shown text). */
export function reportView(report: MonthlyReport, t: Translate) {
  return {
    columns: [
      { label: monthLabel(report.columns[0]), caption: t('reports.page.this_month') },
      { label: monthLabel(report.columns[1]), caption: t('reports.page.previous') },
      { label: monthLabel(report.columns[2]), caption: t('reports.page.year_earlier') },
    ],
    sections: report.sections.map((section) => ({
      key: section.key,
      title: section.title,
      rows: section.rows.map((row) => ({
        key: row.key,
        label: row.label,
        levelClass: `level-${row.level}`,
        heading: row.values.every((v) => v.text === ''),
        values: row.values.map((v) => ({ text: v.text, suppressed: v.suppressed })),
      })),
    })),
    indicators: report.indicators.map((indicator) => ({
      key: indicator.key,
      label: indicator.label,
      current: indicator.current.text,
      baseline: indicator.baseline
        ? `${indicator.baseline.value.text} (${monthLabel(indicator.baseline.month)})`
        : t('reports.page.no_baseline'),
      direction: indicator.direction ? t(`reports.direction.${indicator.direction}`) : '–',
      trend: barChartSvg({
        id: `trend-${indicator.key}`,
        title: `${indicator.label}: ${t('reports.page.trend')}`,
        description: indicator.trend
          .map((p) => `${monthLabel(p.month)}: ${p.value.text || '–'}`)
          .join(', '),
        points: indicator.trend.map((p) => ({ label: '', value: p.value.value, text: '' })),
      }),
    })),
  };
}

/** Dashboard charts: a bar chart and its data table per series. */
export function dashboardView(series: DashboardSeries[], t: Translate) {
  return series.map((s) => {
    const from = monthLabel(s.points[0].month);
    const to = monthLabel(s.points[s.points.length - 1].month);
    return {
      key: s.key,
      title: s.label,
      svg: barChartSvg({
        id: `chart-${s.key.replace(/\W/g, '-')}`,
        title: s.label,
        description: t('reports.dashboard.chart_desc', { label: s.label, from, to }),
        points: s.points.map((p, i) => ({
          label: monthLabel(p.month).replace(/\/\d{2}(\d{2})$/, '/$1'),
          value: p.value,
          text: p.text,
          highlight: i === s.points.length - 1,
        })),
      }),
      table: s.points.map((p) => ({ month: monthLabel(p.month), text: p.text })),
      current: s.points[s.points.length - 1].text,
    };
  });
}
