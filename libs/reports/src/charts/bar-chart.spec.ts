import { barChartSvg } from './bar-chart';

describe('barChartSvg', () => {
  const svg = barChartSvg({
    id: 'visits',
    title: 'Visits <by month>',
    description: 'Twelve months & this month so far',
    points: [
      { label: '10/2026', value: 40, text: '40' },
      { label: '11/2026', value: null, text: '<5', highlight: true },
    ],
  });

  it('is an image labelled by its title and description, with text escaped', () => {
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="visits-title visits-desc"');
    expect(svg).toContain('<title id="visits-title">Visits &lt;by month&gt;</title>');
    expect(svg).toContain('<desc id="visits-desc">Twelve months &amp; this month so far</desc>');
  });

  it('draws no bar for a hidden figure but writes "<5" in its place', () => {
    expect(svg.match(/<rect /g)).toHaveLength(1);
    expect(svg).toContain('>&lt;5</text>');
  });

  it('uses no inline style (the content security policy forbids it)', () => {
    expect(svg).not.toContain('style=');
  });
});
