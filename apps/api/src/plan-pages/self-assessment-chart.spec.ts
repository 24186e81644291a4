import { I18nService } from '@ohjaamo/platform';
import type { LifeArea } from '@ohjaamo/plans';
import { chartOf } from './self-assessment-chart';

const area = (code: string, labelEn: string): LifeArea => ({
  code,
  labelFi: code,
  labelSv: code,
  labelEn,
  active: true,
  sortOrder: 0,
});

describe('the self-assessment chart', () => {
  const i18n = new I18nService();

  it('draws each area from the baseline to the latest score and says the change', () => {
    const chart = chartOf(
      [
        {
          area: 'money',
          baseline: 3,
          baselineOn: '2026-01-01',
          latest: 8,
          latestOn: '2026-03-01',
          change: 5,
        },
        {
          area: 'mood',
          baseline: 6,
          baselineOn: '2026-01-01',
          latest: 4,
          latestOn: '2026-03-01',
          change: -2,
        },
      ],
      [area('money', 'Money'), area('mood', 'Mood')],
      'en',
      i18n,
    );
    expect(chart).not.toBeNull();
    const [money, mood] = chart!.rows;
    expect(money).toMatchObject({ label: 'Money', change: '+5', changeKind: 'up' });
    expect(mood).toMatchObject({ label: 'Mood', change: '-2', changeKind: 'down' });
    // Bars are proportional to the score; the baseline mark sits at the baseline score.
    expect(money.latestWidth / mood.latestWidth).toBeCloseTo(8 / 4);
    expect(money.baselineX).toBeLessThan(mood.baselineX);
    expect(chart!.description).toContain('1 improved, 1 declined, 0 unchanged');
  });

  it('draws nothing before the first self-assessment', () => {
    expect(chartOf([], [], 'fi', i18n)).toBeNull();
  });
});
