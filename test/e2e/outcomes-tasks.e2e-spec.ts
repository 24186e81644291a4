import type { StaffUser } from '@ohjaamo/identity';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import { auditCount, bearer, clientOf, day, planBody, type Headers } from './plans-fixtures';

// A worker's task list over the API: open follow-ups, plan actions they are named for,
// plan reviews due and open concerns, only of their own active clients, each client
// audited. And a client's concerns, open ones first.

describe('outcomes: the task list and concern list', () => {
  let t: TestApp;
  let worker: StaffUser;
  let other: StaffUser;
  let workerAuth: Headers;
  let otherAuth: Headers;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    const fixtures = new Fixtures(t.app);
    const site = await fixtures.site();
    const org = await fixtures.organisation();
    worker = await fixtures.user({ roles: ['adviser'], organisation: org, sites: [site] });
    other = await fixtures.user({ roles: ['adviser'], organisation: org, sites: [site] });
    workerAuth = await bearer(t, worker);
    otherAuth = await bearer(t, other);
  });
  afterAll(async () => {
    await t.close();
  });

  it("lists the worker's plan actions, reviews due and concerns, and not another's", async () => {
    const mine = await clientOf(t, workerAuth, worker.id);
    const theirs = await clientOf(t, otherAuth, other.id);
    const actions = [
      {
        what: 'Soittaa oppilaitokseen',
        responsible: { kind: 'staff', staffUserId: worker.id },
        dueDate: day(3),
        status: 'open',
      },
      {
        what: 'Valmis jo',
        responsible: { kind: 'staff', staffUserId: worker.id },
        dueDate: day(1),
        status: 'done',
      },
      { what: 'Nuoren oma', responsible: { kind: 'young_person' }, dueDate: null, status: 'open' },
    ];
    await t.http
      .put(`/api/v1/clients/${mine}/plan`)
      .set(workerAuth)
      .send(planBody({ actions, reviewDate: day(10) }))
      .expect(200);
    await t.http
      .put(`/api/v1/clients/${theirs}/plan`)
      .set(otherAuth)
      .send(planBody({ reviewDate: day(5) }))
      .expect(200);
    await t.http
      .post(`/api/v1/clients/${mine}/concerns`)
      .set(workerAuth)
      .send({ description: 'Huoli' })
      .expect(201);
    await t.http
      .post(`/api/v1/clients/${theirs}/concerns`)
      .set(otherAuth)
      .send({ description: 'Toisen huoli' })
      .expect(201);

    const res = await t.http.get('/api/v1/me/tasks').set(workerAuth).expect(200);
    expect(res.body.planActions).toEqual([
      { clientId: mine, actionIndex: 0, what: 'Soittaa oppilaitokseen', dueDate: day(3) },
    ]);
    expect(res.body.planReviews).toEqual([{ clientId: mine, reviewDate: day(10) }]);
    expect(res.body.concerns).toEqual([
      expect.objectContaining({ clientId: mine, overdue: false }),
    ]);
    expect(await auditCount(t, mine, 'plan.tasks_listed')).toBe(1);
    expect(await auditCount(t, mine, 'concern.tasks_listed')).toBe(1);
    expect(await auditCount(t, theirs, 'plan.tasks_listed')).toBe(0);
  });

  it('leaves out reviews further than 30 days ahead and ended clients', async () => {
    const later = await clientOf(t, workerAuth, worker.id);
    await t.http
      .put(`/api/v1/clients/${later}/plan`)
      .set(workerAuth)
      .send(planBody({ reviewDate: day(45) }))
      .expect(200);
    const ended = await clientOf(t, workerAuth, worker.id);
    await t.http
      .put(`/api/v1/clients/${ended}/plan`)
      .set(workerAuth)
      .send(planBody({ reviewDate: day(2) }))
      .expect(200);
    await t.http
      .post(`/api/v1/clients/${ended}/end`)
      .set(workerAuth)
      .send({ reason: 'goal_reached' })
      .expect(200);
    const res = await t.http.get('/api/v1/me/tasks').set(workerAuth).expect(200);
    const clients = (res.body.planReviews as { clientId: string }[]).map((r) => r.clientId);
    expect(clients).not.toContain(later);
    expect(clients).not.toContain(ended);
  });

  it("lists a client's concerns, open ones first, and audits the read", async () => {
    const clientId = await clientOf(t, workerAuth, worker.id);
    const first = await t.http
      .post(`/api/v1/clients/${clientId}/concerns`)
      .set(workerAuth)
      .send({ description: 'Ensimmäinen' })
      .expect(201);
    await t.http
      .post(`/api/v1/clients/${clientId}/concerns`)
      .set(workerAuth)
      .send({ description: 'Toinen' })
      .expect(201);
    await t.http
      .post(`/api/v1/concerns/${first.body.id}/resolve`)
      .set(workerAuth)
      .send({ resolution: 'Hoidettu' })
      .expect(200);
    const res = await t.http.get(`/api/v1/clients/${clientId}/concerns`).set(otherAuth).expect(200);
    expect((res.body.items as { description: string }[]).map((c) => c.description)).toEqual([
      'Toinen',
      'Ensimmäinen',
    ]);
    expect(await auditCount(t, clientId, 'concern.listed')).toBe(1);
  });
});
