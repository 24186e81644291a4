import type { Organisation, Role } from '@ohjaamo/identity';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import {
  bearerFor,
  consentBody,
  dayOffset,
  newClient,
  newEntry,
  type Headers,
} from './consent-fixtures';

// The authorisation matrix of the shared record: role × agency × consent state → status.
// A youth-services adviser records a benefits entry. The consent under test names the
// Kela office by id and employment services by kind, for the benefits category.

type Agency = 'recorder' | 'named' | 'kind' | 'uncovered';
type State = 'none' | 'active' | 'withdrawn' | 'expired' | 'another_agency' | 'another_category';
/** sees: 200 with the entry; hidden: 404 (and absent from the list); refused: 403 by role. */
type Outcome = 'sees' | 'hidden' | 'refused';

const AGENCIES: Agency[] = ['recorder', 'named', 'kind', 'uncovered'];
const STATES: State[] = [
  'none',
  'active',
  'withdrawn',
  'expired',
  'another_agency',
  'another_category',
];
const ROLES: Role[] = ['adviser', 'front_desk', 'coordinator', 'admin'];

// What an adviser of each agency gets, per consent state.
const ADVISER: Record<State, Record<Agency, Outcome>> = {
  none: { recorder: 'sees', named: 'hidden', kind: 'hidden', uncovered: 'hidden' },
  active: { recorder: 'sees', named: 'sees', kind: 'sees', uncovered: 'hidden' },
  withdrawn: { recorder: 'sees', named: 'hidden', kind: 'hidden', uncovered: 'hidden' },
  expired: { recorder: 'sees', named: 'hidden', kind: 'hidden', uncovered: 'hidden' },
  another_agency: { recorder: 'sees', named: 'hidden', kind: 'hidden', uncovered: 'hidden' },
  another_category: { recorder: 'sees', named: 'hidden', kind: 'hidden', uncovered: 'hidden' },
};
// Other roles, whatever the agency or consent: the desk sees no entries, coordinators and
// admins reach no individual record at all.
const OTHER_ROLES: Record<Exclude<Role, 'adviser'>, Outcome> = {
  front_desk: 'hidden',
  coordinator: 'refused',
  admin: 'refused',
};

const CASES = STATES.flatMap((state) =>
  ROLES.flatMap((role) =>
    AGENCIES.map((agency) => ({
      state,
      role,
      agency,
      expected: role === 'adviser' ? ADVISER[state][agency] : OTHER_ROLES[role],
    })),
  ),
);

describe('record: authorisation matrix', () => {
  let t: TestApp;
  const as = {} as Record<Agency, Record<Role, Headers>>;
  const orgs = {} as Record<Agency | 'elsewhere', Organisation>;
  const subject = {} as Record<State, { clientId: string; entryId: string }>;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    const fixtures = new Fixtures(t.app);
    const site = await fixtures.site();
    orgs.recorder = await fixtures.organisation('youth_services');
    orgs.named = await fixtures.organisation('kela');
    orgs.kind = await fixtures.organisation('employment_services');
    orgs.uncovered = await fixtures.organisation('education');
    orgs.elsewhere = await fixtures.organisation('ngo');
    for (const agency of AGENCIES) {
      as[agency] = {} as Record<Role, Headers>;
      for (const role of ROLES) {
        const user = await fixtures.user({
          roles: [role],
          organisation: orgs[agency],
          sites: [site],
        });
        as[agency][role] = await bearerFor(t, user);
      }
    }
    const recorder = as.recorder.adviser;
    const scope = {
      organisationIds: [orgs.named.id],
      organisationKinds: ['employment_services'],
      sections: ['benefits'],
    };
    for (const state of STATES) {
      const clientId = await newClient(t, recorder);
      const entryId = await newEntry(t, recorder, clientId, 'benefits');
      subject[state] = { clientId, entryId };
      if (state === 'none') continue;
      const body =
        state === 'another_agency'
          ? consentBody({ organisationIds: [orgs.elsewhere.id], sections: ['benefits'] })
          : state === 'another_category'
            ? consentBody({ ...scope, sections: ['health_social'] })
            : consentBody(scope);
      const consent = await t.http
        .post(`/api/v1/clients/${clientId}/consents`)
        .set(recorder)
        .send(body)
        .expect(201);
      if (state === 'withdrawn') {
        await t.http
          .post(`/api/v1/consents/${consent.body.id}/withdraw`)
          .set(recorder)
          .send({})
          .expect(200);
      }
      if (state === 'expired') {
        // Its last day was yesterday (Helsinki): moved in the database rather than waited for.
        await t.dataSource.query(
          `UPDATE consents SET valid_from = $2, valid_until = $3 WHERE id = $1`,
          [consent.body.id, dayOffset(-60), dayOffset(-1)],
        );
      }
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(CASES)(
    'GET one entry: $role of the $agency agency, consent $state → $expected',
    async ({ state, role, agency, expected }) => {
      const { clientId, entryId } = subject[state];
      const res = await t.http
        .get(`/api/v1/clients/${clientId}/record/entries/${entryId}`)
        .set(as[agency][role]);
      const status = { sees: 200, hidden: 404, refused: 403 }[expected];
      expect(res.status).toBe(status);
      if (expected === 'sees') {
        expect(res.body).toMatchObject({ id: entryId, title: 'Housing allowance' });
        expect(res.body.legalBasis).toBe(agency === 'recorder' ? 'own_record' : 'consent');
      } else {
        expect(JSON.stringify(res.body)).not.toContain('Housing allowance');
      }
    },
  );

  it.each(CASES)(
    'GET the list: $role of the $agency agency, consent $state → $expected',
    async ({ state, role, agency, expected }) => {
      const { clientId, entryId } = subject[state];
      const res = await t.http
        .get(`/api/v1/clients/${clientId}/record/entries?section=benefits`)
        .set(as[agency][role]);
      if (expected === 'refused') return expect(res.status).toBe(403);
      if (role === 'front_desk') return expect(res.status).toBe(404);
      expect(res.status).toBe(200);
      const ids = (res.body.items as { id: string }[]).map((i) => i.id);
      expect(ids.includes(entryId)).toBe(expected === 'sees');
    },
  );

  it.each(ROLES)('lets only advisers write entries: %s', async (role) => {
    const { clientId } = subject.none;
    const res = await t.http
      .post(`/api/v1/clients/${clientId}/record/entries`)
      .set(as.recorder[role])
      .send({ section: 'plan', title: 'Plan', body: 'Next steps.' });
    expect(res.status).toBe(role === 'adviser' ? 201 : 403);
  });

  it('tells the uncovered agency what is hidden and why', async () => {
    const res = await t.http
      .get(`/api/v1/clients/${subject.another_category.clientId}/visibility`)
      .set({ ...as.named.adviser, 'Accept-Language': 'en' })
      .expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        section: 'benefits',
        organisationId: orgs.recorder.id,
        visible: false,
        hiddenReason: 'no_consent',
        note: expect.stringContaining('not shared with your organisation: no consent'),
      }),
    ]);
    const own = await t.http
      .get(`/api/v1/clients/${subject.another_category.clientId}/visibility`)
      .set(as.recorder.adviser)
      .expect(200);
    expect(own.body.items[0]).toMatchObject({ visible: true, legalBasis: 'own_record' });
  });
});
