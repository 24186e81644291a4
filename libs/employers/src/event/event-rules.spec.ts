import { cleanEvent, guestErrors } from './event-rules';

const SITE = '7b0e1b0c-5d5e-4b8a-9f57-2f1f3c3d4e5f';
const now = new Date('2026-03-02T08:00:00Z');
const base = {
  siteId: SITE,
  title: 'Kaupan alan treffit',
  startsAt: '2026-03-10T12:00',
  durationMinutes: 120,
  capacity: 40,
};
const codes = (input: object): string[] =>
  cleanEvent({ ...base, ...input }, [SITE], now).errors.map((e) => `${e.field}:${e.code}`);

describe('event rules', () => {
  it('reads the start as Finnish time and counts the rounds', () => {
    const { value, errors } = cleanEvent(base, [SITE], now);
    expect(errors).toEqual([]);
    expect(value!.startsAt.toISOString()).toBe('2026-03-10T10:00:00.000Z');
    expect(value!.endsAt.toISOString()).toBe('2026-03-10T12:00:00.000Z');
    expect(value!.slotMinutes).toBe(15);
    expect(value!.rounds).toBe(8);
  });

  it('takes an end instead of a duration', () => {
    const { value } = cleanEvent(
      { ...base, durationMinutes: undefined, endsAt: '2026-03-10T13:30', slotMinutes: 10 },
      [SITE],
      now,
    );
    expect(value!.rounds).toBe(9);
  });

  it('refuses a start in the past', () => {
    expect(codes({ startsAt: '2026-03-02T09:59' })).toEqual(['startsAt:inThePast']);
  });

  it('refuses a slot length that does not divide the duration', () => {
    expect(codes({ durationMinutes: 100, slotMinutes: 15 })).toEqual([
      'slotMinutes:slotNotDivisor',
    ]);
  });

  it('wants either an end or a duration', () => {
    expect(codes({ endsAt: '2026-03-10T14:00' })).toEqual(['endsAt:endOrDuration']);
    expect(codes({ durationMinutes: undefined })).toEqual(['endsAt:endOrDuration']);
  });

  it('refuses a site the user does not work at, and a bad capacity', () => {
    expect(codes({ siteId: '00000000-0000-4000-8000-000000000000', capacity: 0 })).toEqual([
      'siteId:siteNotYours',
      'capacity:capacityInvalid',
    ]);
  });

  it('wants a guest to have a name and a phone or an e-mail', () => {
    expect(guestErrors({ name: ' ' }).map((e) => e.field)).toEqual(['guest.name', 'guest.phone']);
    expect(guestErrors({ name: 'Aino', email: 'aino@example.fi' })).toEqual([]);
  });
});
