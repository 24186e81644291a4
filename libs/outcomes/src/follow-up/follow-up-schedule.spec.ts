import { AppConfig } from '@ohjaamo/platform';
import { addMonths, followUpPoints, parseFollowUpMonths } from './follow-up-schedule';

describe('follow-up schedule', () => {
  it('places points 3, 6 and 12 months after the start', () => {
    expect(followUpPoints('2026-01-15', [3, 6, 12])).toEqual([
      { months: 3, dueOn: '2026-04-15' },
      { months: 6, dueOn: '2026-07-15' },
      { months: 12, dueOn: '2027-01-15' },
    ]);
  });

  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('reads the setting sorted and without repeats', () => {
    expect(parseFollowUpMonths('12, 3,6,3')).toEqual([3, 6, 12]);
  });

  it('follows up at 3, 6 and 12 months unless configured otherwise', () => {
    expect(parseFollowUpMonths(new AppConfig().FOLLOW_UP_MONTHS)).toEqual([3, 6, 12]);
  });
});
