import { Injectable } from '@nestjs/common';
import { SelfAssessmentsService, type AreaTrend, type LifeArea } from '@ohjaamo/plans';
import { type Actor, I18nService, type Language } from '@ohjaamo/platform';

/** A life area's label in the page's language. */
export function areaLabel(area: LifeArea | undefined, code: string, language: Language): string {
  if (!area) return code;
  return language === 'sv' ? area.labelSv : language === 'en' ? area.labelEn : area.labelFi;
}

const WIDTH = 640;
const LABEL_WIDTH = 190;
const RIGHT_PAD = 50;
const ROW = 32;
const TOP = 28;
const BAR = 20;
const SCALE = (WIDTH - LABEL_WIDTH - RIGHT_PAD) / 10;

/**
 * The change since the baseline as a small server-drawn SVG bar chart (no script), with
 * a title and description for screen readers and the same figures as a table.
 */
export interface SelfAssessmentChart {
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  ticks: { x: number; label: number }[];
  axisY: number;
  barX: number;
  rows: {
    label: string;
    labelY: number;
    barY: number;
    baselineX: number;
    baselineTop: number;
    baselineBottom: number;
    latestWidth: number;
    latestEndX: number;
    baseline: number;
    baselineOn: string;
    latest: number;
    latestOn: string;
    change: string;
    changeKind: 'up' | 'down' | 'same';
  }[];
}

export function chartOf(
  trend: AreaTrend[],
  areas: LifeArea[],
  language: Language,
  i18n: I18nService,
  id = 'self-assessment-chart',
): SelfAssessmentChart | null {
  if (trend.length === 0) return null;
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const t = (key: string, params: Record<string, string | number> = {}): string =>
    i18n.translate(key, params, language);
  const rows: SelfAssessmentChart['rows'] = trend.map((a, i) => {
    const barY = TOP + i * ROW;
    return {
      label: areaLabel(byCode.get(a.area), a.area, language),
      labelY: barY + 15,
      barY,
      baselineX: LABEL_WIDTH + a.baseline * SCALE,
      // Longer than the bar is high, so the mark shows on white as well as on the bar.
      baselineTop: barY - 3,
      baselineBottom: barY + BAR + 3,
      latestWidth: a.latest * SCALE,
      latestEndX: LABEL_WIDTH + a.latest * SCALE + 6,
      baseline: a.baseline,
      baselineOn: a.baselineOn,
      latest: a.latest,
      latestOn: a.latestOn,
      change: a.change > 0 ? `+${a.change}` : String(a.change),
      changeKind: a.change > 0 ? 'up' : a.change < 0 ? 'down' : 'same',
    };
  });
  const improved = trend.filter((a) => a.change > 0).length;
  const declined = trend.filter((a) => a.change < 0).length;
  return {
    id,
    title: t('selfAssessmentPage.chartTitle'),
    description: t('selfAssessmentPage.chartDescription', {
      areas: trend.length,
      improved,
      declined,
      same: trend.length - improved - declined,
    }),
    width: WIDTH,
    height: TOP + trend.length * ROW + 10,
    axisY: 18,
    barX: LABEL_WIDTH,
    ticks: [1, 5, 10].map((label) => ({ x: LABEL_WIDTH + label * SCALE, label })),
    rows,
  };
}

/**
 * Builds the chart for one client, reading through the audited service. The client page
 * includes it with `{{> self-assessment-chart chart=selfAssessmentChart}}`.
 */
@Injectable()
export class SelfAssessmentChartBuilder {
  constructor(
    private readonly assessments: SelfAssessmentsService,
    private readonly i18n: I18nService,
  ) {}

  async build(
    actor: Actor,
    clientId: string,
    language: Language,
  ): Promise<SelfAssessmentChart | null> {
    const [trend, areas] = await Promise.all([
      this.assessments.trend(actor, clientId),
      this.assessments.lifeAreas(),
    ]);
    return chartOf(trend, areas, language, this.i18n);
  }
}
