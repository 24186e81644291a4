import type { Organisation, Role, Site, StaffUser } from '@ohjaamo/identity';
import type request from 'supertest';
import { Fixtures } from '../helpers/fixtures';
import { registeredRoutes } from '../helpers/routes';
import { createTestApp, TestApp } from '../helpers/test-app';
import {
  CLIENT_ENDPOINTS,
  CLIENT_ROUTE,
  MATRIX_AGENCIES,
  MATRIX_ROLES,
  MATRIX_STATES,
  NO_SUCH_ID,
  type MatrixAgency,
  type MatrixRequest,
  type MatrixState,
  type Subject,
} from './client-endpoints.matrix';
import {
  bearerFor,
  consentBody,
  dayOffset,
  newClient,
  newEntry,
  type Headers,
} from './consent-fixtures';
import { planBody } from './plans-fixtures';

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

// Every client endpoint under /api/v1 × role × agency × consent state, from the table in
// client-endpoints.matrix.ts. A route the table lacks fails the first test.
describe('client endpoints: authorisation matrix', () => {
  let t: TestApp;
  let site: Site;
  const as = {} as Record<MatrixAgency, Record<Role, Headers>>;
  const users = {} as Record<MatrixAgency, Record<Role, StaffUser>>;
  const orgs = {} as Record<MatrixAgency | 'elsewhere', Organisation>;
  const subjects = {} as Record<MatrixState, Subject>;

  const call = async (
    method: string,
    headers: Headers,
    request: MatrixRequest,
  ): Promise<request.Response> => {
    const agent = t.http as unknown as Record<string, (url: string) => request.Test>;
    const req = agent[method.toLowerCase()](request.url).set(headers);
    if (request.file) return req.attach('file', request.file, 'evidence.png');
    return request.body ? req.send(request.body) : req;
  };
  const asRecorder = async <T>(method: string, url: string, body?: object): Promise<T> => {
    const res = await call(method, as.recorder.adviser, { url, body });
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${res.text}`);
    return res.body as T;
  };
  const sql = <T>(query: string, params: unknown[]): Promise<T[]> =>
    t.dataSource.query(query, params);

  /** A client in `state`: registered by the recorder, with the consent the state names. */
  const bareSubject = async (state: MatrixState): Promise<Subject> => {
    const clientId = await newClient(t, as.recorder.adviser);
    if (state === 'none') return { clientId, entryId: NO_SUCH_ID, consentId: null };
    const scope =
      state === 'another_agency'
        ? { organisationIds: [orgs.elsewhere.id], sections: ['benefits'] }
        : state === 'another_category'
          ? { organisationIds: [orgs.other.id], sections: ['health_social'] }
          : { organisationIds: [orgs.other.id], sections: ['benefits'] };
    const consent = await asRecorder<{ id: string }>(
      'post',
      `/api/v1/clients/${clientId}/consents`,
      consentBody(scope),
    );
    if (state === 'withdrawn') {
      await asRecorder('post', `/api/v1/consents/${consent.id}/withdraw`, {});
    }
    if (state === 'expired') {
      await sql(`UPDATE consents SET valid_from = $2, valid_until = $3 WHERE id = $1`, [
        consent.id,
        dayOffset(-60),
        dayOffset(-1),
      ]);
    }
    return { clientId, entryId: NO_SUCH_ID, consentId: consent.id };
  };

  /** The shared subject of a state: the bare one plus an entry, a visit, a plan and more. */
  const fullSubject = async (state: MatrixState): Promise<Subject> => {
    const subject = await bareSubject(state);
    const { clientId } = subject;
    subject.entryId = await newEntry(t, as.recorder.adviser, clientId, 'benefits');
    await asRecorder('post', '/api/v1/visits', { siteId: site.id, clientId });
    await asRecorder('put', `/api/v1/clients/${clientId}/plan`, planBody());
    await asRecorder('post', `/api/v1/clients/${clientId}/outcomes`, {
      category: 'work_trial',
      startDate: dayOffset(-10),
      source: 'agency_record',
    });
    await asRecorder('post', `/api/v1/clients/${clientId}/concerns`, { description: 'Huoli' });
    await asRecorder('post', `/api/v1/clients/${clientId}/self-assessments`, {
      scores: [{ area: 'money', score: 5 }],
    });
    return subject;
  };

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    const fixtures = new Fixtures(t.app);
    site = await fixtures.site();
    orgs.recorder = await fixtures.organisation('youth_services');
    orgs.other = await fixtures.organisation('kela');
    orgs.elsewhere = await fixtures.organisation('ngo');
    for (const agency of MATRIX_AGENCIES) {
      as[agency] = {} as Record<Role, Headers>;
      users[agency] = {} as Record<Role, StaffUser>;
      for (const role of MATRIX_ROLES) {
        const user = await fixtures.user({
          roles: [role],
          organisation: orgs[agency],
          sites: [site],
        });
        users[agency][role] = user;
        as[agency][role] = await bearerFor(t, user);
      }
    }
    for (const state of MATRIX_STATES) subjects[state] = await fullSubject(state);
  });
  afterAll(async () => {
    await t.close();
  });

  it('has a row for every client route the app registers, and no row without a route', () => {
    const registered = registeredRoutes(t.app)
      .filter((r) => CLIENT_ROUTE.test(r.path))
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    const rows = CLIENT_ENDPOINTS.map((r) => `${r.method} ${r.route}`).sort();
    expect(rows).toEqual(registered);
    expect(new Set(rows).size).toBe(rows.length);
  });

  const CASES = CLIENT_ENDPOINTS.flatMap((row) =>
    MATRIX_STATES.map((state) => ({ row, state, name: `${row.method} ${row.route}` })),
  );

  it.each(CASES)('$name, consent $state', async ({ row, state }) => {
    const expected: Record<string, number> = {};
    const actual: Record<string, number> = {};
    const unaudited: string[] = [];
    for (const agency of MATRIX_AGENCIES) {
      for (const role of MATRIX_ROLES) {
        const key = `${role} of ${agency}`;
        expected[key] = row.expected(role, agency, state);
        const request = await row.request({
          subject: subjects[state],
          state,
          fresh: () => bareSubject(state),
          asRecorder: (method, url, body) => asRecorder(method, url, body),
          sql,
        });
        const [{ last }] = await sql<{ last: string }>(
          `SELECT coalesce(max(id), 0)::text AS last FROM audit_log`,
          [],
        );
        const res = await call(row.method, as[agency][role], request);
        actual[key] = res.status;
        if (row.read && res.status === 200) {
          // Every successful read of client data leaves a row naming its legal basis.
          const rows = await sql<{ legal_basis: string | null }>(
            `SELECT legal_basis FROM audit_log
              WHERE id > $1 AND client_id = $2 AND actor_user_id = $3 AND outcome = 'success'`,
            [last, subjects[state].clientId, users[agency][role].id],
          );
          if (rows.length === 0 || rows.some((r) => r.legal_basis === null)) {
            unaudited.push(`${key}: ${JSON.stringify(rows)}`);
          }
        }
      }
    }
    expect(actual).toEqual(expected);
    expect(unaudited).toEqual([]);
  });
});
