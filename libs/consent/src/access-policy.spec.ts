import type { Actor } from '@ohjaamo/platform';
import { decideSection, recordRoleView, type ConsentScope } from './access-policy';

const KELA = '11111111-1111-4111-8111-111111111111';
const TE = '22222222-2222-4222-8222-222222222222';
const actor = (roles: string[], organisationId = KELA, organisationKind = 'kela'): Actor => ({
  userId: '33333333-3333-4333-8333-333333333333',
  organisationId,
  organisationKind,
  siteIds: [],
  roles,
});
const consent = (over: Partial<ConsentScope> = {}): ConsentScope => ({
  id: '44444444-4444-4444-8444-444444444444',
  organisationIds: [],
  organisationKinds: ['kela'],
  sections: ['benefits'],
  ...over,
});

describe('decideSection', () => {
  it('always shows an agency what it recorded itself', () => {
    expect(decideSection(actor(['adviser']), 'health_social', KELA, [])).toEqual({
      visible: true,
      legalBasis: 'own_record',
    });
  });

  it("shows another agency's entries under a consent naming the actor's kind", () => {
    expect(decideSection(actor(['adviser']), 'benefits', TE, [consent()])).toEqual({
      visible: true,
      legalBasis: 'consent',
      consentId: consent().id,
    });
  });

  it('shows them under a consent naming the organisation', () => {
    const named = consent({ organisationKinds: [], organisationIds: [KELA] });
    expect(decideSection(actor(['adviser']), 'benefits', TE, [named]).visible).toBe(true);
  });

  it('refuses a Kela adviser without consent', () => {
    expect(decideSection(actor(['adviser']), 'benefits', TE, [])).toEqual({
      visible: false,
      reason: 'no_consent',
    });
  });

  it('refuses a category the consent does not name', () => {
    expect(decideSection(actor(['adviser']), 'health_social', TE, [consent()]).visible).toBe(false);
  });

  it('refuses an agency the consent does not name', () => {
    const other = actor(['adviser'], '55555555-5555-4555-8555-555555555555', 'education');
    expect(decideSection(other, 'benefits', TE, [consent()]).visible).toBe(false);
  });

  it('shows the front desk, coordinators and admins no entries, even their own', () => {
    for (const roles of [['front_desk'], ['coordinator'], ['admin']]) {
      expect(decideSection(actor(roles), 'basic', KELA, [])).toEqual({
        visible: false,
        reason: 'role',
      });
    }
    expect(recordRoleView(actor(['front_desk']))).toBe('identification');
    expect(recordRoleView(actor(['coordinator']))).toBeNull();
  });

  describe('the reason a section is hidden', () => {
    const lapsed = (ended: 'withdrawn' | 'expired') => ({ ...consent(), ended });

    it('names a withdrawn consent that covered the section', () => {
      expect(decideSection(actor(['adviser']), 'benefits', TE, [], [lapsed('withdrawn')])).toEqual({
        visible: false,
        reason: 'consent_withdrawn',
      });
    });

    it('names an expired consent, the newest lapsed one deciding', () => {
      expect(
        decideSection(
          actor(['adviser']),
          'benefits',
          TE,
          [],
          [lapsed('expired'), lapsed('withdrawn')],
        ),
      ).toEqual({ visible: false, reason: 'consent_expired' });
    });

    it('says no consent when the lapsed consent covered another category', () => {
      expect(
        decideSection(actor(['adviser']), 'health_social', TE, [], [lapsed('withdrawn')]),
      ).toEqual({ visible: false, reason: 'no_consent' });
    });

    it('never lets a lapsed consent through', () => {
      expect(
        decideSection(actor(['adviser']), 'benefits', TE, [], [lapsed('withdrawn')]).visible,
      ).toBe(false);
    });
  });
});
