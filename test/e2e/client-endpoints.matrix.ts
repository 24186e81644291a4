import type { Role } from '@ohjaamo/identity';
import { consentBody, dayOffset } from './consent-fixtures';
import { planBody } from './plans-fixtures';

// The table of the authorisation matrix over every client endpoint under /api/v1 (not a
// spec: record-access-matrix.e2e-spec.ts runs it). One row per route: how to call it for
// one case, and the status expected for role × agency × consent state.

/** recorder: the organisation that registered the client and recorded its entries. */
export type MatrixAgency = 'recorder' | 'other';
export type MatrixState =
  'none' | 'active' | 'withdrawn' | 'expired' | 'another_agency' | 'another_category';
export const MATRIX_ROLES: Role[] = ['adviser', 'front_desk', 'coordinator', 'admin'];
export const MATRIX_AGENCIES: MatrixAgency[] = ['recorder', 'other'];
export const MATRIX_STATES: MatrixState[] = [
  'none',
  'active',
  'withdrawn',
  'expired',
  'another_agency',
  'another_category',
];

/**
 * A client in one consent state: registered by the recorder, with a benefits entry, a
 * visit, a plan, an outcome, a concern and a self-assessment. Its consent (unless
 * `none`) names the other agency for benefits; `another_agency` names a third agency,
 * `another_category` the other agency for health and social data.
 */
export interface Subject {
  clientId: string;
  entryId: string;
  consentId: string | null;
}

/** What a row may use to build its request. */
export interface CaseContext {
  subject: Subject;
  state: MatrixState;
  /** A new client in the same consent state (client and consent only), for rows that consume it. */
  fresh(): Promise<Subject>;
  /** Acts as the recorder's adviser (sets up what a case consumes). */
  asRecorder<T = Record<string, unknown>>(
    method: 'get' | 'post' | 'put',
    url: string,
    body?: object,
  ): Promise<T>;
  sql<T = Record<string, unknown>>(query: string, params: unknown[]): Promise<T[]>;
}

export interface MatrixRequest {
  url: string;
  body?: object;
  /** Sent as multipart form data in the field `file`. */
  file?: Buffer;
}

export interface MatrixRow {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** The pattern as the app registers it. */
  route: string;
  request(c: CaseContext): Promise<MatrixRequest> | MatrixRequest;
  expected(role: Role, agency: MatrixAgency, state: MatrixState): number;
  /** A read of one client's data: a success must leave an audit row with its legal basis. */
  read?: boolean;
}

export const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

/** Status by role; roles not named are refused by permission (403). */
const roles =
  (statuses: Partial<Record<Role, number>>) =>
  (role: Role): number =>
    statuses[role] ?? 403;

/** Advisers of either agency (the registry and the plan are shared); others 403. */
const advisers = (status: number) => roles({ adviser: status });
/** Advisers and the front desk, as the registry's identification. */
const registry = (status: number) => roles({ adviser: status, front_desk: status });

// Another agency sees the recorder's benefits entry only under the active consent.
const seesEntry = (agency: MatrixAgency, state: MatrixState): boolean =>
  agency === 'recorder' || state === 'active';
// A consent that is given and not past its last day can still be withdrawn or replaced.
const inForce = (state: MatrixState): boolean =>
  ['active', 'another_agency', 'another_category'].includes(state);

const base = '/api/v1/clients/:id';

export const CLIENT_ENDPOINTS: MatrixRow[] = [
  // The registry.
  {
    method: 'POST',
    route: '/api/v1/clients',
    request: () => ({
      url: '/api/v1/clients',
      body: { firstName: 'Matriisi', lastName: 'Uusi', acknowledgeDuplicates: true },
    }),
    expected: registry(201),
  },
  {
    method: 'POST',
    route: '/api/v1/clients/search',
    request: () => ({ url: '/api/v1/clients/search', body: { name: 'Matriisi' } }),
    expected: registry(200),
  },
  {
    method: 'GET',
    route: base,
    request: ({ subject }) => ({ url: `/api/v1/clients/${subject.clientId}` }),
    expected: registry(200),
    read: true,
  },
  {
    method: 'PATCH',
    route: base,
    request: async ({ subject, sql }) => {
      const [{ version }] = await sql<{ version: number }>(
        `SELECT version FROM clients WHERE id = $1`,
        [subject.clientId],
      );
      return {
        url: `/api/v1/clients/${subject.clientId}`,
        body: { version, municipality: 'Vantaa' },
      };
    },
    expected: registry(200),
  },
  {
    method: 'POST',
    route: `${base}/end`,
    request: async ({ subject, sql }) => {
      await sql(
        `UPDATE clients SET status = 'active', ended_at = NULL, end_reason = NULL WHERE id = $1`,
        [subject.clientId],
      );
      return { url: `/api/v1/clients/${subject.clientId}/end`, body: { reason: 'goal_reached' } };
    },
    expected: advisers(200),
  },
  {
    method: 'POST',
    route: `${base}/reopen`,
    request: async ({ subject, sql }) => {
      await sql(
        `UPDATE clients SET status = 'ended', ended_at = now(), end_reason = 'goal_reached' WHERE id = $1`,
        [subject.clientId],
      );
      return { url: `/api/v1/clients/${subject.clientId}/reopen`, body: {} };
    },
    expected: advisers(200),
  },
  {
    method: 'GET',
    route: `${base}/identity-code`,
    request: ({ subject }) => ({ url: `/api/v1/clients/${subject.clientId}/identity-code` }),
    // The desk identifies people but never reads their identity code.
    expected: roles({ adviser: 200, front_desk: 404 }),
    read: true,
  },
  {
    method: 'GET',
    route: '/api/v1/clients/:clientId/visits',
    request: ({ subject }) => ({ url: `/api/v1/clients/${subject.clientId}/visits` }),
    expected: registry(200),
    read: true,
  },
  // The shared record.
  {
    method: 'GET',
    route: `${base}/record/entries`,
    request: ({ subject }) => ({ url: `/api/v1/clients/${subject.clientId}/record/entries` }),
    // The desk reaches the route but reads no records.
    expected: roles({ adviser: 200, front_desk: 404 }),
    read: true,
  },
  {
    method: 'POST',
    route: `${base}/record/entries`,
    request: ({ subject }) => ({
      url: `/api/v1/clients/${subject.clientId}/record/entries`,
      body: { section: 'situation', title: 'Matrix', body: 'Own entry.' },
    }),
    expected: advisers(201),
  },
  {
    method: 'GET',
    route: `${base}/record/entries/:entryId`,
    request: ({ subject }) => ({
      url: `/api/v1/clients/${subject.clientId}/record/entries/${subject.entryId}`,
    }),
    expected: (role, agency, state) =>
      role === 'adviser'
        ? seesEntry(agency, state)
          ? 200
          : 404
        : roles({ front_desk: 404 })(role),
    read: true,
  },
  {
    method: 'POST',
    route: `${base}/record/entries/:entryId/corrections`,
    request: ({ subject }) => ({
      url: `/api/v1/clients/${subject.clientId}/record/entries/${subject.entryId}/corrections`,
      body: { title: 'Housing allowance', body: 'Applied in March; decision pending.' },
    }),
    // Another agency's entry: refused when seen under consent, not found otherwise.
    expected: (role, agency, state) =>
      role !== 'adviser' ? 403 : agency === 'recorder' ? 201 : state === 'active' ? 403 : 404,
  },
  {
    method: 'POST',
    route: `${base}/record/entries/:entryId/delete`,
    request: async ({ subject, asRecorder }) => {
      const entry = await asRecorder<{ id: string }>(
        'post',
        `/api/v1/clients/${subject.clientId}/record/entries`,
        { section: 'benefits', title: 'To delete', body: 'Recorded by mistake.' },
      );
      return {
        url: `/api/v1/clients/${subject.clientId}/record/entries/${entry.id}/delete`,
        body: { reason: 'Wrong client' },
      };
    },
    expected: (role, agency, state) =>
      role !== 'adviser' ? 403 : agency === 'recorder' ? 204 : state === 'active' ? 403 : 404,
  },
  {
    method: 'GET',
    route: `${base}/visibility`,
    request: ({ subject }) => ({ url: `/api/v1/clients/${subject.clientId}/visibility` }),
    // The desk learns only that parts are hidden from its role.
    expected: registry(200),
    read: true,
  },
  // Consents (advisers only: a consent card names agencies).
  {
    method: 'GET',
    route: `${base}/consents`,
    request: ({ subject }) => ({ url: `/api/v1/clients/${subject.clientId}/consents` }),
    expected: advisers(200),
    read: true,
  },
  {
    method: 'POST',
    route: `${base}/consents`,
    request: async ({ fresh, state }) => {
      const subject = await fresh();
      return {
        url: `/api/v1/clients/${subject.clientId}/consents`,
        body: consentBody({
          organisationIds: [],
          organisationKinds: ['ngo'],
          sections: ['contacts'],
          purpose: state,
        }),
      };
    },
    expected: advisers(201),
  },
  {
    method: 'GET',
    route: '/api/v1/consents/:id',
    request: ({ subject }) => ({ url: `/api/v1/consents/${subject.consentId ?? NO_SUCH_ID}` }),
    expected: (role, _agency, state) => (role === 'adviser' ? (state === 'none' ? 404 : 200) : 403),
    read: true,
  },
  {
    method: 'POST',
    route: '/api/v1/consents/:id/withdraw',
    request: async ({ fresh }) => {
      const subject = await fresh();
      return { url: `/api/v1/consents/${subject.consentId ?? NO_SUCH_ID}/withdraw`, body: {} };
    },
    expected: (role, _agency, state) =>
      role !== 'adviser' ? 403 : state === 'none' ? 404 : inForce(state) ? 200 : 409,
  },
  {
    method: 'POST',
    route: '/api/v1/consents/:id/replace',
    request: async ({ fresh }) => {
      const subject = await fresh();
      return {
        url: `/api/v1/consents/${subject.consentId ?? NO_SUCH_ID}/replace`,
        body: consentBody({ organisationKinds: ['ngo'], sections: ['contacts'] }),
      };
    },
    expected: (role, _agency, state) =>
      role !== 'adviser' ? 403 : state === 'none' ? 404 : inForce(state) ? 201 : 409,
  },
  {
    method: 'POST',
    route: '/api/v1/consents/:id/evidence',
    request: ({ subject }) => ({
      url: `/api/v1/consents/${subject.consentId ?? NO_SUCH_ID}/evidence`,
      file: PNG,
    }),
    expected: (role, _agency, state) => (role === 'adviser' ? (state === 'none' ? 404 : 201) : 403),
  },
  {
    method: 'GET',
    route: '/api/v1/consents/:id/form',
    request: ({ subject }) => ({ url: `/api/v1/consents/${subject.consentId ?? NO_SUCH_ID}/form` }),
    expected: (role, _agency, state) => (role === 'adviser' ? (state === 'none' ? 404 : 200) : 403),
    read: true,
  },
  // The shared plan and self-assessments: every adviser sees what has been agreed.
  {
    method: 'GET',
    route: `${base}/plan`,
    request: ({ subject }) => ({ url: `/api/v1/clients/${subject.clientId}/plan` }),
    expected: advisers(200),
    read: true,
  },
  {
    method: 'PUT',
    route: `${base}/plan`,
    request: async ({ subject, sql }) => {
      const [{ version }] = await sql<{ version: number }>(
        `SELECT version FROM plans WHERE client_id = $1`,
        [subject.clientId],
      );
      return { url: `/api/v1/clients/${subject.clientId}/plan`, body: planBody({ version }) };
    },
    expected: advisers(200),
  },
  {
    method: 'GET',
    route: `${base}/plan/versions`,
    request: ({ subject }) => ({ url: `/api/v1/clients/${subject.clientId}/plan/versions` }),
    expected: advisers(200),
    read: true,
  },
  {
    method: 'GET',
    route: `${base}/self-assessments`,
    request: ({ subject }) => ({ url: `/api/v1/clients/${subject.clientId}/self-assessments` }),
    expected: advisers(200),
    read: true,
  },
  {
    method: 'POST',
    route: `${base}/self-assessments`,
    request: ({ subject }) => ({
      url: `/api/v1/clients/${subject.clientId}/self-assessments`,
      body: { scores: [{ area: 'money', score: 6 }] },
    }),
    expected: advisers(201),
  },
  {
    method: 'GET',
    route: `${base}/self-assessments/trend`,
    request: ({ subject }) => ({
      url: `/api/v1/clients/${subject.clientId}/self-assessments/trend`,
    }),
    expected: advisers(200),
    read: true,
  },
  // Outcomes, follow-ups and concerns.
  {
    method: 'GET',
    route: `${base}/outcomes`,
    request: ({ subject }) => ({ url: `/api/v1/clients/${subject.clientId}/outcomes` }),
    expected: advisers(200),
    read: true,
  },
  {
    method: 'POST',
    route: `${base}/outcomes`,
    request: ({ subject }) => ({
      url: `/api/v1/clients/${subject.clientId}/outcomes`,
      body: { category: 'coaching', startDate: dayOffset(-3), source: 'young_person' },
    }),
    expected: advisers(201),
  },
  {
    method: 'POST',
    route: '/api/v1/follow-ups/:id',
    request: async ({ subject, asRecorder }) => {
      const outcome = await asRecorder<{ followUps: { id: string }[] }>(
        'post',
        `/api/v1/clients/${subject.clientId}/outcomes`,
        { category: 'work_trial', startDate: dayOffset(-5), source: 'agency_record' },
      );
      return { url: `/api/v1/follow-ups/${outcome.followUps[0].id}`, body: { stillHolds: true } };
    },
    expected: advisers(200),
  },
  {
    method: 'GET',
    route: `${base}/concerns`,
    request: ({ subject }) => ({ url: `/api/v1/clients/${subject.clientId}/concerns` }),
    expected: advisers(200),
    read: true,
  },
  {
    method: 'POST',
    route: `${base}/concerns`,
    request: ({ subject }) => ({
      url: `/api/v1/clients/${subject.clientId}/concerns`,
      body: { description: 'Huoli' },
    }),
    expected: advisers(201),
  },
  {
    method: 'POST',
    route: '/api/v1/concerns/:id/resolve',
    request: async ({ subject, asRecorder }) => {
      const concern = await asRecorder<{ id: string }>(
        'post',
        `/api/v1/clients/${subject.clientId}/concerns`,
        { description: 'Ei vastaa puhelimeen' },
      );
      return { url: `/api/v1/concerns/${concern.id}/resolve`, body: {} };
    },
    expected: advisers(200),
  },
  {
    method: 'GET',
    route: '/api/v1/concerns/overdue-summary',
    request: () => ({ url: '/api/v1/concerns/overdue-summary' }),
    // Coordinators' only view of clients: a count, no client behind it.
    expected: roles({ coordinator: 200 }),
  },
  {
    method: 'GET',
    route: '/api/v1/me/tasks',
    request: () => ({ url: '/api/v1/me/tasks' }),
    expected: advisers(200),
  },
  // The client's rights.
  {
    method: 'GET',
    route: `${base}/access-report`,
    request: ({ subject }) => ({ url: `/api/v1/clients/${subject.clientId}/access-report` }),
    expected: advisers(200),
    read: true,
  },
  {
    method: 'GET',
    route: `${base}/export`,
    request: ({ subject }) => ({ url: `/api/v1/clients/${subject.clientId}/export` }),
    expected: advisers(200),
    read: true,
  },
  {
    method: 'POST',
    route: `${base}/erasure`,
    request: async ({ fresh }) => {
      const subject = await fresh();
      return {
        url: `/api/v1/clients/${subject.clientId}/erasure`,
        body: { reason: 'no_longer_needed' },
      };
    },
    // The registering organisation only; a consent still in force blocks it.
    expected: (role, agency, state) =>
      role !== 'adviser' || agency !== 'recorder' ? 403 : inForce(state) ? 409 : 200,
  },
];

/** Routes the matrix must cover: everything about clients and their record under /api/v1. */
export const CLIENT_ROUTE =
  /^\/api\/v1\/(clients|consents|concerns|follow-ups)(\/|$)|^\/api\/v1\/me\/tasks$/;
