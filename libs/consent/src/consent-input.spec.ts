import { helsinkiDate } from '@ohjaamo/platform';
import { checkConsentInput, type ConsentInput } from './consent-input';

const ORG = '11111111-1111-4111-8111-111111111111';
const input = (over: Partial<ConsentInput> = {}): ConsentInput => ({
  organisationIds: [ORG],
  organisationKinds: [],
  sections: ['benefits'],
  purpose: 'Planning studies',
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
  formVersion: '2026-1',
  formLanguage: 'fi',
  method: 'signed_paper',
  ...over,
});
const codes = (over: Partial<ConsentInput>) =>
  checkConsentInput(input(over), new Set([ORG])).errors.map((e) => `${e.field}:${e.code}`);

describe('checkConsentInput', () => {
  it('accepts a complete consent', () => {
    expect(codes({})).toEqual([]);
  });

  it('refuses a consent ending before it starts', () => {
    expect(codes({ validUntil: '2025-12-31' })).toEqual(['validUntil:endsBeforeStart']);
  });

  it('takes a consent until the end of its last day in Helsinki', () => {
    // 21:59:59 UTC is 23:59:59 in Helsinki in winter; a second later it is the next day.
    expect(helsinkiDate(new Date('2026-03-10T21:59:59Z'))).toBe('2026-03-10');
    expect(helsinkiDate(new Date('2026-03-10T22:00:00Z'))).toBe('2026-03-11');
    expect(helsinkiDate(new Date('2026-07-10T20:59:59Z'))).toBe('2026-07-10');
    expect(helsinkiDate(new Date('2026-07-10T21:00:00Z'))).toBe('2026-07-11');
  });

  it('refuses unknown sections, agencies and kinds, and no agency at all', () => {
    expect(codes({ sections: ['diary'] })).toEqual(['sections:unknownSection']);
    expect(codes({ organisationIds: ['22222222-2222-4222-8222-222222222222'] })).toEqual([
      'organisationIds:unknownOrganisation',
    ]);
    expect(codes({ organisationIds: [], organisationKinds: ['bank'] })).toEqual([
      'organisationKinds:unknownOrganisationKind',
    ]);
    expect(codes({ organisationIds: [], organisationKinds: [] })).toEqual([
      'organisationIds:noAgencies',
    ]);
  });
});
