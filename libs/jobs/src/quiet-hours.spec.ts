import { nextAllowedInstant } from './quiet-hours';

describe('nextAllowedInstant', () => {
  const at = (iso: string) => nextAllowedInstant(new Date(iso), '21-08').toISOString();

  it('lets a message through in the day', () => {
    expect(at('2026-11-23T10:00:00Z')).toBe('2026-11-23T10:00:00.000Z'); // 12:00 in Helsinki
  });

  it('postpones a message written at 22:30 to 08:00 the next morning', () => {
    expect(at('2026-11-23T20:30:00Z')).toBe('2026-11-24T06:00:00.000Z');
  });

  it('postpones a message written at 03:00 to 08:00 the same morning', () => {
    expect(at('2026-11-24T01:00:00Z')).toBe('2026-11-24T06:00:00.000Z');
  });

  it('uses summer time in July (08:00 is 05:00 UTC)', () => {
    expect(at('2026-07-01T19:00:00Z')).toBe('2026-07-02T05:00:00.000Z'); // 22:00 EEST
  });

  it('treats 21:00 as quiet and 08:00 as allowed', () => {
    expect(at('2026-11-23T19:00:00Z')).toBe('2026-11-24T06:00:00.000Z');
    expect(at('2026-11-24T06:00:00Z')).toBe('2026-11-24T06:00:00.000Z');
  });
});
