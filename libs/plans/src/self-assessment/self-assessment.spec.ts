import { scoreErrors } from './self-assessment-rules';
import { trendOf } from './self-assessment-trend';

describe('self-assessment', () => {
  const areas = new Set(['money', 'housing', 'mood']);

  it('refuses scores outside 1-10, unknown and repeated areas', () => {
    const errors = scoreErrors(
      [
        { area: 'money', score: 0 },
        { area: 'money', score: 5 },
        { area: 'diet', score: 11 },
        { area: 'mood', score: 4.5 },
      ],
      areas,
    );
    expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'scores.0.score:scoreOutOfRange',
      'scores.1.area:repeatedArea',
      'scores.2.area:unknownArea',
      'scores.2.score:scoreOutOfRange',
      'scores.3.score:scoreOutOfRange',
    ]);
  });

  it('takes the earliest assessment as the baseline whatever the order given', () => {
    const trend = trendOf(
      [
        { assessedOn: '2026-05-01', scores: { money: 6, mood: 7 } },
        { assessedOn: '2026-01-10', scores: { money: 3 } },
        { assessedOn: '2026-03-01', scores: { money: 4, housing: 5 } },
      ],
      ['money', 'housing', 'mood'],
    );
    expect(trend).toEqual([
      {
        area: 'money',
        baseline: 3,
        baselineOn: '2026-01-10',
        latest: 6,
        latestOn: '2026-05-01',
        change: 3,
      },
      {
        area: 'housing',
        baseline: 5,
        baselineOn: '2026-03-01',
        latest: 5,
        latestOn: '2026-03-01',
        change: 0,
      },
      {
        area: 'mood',
        baseline: 7,
        baselineOn: '2026-05-01',
        latest: 7,
        latestOn: '2026-05-01',
        change: 0,
      },
    ]);
  });
});
