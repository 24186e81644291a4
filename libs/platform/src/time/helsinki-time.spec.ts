import {
  addDays,
  formatHelsinkiLocal,
  helsinkiDate,
  helsinkiDayRange,
  helsinkiWeekday,
  isCalendarDay,
  parseHelsinkiLocal,
} from './helsinki-time';

describe('Helsinki time', () => {
  it('knows the Finnish calendar day of an instant', () => {
    expect(helsinkiDate(new Date('2026-11-22T22:30:00Z'))).toBe('2026-11-23'); // UTC+2
    expect(helsinkiDate(new Date('2026-07-01T20:59:00Z'))).toBe('2026-07-01'); // UTC+3
    expect(helsinkiDate(new Date('2026-07-01T21:00:00Z'))).toBe('2026-07-02');
  });

  it('gives day ranges across the clock changes', () => {
    expect(helsinkiDayRange('2026-03-29')).toEqual({
      from: new Date('2026-03-28T22:00:00Z'),
      to: new Date('2026-03-29T21:00:00Z'),
    });
    expect(
      helsinkiDayRange('2026-10-25').to.getTime() - helsinkiDayRange('2026-10-25').from.getTime(),
    ).toBe(25 * 3600_000);
  });

  it('parses and formats datetime-local values in Finnish time', () => {
    expect(parseHelsinkiLocal('2026-11-23T10:15')).toEqual(new Date('2026-11-23T08:15:00Z'));
    expect(parseHelsinkiLocal('2026-06-15T10:15')).toEqual(new Date('2026-06-15T07:15:00Z'));
    expect(parseHelsinkiLocal('2026-02-30T10:15')).toBeNull();
    expect(parseHelsinkiLocal('2026-11-23 10:15')).toBeNull();
    expect(parseHelsinkiLocal('2026-11-23T24:00')).toBeNull();
    expect(formatHelsinkiLocal(new Date('2026-11-23T08:15:00Z'))).toBe('2026-11-23T10:15');
  });

  it('validates days, adds days and names weekdays', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(helsinkiWeekday(new Date('2026-11-23T10:00:00Z'))).toBe(1);
    expect(helsinkiWeekday(new Date('2026-11-22T22:30:00Z'))).toBe(1); // Sunday in UTC, Monday in Helsinki
  });
});
