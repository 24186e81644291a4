import {
  calendarEntryErrors,
  helsinkiWeekday,
  normaliseOpeningHours,
  openingHoursErrors,
  postalCodeErrors,
} from './site-rules';

const ORG = '6f1c2b9e-1d7a-4a53-9a43-0c8e2f7d1b11';
const fields = (errors: { field: string; code: string }[]): string[] =>
  errors.map((e) => `${e.field}:${e.code}`);

describe('site rules', () => {
  it('accepts five-digit postal codes only', () => {
    expect(postalCodeErrors('postalCode', '15110')).toEqual([]);
    expect(fields(postalCodeErrors('postalCode', '1511'))).toEqual([
      'postalCode:postalCodeInvalid',
    ]);
    expect(fields(postalCodeErrors('postalCode', '15110A'))).toEqual([
      'postalCode:postalCodeInvalid',
    ]);
  });

  describe('opening hours', () => {
    it('accepts weekday ranges in HH:MM that open before they close', () => {
      expect(
        openingHoursErrors('openingHours', {
          '1': [
            { opens: '09:00', closes: '12:00' },
            { opens: '13:00', closes: '16:00' },
          ],
          '5': [{ opens: '10:00', closes: '14:30' }],
        }),
      ).toEqual([]);
    });

    it('refuses weekday keys outside 1..7', () => {
      expect(fields(openingHoursErrors('openingHours', { '0': [], '8': [], mon: [] }))).toEqual([
        'openingHours.0:weekdayInvalid',
        'openingHours.8:weekdayInvalid',
        'openingHours.mon:weekdayInvalid',
      ]);
    });

    it('refuses bad times, reversed ranges and overlaps', () => {
      expect(
        fields(
          openingHoursErrors('openingHours', {
            '1': [{ opens: '9:00', closes: '24:00' }],
            '2': [{ opens: '16:00', closes: '09:00' }],
            '3': [
              { opens: '09:00', closes: '12:00' },
              { opens: '11:00', closes: '15:00' },
            ],
          }),
        ),
      ).toEqual([
        'openingHours.1.0.opens:timeInvalid',
        'openingHours.1.0.closes:timeInvalid',
        'openingHours.2.0.closes:timeRangeInvalid',
        'openingHours.3:timeRangesOverlap',
      ]);
    });

    it('refuses something that is not an object', () => {
      expect(fields(openingHoursErrors('openingHours', []))).toEqual([
        'openingHours:openingHoursInvalid',
      ]);
    });

    it('stores weekdays in order and ranges by opening time', () => {
      expect(
        normaliseOpeningHours({
          '3': [
            { opens: '13:00', closes: '16:00' },
            { opens: '09:00', closes: '12:00' },
          ],
          '1': [],
        }),
      ).toEqual({
        '3': [
          { opens: '09:00', closes: '12:00' },
          { opens: '13:00', closes: '16:00' },
        ],
      });
    });
  });

  describe('agency calendar', () => {
    it('accepts entries with both times or neither', () => {
      expect(
        calendarEntryErrors([
          { organisationId: ORG, weekday: 1 },
          { organisationId: ORG, weekday: 2, starts: '09:00', ends: '12:00' },
        ]),
      ).toEqual([]);
    });

    it('refuses bad weekdays, half ranges, reversed ranges and duplicates', () => {
      expect(
        fields(
          calendarEntryErrors([
            { organisationId: ORG, weekday: 0 },
            { organisationId: ORG, weekday: 2, starts: '09:00' },
            { organisationId: ORG, weekday: 3, starts: '12:00', ends: '12:00' },
            { organisationId: ORG, weekday: 4 },
            { organisationId: ORG, weekday: 4 },
          ]),
        ),
      ).toEqual([
        'entries.0.weekday:weekdayInvalid',
        'entries.1.ends:timeRangeIncomplete',
        'entries.2.ends:timeRangeInvalid',
        'entries.4:calendarDuplicate',
      ]);
    });
  });

  describe('helsinkiWeekday', () => {
    it('follows the Finnish calendar day, not UTC', () => {
      // Sunday 22:30 UTC is already Monday 00:30 in Helsinki (winter time, UTC+2).
      expect(helsinkiWeekday(new Date('2026-03-01T22:30:00Z'))).toBe(1);
      expect(helsinkiWeekday(new Date('2026-03-01T21:30:00Z'))).toBe(7);
      // Summer time (UTC+3): Friday 21:30 UTC is Saturday 00:30.
      expect(helsinkiWeekday(new Date('2026-06-05T21:30:00Z'))).toBe(6);
    });
  });
});
