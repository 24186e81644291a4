import { visitColumns, visitFieldErrors } from './visit-rules';

const SITE = '6f1c1f0e-3b7a-4c39-9d55-0d3f7a1c2b11';
const now = new Date('2026-03-02T10:00:00Z');
const context = { now, siteIds: [SITE], creating: true };
const fields = (errors: { field: string; code: string }[]): string[] =>
  errors.map((e) => `${e.field}:${e.code}`);

describe('visit rules', () => {
  it('accept a minimal walk-in', () => {
    expect(visitFieldErrors({ siteId: SITE }, context)).toEqual([]);
  });

  it('refuse a start time more than five minutes ahead or more than 14 days back', () => {
    const at = (ms: number) => new Date(now.getTime() + ms);
    expect(visitFieldErrors({ siteId: SITE, startedAt: at(4 * 60_000) }, context)).toEqual([]);
    expect(fields(visitFieldErrors({ siteId: SITE, startedAt: at(6 * 60_000) }, context))).toEqual([
      'startedAt:startedAtInFuture',
    ]);
    expect(
      fields(visitFieldErrors({ siteId: SITE, startedAt: at(-15 * 86_400_000) }, context)),
    ).toEqual(['startedAt:startedAtTooOld']);
  });

  it('name every bad field at once', () => {
    const errors = visitFieldErrors(
      {
        siteId: '0b8e3d4c-1111-4222-8333-444455556666',
        age: 41,
        durationMinutes: 721,
        note: 'x'.repeat(501),
        topics: ['work', 'Not A Code'],
        channel: 'email' as never,
        language: 'fin',
        servicesGiven: ['ok', 'y'.repeat(101)],
      },
      context,
    );
    expect(fields(errors)).toEqual([
      'siteId:siteNotYours',
      'channel:isIn',
      'age:ageOutOfRange',
      'language:languageInvalid',
      'topics.1:topicUnknown',
      'servicesGiven.1:maxLength',
      'durationMinutes:durationOutOfRange',
      'note:maxLength',
    ]);
  });

  it('accept ages 10 and 40 and refuse 9', () => {
    expect(visitFieldErrors({ siteId: SITE, age: 10 }, context)).toEqual([]);
    expect(visitFieldErrors({ siteId: SITE, age: 40 }, context)).toEqual([]);
    expect(fields(visitFieldErrors({ siteId: SITE, age: 9 }, context))).toEqual([
      'age:ageOutOfRange',
    ]);
  });

  it('refuse an age band that contradicts the age', () => {
    expect(fields(visitFieldErrors({ siteId: SITE, age: 16, ageBand: '18_24' }, context))).toEqual([
      'ageBand:ageBandMismatch',
    ]);
  });

  it('check on update only what is given', () => {
    expect(visitFieldErrors({ note: 'fine' }, { ...context, creating: false })).toEqual([]);
  });

  it('store the age band with the age, blanks as null and lists without duplicates', () => {
    expect(
      visitColumns({
        siteId: SITE,
        age: 17,
        municipality: '  ',
        topics: ['work', 'work'],
        note: ' hi ',
      }),
    ).toEqual({
      siteId: SITE,
      age: 17,
      ageBand: '15_17',
      municipality: null,
      topics: ['work'],
      note: 'hi',
    });
    expect(visitColumns({ age: null })).toEqual({ age: null, ageBand: null });
  });
});
