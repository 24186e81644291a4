import { Controller, Get, Post } from '@nestjs/common';
import { concretePath, registeredRoutes, RegisteredRoute } from '../helpers/routes';
import { createTestApp, TestApp } from '../helpers/test-app';

// A route someone forgot to declare: the guard must refuse it for everybody.
@Controller('undeclared')
class UndeclaredController {
  @Get()
  read(): string {
    return 'secret';
  }

  @Post()
  write(): string {
    return 'written';
  }
}

describe('access control', () => {
  let t: TestApp;
  let routes: RegisteredRoute[];

  beforeAll(async () => {
    t = await createTestApp({}, { controllers: [UndeclaredController] });
    routes = registeredRoutes(t.app).filter((r) => !r.handler.startsWith('UndeclaredController'));
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds the registered routes', () => {
    expect(routes.length).toBeGreaterThan(5);
  });

  it('every registered route declares who may call it', () => {
    const undeclared = routes
      .filter((r) => !r.rule)
      .map((r) => `${r.method} ${r.path} (${r.handler})`);
    expect(undeclared).toEqual([]);
  });

  it('refuses a route without a declaration, even before authentication', async () => {
    await t.http.get('/undeclared').expect(403);
    await t.http.post('/undeclared').expect(403);
  });

  it('answers every non-public route to an anonymous caller with 401 or a sign-in redirect', async () => {
    const problems: string[] = [];
    for (const route of routes.filter((r) => r.rule?.kind !== 'public')) {
      const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      const res = await t.http[method](concretePath(route.path));
      const api = route.path.startsWith('/api/');
      // Unsafe requests without a cookie meet the CSRF check first (403); that is a refusal too.
      const refused = api
        ? [401, 403].includes(res.status)
        : (res.status === 303 && String(res.headers.location).startsWith('/sign-in')) ||
          res.status === 403;
      if (!refused) problems.push(`${route.method} ${route.path} answered ${res.status}`);
    }
    expect(problems).toEqual([]);
  });

  it('writes an audit row when a signed-out visitor is refused for a missing CSRF token', async () => {
    const count = async (): Promise<number> =>
      Number(
        (
          await t.dataSource.query(
            `SELECT count(*) AS n FROM audit_log WHERE action = 'access.csrf_rejected' AND outcome = 'denied'`,
          )
        )[0].n,
      );
    const before = await count();
    await t.http
      .post('/sign-in')
      .type('form')
      .send({ email: 'a@b.test', password: 'x' })
      .expect(403);
    expect(await count()).toBe(before + 1);
  });
});
