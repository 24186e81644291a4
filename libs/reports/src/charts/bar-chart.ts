export interface ChartPoint {
  label: string;
  /** Null when hidden (suppressed) or missing: no bar, the text is written instead. */
  value: number | null;
  text: string;
  /** Drawn apart, e.g. the month so far. */
  highlight?: boolean;
}

export interface BarChart {
  id: string;
  title: string;
  description: string;
  points: ChartPoint[];
}

const WIDTH = 640;
const HEIGHT = 220;
const TOP = 24;
const BOTTOM = 36;
const LEFT = 8;

/**
 * A server-rendered bar chart as SVG markup: role="img" with a title and a description
 * (screen readers read those; the page puts the same numbers in a data table next to it).
 * Colours are presentation attributes and classes, never inline styles (CSP).
 */
export function barChartSvg(chart: BarChart): string {
  const max = Math.max(1, ...chart.points.map((p) => p.value ?? 0));
  const slot = (WIDTH - LEFT * 2) / Math.max(1, chart.points.length);
  const barWidth = Math.max(4, slot * 0.7);
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const bars = chart.points
    .map((point, i) => {
      const x = LEFT + i * slot + (slot - barWidth) / 2;
      const height = point.value === null ? 0 : Math.round((point.value / max) * plotHeight);
      const y = TOP + plotHeight - height;
      const cls = point.highlight ? 'chart-bar chart-bar--current' : 'chart-bar';
      const bar =
        height > 0
          ? `<rect class="${cls}" x="${n(x)}" y="${y}" width="${n(barWidth)}" height="${height}"/>`
          : '';
      return (
        bar +
        `<text class="chart-value" x="${n(x + barWidth / 2)}" y="${y - 4}" text-anchor="middle">${esc(point.text)}</text>` +
        `<text class="chart-label" x="${n(x + barWidth / 2)}" y="${HEIGHT - BOTTOM + 16}" text-anchor="middle">${esc(point.label)}</text>`
      );
    })
    .join('');
  const titleId = `${chart.id}-title`;
  const descId = `${chart.id}-desc`;
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${titleId} ${descId}" focusable="false">` +
    `<title id="${titleId}">${esc(chart.title)}</title>` +
    `<desc id="${descId}">${esc(chart.description)}</desc>` +
    `<line class="chart-axis" x1="${LEFT}" y1="${TOP + plotHeight}" x2="${WIDTH - LEFT}" y2="${TOP + plotHeight}"/>` +
    bars +
    `</svg>`
  );
}

function n(value: number): string {
  return value.toFixed(1);
}

function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
