import { registeredRoutes, type RegisteredRoute } from '../helpers/routes';
import { createTestApp, TestApp } from '../helpers/test-app';

// Every consent and record route declares its permission and is documented in OpenAPI.

const EXPECTED_ROUTES = [
  'GET /api/v1/clients/:id/consents consent.manage',
  'POST /api/v1/clients/:id/consents consent.manage',
  'GET /api/v1/consents/:id consent.manage',
  'POST /api/v1/consents/:id/withdraw consent.manage',
  'POST /api/v1/consents/:id/replace consent.manage',
  'POST /api/v1/consents/:id/evidence consent.manage',
  'GET /api/v1/consents/:id/form consent.manage',
  'GET /api/v1/clients/:id/record/entries record.read',
  'POST /api/v1/clients/:id/record/entries record.write',
  'GET /api/v1/clients/:id/record/entries/:entryId record.read',
  'POST /api/v1/clients/:id/record/entries/:entryId/corrections record.write',
  'POST /api/v1/clients/:id/record/entries/:entryId/delete record.write',
  'GET /api/v1/clients/:id/visibility record.read',
];

describe('consent and record: routes', () => {
  let t: TestApp;
  let routes: RegisteredRoute[];

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    routes = registeredRoutes(t.app).filter(
      (r) =>
        r.handler.startsWith('ConsentsApiController.') ||
        r.handler.startsWith('RecordApiController.'),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('declares a permission on every route', () => {
    const declared = routes.map((r) => {
      const rule = r.rule?.kind === 'permission' ? r.rule.permissions.join(',') : r.rule?.kind;
      return `${r.method} ${r.path} ${rule}`;
    });
    expect(declared.sort()).toEqual([...EXPECTED_ROUTES].sort());
  });

  it('documents every route in OpenAPI, with its security', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    const paths = res.body.paths as Record<string, Record<string, { security?: unknown[] }>>;
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      const operation = paths[path]?.[route.method.toLowerCase()];
      expect([path, route.method, operation?.security?.length]).toEqual([
        path,
        route.method,
        expect.any(Number),
      ]);
    }
    expect(Object.keys(res.body.components.schemas)).toEqual(
      expect.arrayContaining(['ConsentScopeDto', 'ConsentDto', 'RecordEntryDto', 'VisibilityDto']),
    );
  });
});
