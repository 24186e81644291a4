import { AccessTokenService, permissionsOf, type StaffUser } from '@ohjaamo/identity';
import { addDays, helsinkiDate } from '@ohjaamo/platform';
import type { TestApp } from '../helpers/test-app';

// Shared set-up of the plans and outcomes e2e tests (not a spec: no tests of its own).

export type Headers = Record<string, string>;

export async function bearer(t: TestApp, user: StaffUser): Promise<Headers> {
  const { token } = await t.app.get(AccessTokenService).create(user, {
    name: 'plans e2e',
    scopes: [...permissionsOf(user.roles)],
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return { Authorization: `Bearer ${token}` };
}

export const today = (): string => helsinkiDate(new Date());
export const day = (offset: number): string => addDays(today(), offset);

export async function clientOf(
  t: TestApp,
  adviser: Headers,
  responsibleWorkerId?: string,
): Promise<string> {
  const res = await t.http
    .post('/api/v1/clients')
    .set(adviser)
    .send({
      firstName: 'Suunnitelma',
      lastName: 'Testinen',
      acknowledgeDuplicates: true,
      ...(responsibleWorkerId ? { responsibleWorkerId } : {}),
    })
    .expect(201);
  return (res.body as { id: string }).id;
}

export function planBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 0,
    type: 'shared_service_plan',
    startDate: day(0),
    reviewDate: day(90),
    goals: ['Haluan päästä opiskelemaan kokiksi'],
    actions: [
      {
        what: 'Hakee yhteishaussa',
        responsible: { kind: 'young_person' },
        dueDate: day(14),
        status: 'open',
      },
    ],
    concern: 'Päivärytmi puuttuu',
    ifAgreementsNotKept: 'Ohjaaja soittaa ja sovitaan uusi aika',
    participants: [],
    ...over,
  };
}

export async function auditCount(t: TestApp, clientId: string, action: string): Promise<number> {
  const [row] = await t.dataSource.query(
    `SELECT count(*)::int AS n FROM audit_log WHERE client_id = $1 AND action = $2`,
    [clientId, action],
  );
  return row.n as number;
}
