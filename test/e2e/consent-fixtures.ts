import { AccessTokenService, permissionsOf, type StaffUser } from '@ohjaamo/identity';
import { helsinkiDate, addDays } from '@ohjaamo/platform';
import type { TestApp } from '../helpers/test-app';

// Shared set-up of the consent and record e2e tests (not a spec: no tests of its own).

export type Headers = Record<string, string>;

export async function bearerFor(t: TestApp, user: StaffUser): Promise<Headers> {
  const { token } = await t.app.get(AccessTokenService).create(user, {
    name: 'record e2e',
    scopes: [...permissionsOf(user.roles)],
    // Long enough for tests that move the clock to the end of today in Helsinki.
    expiresAt: new Date(Date.now() + 3 * 86_400_000),
  });
  return { Authorization: `Bearer ${token}` };
}

export const today = (): string => helsinkiDate(new Date());
export const dayOffset = (days: number): string => addDays(today(), days);

export function consentBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organisationIds: [],
    organisationKinds: [],
    sections: ['benefits'],
    purpose: 'Planning the path to studies together',
    validFrom: dayOffset(-30),
    validUntil: dayOffset(30),
    formVersion: '2026-1',
    formLanguage: 'fi',
    method: 'signed_paper',
    ...over,
  };
}

export async function newClient(t: TestApp, adviser: Headers): Promise<string> {
  const res = await t.http
    .post('/api/v1/clients')
    .set(adviser)
    .send({ firstName: 'Suostumus', lastName: `Testinen`, acknowledgeDuplicates: true })
    .expect(201);
  return (res.body as { id: string }).id;
}

export async function newEntry(
  t: TestApp,
  adviser: Headers,
  clientId: string,
  section = 'benefits',
): Promise<string> {
  const res = await t.http
    .post(`/api/v1/clients/${clientId}/record/entries`)
    .set(adviser)
    .send({ section, title: 'Housing allowance', body: 'Applied in March; decision pending.' })
    .expect(201);
  return (res.body as { id: string }).id;
}
