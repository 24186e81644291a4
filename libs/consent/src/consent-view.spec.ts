import type { Consent } from './consent.entity';
import { isActive, toConsentView } from './consent-view';

const consent = (over: Partial<Consent> = {}): Consent => ({
  id: '44444444-4444-4444-8444-444444444444',
  clientId: '55555555-5555-4555-8555-555555555555',
  status: 'given',
  organisationIds: [],
  organisationKinds: ['kela'],
  sections: ['benefits'],
  purpose: 'Studies',
  validFrom: '2026-01-01',
  validUntil: '2026-03-10',
  formVersion: '2026-1',
  formLanguage: 'fi',
  method: 'signed_paper',
  recordedByUserId: '66666666-6666-4666-8666-666666666666',
  recordedByOrganisationId: '77777777-7777-4777-8777-777777777777',
  replacesConsentId: null,
  createdAt: new Date(),
  updatedAt: new Date(),
  ...over,
});

describe('consent view', () => {
  it('is active from its first day through its last', () => {
    expect(isActive(consent(), '2025-12-31')).toBe(false);
    expect(isActive(consent(), '2026-01-01')).toBe(true);
    expect(isActive(consent(), '2026-03-10')).toBe(true);
    expect(isActive(consent(), '2026-03-11')).toBe(false);
  });

  it('reads a given consent past its last day as expired', () => {
    expect(toConsentView(consent(), '2026-03-11')).toMatchObject({
      status: 'expired',
      active: false,
    });
    expect(toConsentView(consent(), '2026-03-10')).toMatchObject({ status: 'given', active: true });
  });

  it('leaves withdrawn and replaced consents as they are', () => {
    expect(toConsentView(consent({ status: 'withdrawn' }), '2026-02-01')).toMatchObject({
      status: 'withdrawn',
      active: false,
    });
  });
});
