import type { Actor } from '@ohjaamo/platform';
import { ClientAccessPolicy } from './client-access.policy';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const actor = (roles: string[], organisationId = OWN): Actor => ({
  userId: '33333333-3333-4333-8333-333333333333',
  organisationId,
  organisationKind: 'youth_services',
  siteIds: [],
  roles,
});

describe('ClientAccessPolicy', () => {
  const policy = new ClientAccessPolicy();
  const client = { createdByOrganisationId: OWN };

  it('shows advisers the full entry, including the identity code on request', () => {
    expect(policy.accessTo(actor(['adviser']), client)).toEqual({
      view: 'full',
      sections: ['basic', 'contact_details'],
      legalBasis: 'own_record',
      mayReadIdentityCode: true,
      mayChangeRelationship: true,
    });
  });

  it('shows the front desk the identification only', () => {
    expect(policy.accessTo(actor(['front_desk']), client)).toEqual({
      view: 'identification',
      sections: ['basic'],
      legalBasis: 'own_record',
      mayReadIdentityCode: false,
      mayChangeRelationship: false,
    });
  });

  it('takes the wider view when a user holds both roles', () => {
    expect(policy.accessTo(actor(['front_desk', 'adviser']), client)?.view).toBe('full');
  });

  it('shows coordinators and admins no individual client', () => {
    expect(policy.accessTo(actor(['coordinator']), client)).toBeNull();
    expect(policy.accessTo(actor(['admin']), client)).toBeNull();
    expect(policy.maySearch(actor(['coordinator']))).toBe(false);
    expect(policy.maySearch(actor(['front_desk']))).toBe(true);
  });

  it("records another agency's client as a statutory access", () => {
    expect(policy.accessTo(actor(['adviser'], OTHER), client)?.legalBasis).toBe('statutory');
  });
});
