import { formatDay } from './format-day';

describe('formatDay', () => {
  it('writes a date the Finnish way for staff and for Finnish and Swedish readers', () => {
    expect(formatDay('2026-11-04')).toBe('4.11.2026');
    expect(formatDay('2026-11-04', 'sv')).toBe('4.11.2026');
  });

  it('writes the month out in English', () => {
    expect(formatDay('2026-11-04', 'en')).toBe('4 November 2026');
  });

  it('falls back to Finnish for other languages and for none', () => {
    expect(formatDay('2027-01-31', 'so')).toBe('31.1.2027');
    expect(formatDay('2027-01-31', null)).toBe('31.1.2027');
  });
});
