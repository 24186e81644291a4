import { groupOf, OUTCOME_CATEGORIES } from './outcome-categories';
import { outcomeErrors } from './outcome-rules';

describe('outcome rules', () => {
  const valid = {
    category: 'vocational',
    startDate: '2026-08-01',
    source: 'young_person',
  } as const;

  it('accepts an outcome without an end', () => {
    expect(outcomeErrors(valid)).toEqual([]);
  });

  it('refuses an end before the start and an unknown category', () => {
    const errors = outcomeErrors({
      ...valid,
      category: 'astronaut' as never,
      endDate: '2026-07-31',
    });
    expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'category:unknownCategory',
      'endDate:endBeforeStart',
    ]);
  });

  it('puts every category of DOMAIN.md §6 in one group', () => {
    expect(OUTCOME_CATEGORIES).toHaveLength(21);
    expect(groupOf('apprenticeship')).toBe('work');
    expect(groupOf('activation_plan')).toBe('services');
    expect(groupOf('lost_contact')).toBe('other');
  });
});
