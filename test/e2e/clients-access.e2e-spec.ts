import { AccessTokenService, permissionsOf, type Role, type StaffUser } from '@ohjaamo/identity';
import { Fixtures } from '../helpers/fixtures';
import { concretePath, registeredRoutes, type RegisteredRoute } from '../helpers/routes';
import { createTestApp, TestApp } from '../helpers/test-app';

// Who may call the clients API at all. Coordinators see aggregated figures only and
// admins administer: neither reaches an individual client record.

type Headers = Record<string, string>;

async function bearerFor(t: TestApp, user: StaffUser): Promise<Headers> {
  const { token } = await t.app.get(AccessTokenService).create(user, {
    name: 'clients access e2e',
    scopes: [...permissionsOf(user.roles)],
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return { Authorization: `Bearer ${token}` };
}

const EXPECTED_ROUTES = [
  'POST /api/v1/clients clients.create',
  'POST /api/v1/clients/search clients.search',
  'GET /api/v1/clients/:id clients.read',
  'PATCH /api/v1/clients/:id clients.update',
  'POST /api/v1/clients/:id/end clients.relationship',
  'POST /api/v1/clients/:id/reopen clients.relationship',
  'GET /api/v1/clients/:id/identity-code clients.read',
];

describe('clients: access', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let routes: RegisteredRoute[];
  let clientId: string;
  const as: Partial<Record<Role, Headers>> = {};

  const call = (route: RegisteredRoute, headers: Headers) => {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'patch';
    const path = route.path.replace(':id', clientId);
    return t.http[method](path).set(headers).send(bodyFor(route));
  };

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    fixtures = new Fixtures(t.app);
    const organisation = await fixtures.organisation();
    const site = await fixtures.site();
    for (const role of ['coordinator', 'admin', 'adviser', 'front_desk'] as Role[]) {
      as[role] = await bearerFor(
        t,
        await fixtures.user({ roles: [role], organisation, sites: [site] }),
      );
    }
    routes = registeredRoutes(t.app).filter((r) => r.handler.startsWith('ClientsApiController.'));
    const created = await t.http
      .post('/api/v1/clients')
      .set(as.adviser!)
      .send({ firstName: 'Pääsy', lastName: 'Testinen' })
      .expect(201);
    clientId = created.body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('declares a permission on every clients route', () => {
    const declared = routes.map((r) => {
      const rule = r.rule?.kind === 'permission' ? r.rule.permissions.join(',') : r.rule?.kind;
      return `${r.method} ${r.path} ${rule}`;
    });
    expect(declared.sort()).toEqual([...EXPECTED_ROUTES].sort());
  });

  it('documents every clients route in OpenAPI, with its security', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    const paths = res.body.paths as Record<string, Record<string, { security?: unknown[] }>>;
    for (const route of routes) {
      const path = route.path.replace(':id', '{id}');
      const operation = paths[path]?.[route.method.toLowerCase()];
      expect([path, route.method, operation?.security?.length]).toEqual([
        path,
        route.method,
        expect.any(Number),
      ]);
    }
    expect(Object.keys(res.body.components.schemas)).toEqual(
      expect.arrayContaining(['CreateClientDto', 'ClientDto', 'PossibleDuplicatesDto']),
    );
  });

  it('refuses a coordinator on every clients route with 403', async () => {
    const answers = await Promise.all(
      routes.map(async (r) => `${r.method} ${r.path} ${(await call(r, as.coordinator!)).status}`),
    );
    expect(answers.sort()).toEqual(routes.map((r) => `${r.method} ${r.path} 403`).sort());
  });

  it('refuses an admin on every clients route with 403', async () => {
    for (const route of routes) {
      expect(`${route.method} ${route.path} ${(await call(route, as.admin!)).status}`).toBe(
        `${route.method} ${route.path} 403`,
      );
    }
  });

  it('refuses an anonymous caller on every clients route', async () => {
    for (const route of routes) {
      const method = route.method.toLowerCase() as 'get' | 'post' | 'patch';
      const res = await t.http[method](concretePath(route.path)).send(bodyFor(route));
      // Unsafe requests without a cookie meet the CSRF check first (403): a refusal too.
      const expected = route.method === 'GET' ? [401] : [401, 403];
      expect([route.path, expected.includes(res.status)]).toEqual([route.path, true]);
    }
  });

  it('writes no client audit row for a refused caller', async () => {
    const rows = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE client_id = $1 AND action <> 'client.created'`,
      [clientId],
    );
    expect(rows[0].n).toBe(0);
  });

  it('lets the front desk search, create, read and update but not end a relationship', async () => {
    const desk = as.front_desk!;
    await t.http.post('/api/v1/clients/search').set(desk).send({ name: 'Test' }).expect(200);
    await t.http.get(`/api/v1/clients/${clientId}`).set(desk).expect(200);
    await t.http
      .post(`/api/v1/clients/${clientId}/end`)
      .set(desk)
      .send({ reason: 'other' })
      .expect(403);
    await t.http.get(`/api/v1/clients/${clientId}/identity-code`).set(desk).expect(404);
  });
});

function bodyFor(route: RegisteredRoute): Record<string, unknown> {
  if (route.path.endsWith('/search')) return { name: 'Testinen' };
  if (route.path.endsWith('/end')) return { reason: 'other' };
  if (route.method === 'PATCH') return { version: 1, municipality: 'Lahti' };
  if (route.method === 'POST' && route.path === '/api/v1/clients') {
    return { firstName: 'Kielletty', lastName: 'Luoja' };
  }
  return {};
}
