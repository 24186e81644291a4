import type TestAgent from 'supertest/lib/agent';
import type { Organisation, Site, StaffUser } from '@ohjaamo/identity';
import { csrfFrom, sessionCsrf, signedInAgent } from '../helpers/browser-session';
import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { auditCount, bearer, clientOf, day, planBody } from './plans-fixtures';

// The HTML pages of plans, self-assessments, outcomes, concerns and tasks: who reaches
// which page, that every page read leaves its audit rows, and that bad input re-renders
// the form with field errors and saves nothing.

describe('plan and outcome pages', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let site: Site;
  let org: Organisation;
  let adviser: StaffUser;
  let colleague: StaffUser;
  let desk: StaffUser;
  let coordinator: StaffUser;
  let admin: StaffUser;
  let agent: TestAgent;
  let clientId: string;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    fixtures = new Fixtures(t.app);
    site = await fixtures.site('Ohjaamo Sivutesti');
    org = await fixtures.organisation('youth_services', 'Nuorisopalvelut');
    adviser = await fixtures.user({ roles: ['adviser'], organisation: org, sites: [site] });
    colleague = await fixtures.user({ roles: ['adviser'], organisation: org, sites: [site] });
    desk = await fixtures.user({ roles: ['front_desk'], organisation: org, sites: [site] });
    coordinator = await fixtures.user({ roles: ['coordinator'], organisation: org, sites: [site] });
    admin = await fixtures.user({ roles: ['admin'], organisation: org, sites: [site] });
    agent = await signedInAgent(t.app, adviser.email, TEST_PASSWORD);
    clientId = await clientOf(t, await bearer(t, adviser), adviser.id);
  });
  afterAll(async () => {
    await t.close();
  });

  const form = async (
    path: string,
    fields: Record<string, string | string[]>,
    status?: number,
  ): Promise<{ status: number; text: string }> => {
    const csrf = await sessionCsrf(agent);
    const res = await agent
      .post(path)
      .type('form')
      .send({ _csrf: csrf, ...fields });
    if (status !== undefined && res.status !== status) {
      throw new Error(
        `POST ${path}: ${res.status}, expected ${status}\n${res.text.slice(0, 3000)}`,
      );
    }
    return res;
  };

  describe('who reaches which page', () => {
    const clientPages = (id: string) => [
      `/clients/${id}/plan`,
      `/clients/${id}/plan/versions`,
      `/clients/${id}/self-assessments`,
      `/clients/${id}/outcomes`,
    ];

    it('shows an adviser every client page and their task list', async () => {
      for (const path of clientPages(clientId)) await agent.get(path).expect(200);
      await agent.get('/tasks').expect(200);
      await agent.get('/tasks/overdue-concerns').expect(403);
    });

    it('refuses the front desk, coordinators and administrators the client pages', async () => {
      for (const user of [desk, coordinator, admin]) {
        const other = await signedInAgent(t.app, user.email, TEST_PASSWORD);
        for (const path of clientPages(clientId)) await other.get(path).expect(403);
        await other.get('/tasks').expect(403);
      }
      const coord = await signedInAgent(t.app, coordinator.email, TEST_PASSWORD);
      await coord.get('/tasks/overdue-concerns').expect(200);
    });

    it('answers an unknown client as not found and a malformed id as a bad request', async () => {
      await agent.get('/clients/6f1c1f7e-9a55-4b8e-8d43-2d6c2f0b1a11/plan').expect(404);
      await agent.get('/clients/6f1c1f7e-9a55-4b8e-8d43-2d6c2f0b1a11/outcomes').expect(404);
      await agent.get('/clients/not-an-id/plan').expect(400);
      await agent.get(`/clients/${clientId}/plan/versions/999`).expect(404);
    });

    it('sends a signed-out visitor to sign in', async () => {
      const res = await t.http.get(`/clients/${clientId}/plan`);
      expect(res.status).toBe(303);
      expect(res.headers.location).toContain('/sign-in');
    });

    it('shows the navigation entries to the roles that use them', async () => {
      expect((await agent.get('/').expect(200)).text).toContain('href="/tasks"');
      const coord = await signedInAgent(t.app, coordinator.email, TEST_PASSWORD);
      const home = (await coord.get('/').expect(200)).text;
      expect(home).toContain('href="/tasks/overdue-concerns"');
      expect(home).not.toContain('href="/tasks"');
    });
  });

  describe('audit of page reads', () => {
    it('audits the registry read and the section read of every client page', async () => {
      const id = await clientOf(t, await bearer(t, adviser));
      const cases: [string, string[]][] = [
        [`/clients/${id}/plan`, ['plan.read']],
        [`/clients/${id}/plan/versions`, ['plan.versions_read']],
        [
          `/clients/${id}/self-assessments`,
          ['self_assessment.listed', 'self_assessment.trend_read'],
        ],
        [`/clients/${id}/outcomes`, ['outcome.listed', 'concern.listed']],
      ];
      for (const [path, actions] of cases) {
        const reads = await auditCount(t, id, 'client.read');
        const before = await Promise.all(actions.map((a) => auditCount(t, id, a)));
        await agent.get(path).expect(200);
        expect(await auditCount(t, id, 'client.read')).toBeGreaterThan(reads);
        const after = await Promise.all(actions.map((a) => auditCount(t, id, a)));
        after.forEach((n, i) => expect(n).toBe(before[i] + 1));
      }
      // The task list audits each client it shows.
      const outcome = await t.http
        .post(`/api/v1/clients/${id}/outcomes`)
        .set(await bearer(t, adviser))
        .send({ category: 'coaching', startDate: day(-10), source: 'young_person' })
        .expect(201);
      await t.dataSource.query(`UPDATE clients SET responsible_worker_id = $1 WHERE id = $2`, [
        adviser.id,
        id,
      ]);
      const listed = await auditCount(t, id, 'follow_up.tasks_listed');
      await agent.get('/tasks').expect(200);
      expect(await auditCount(t, id, 'follow_up.tasks_listed')).toBe(listed + 1);
      const outcomesRead = await auditCount(t, id, 'outcome.listed');
      await agent
        .get(`/clients/${id}/outcomes/follow-ups/${outcome.body.followUps[0].id}`)
        .expect(200);
      expect(await auditCount(t, id, 'outcome.listed')).toBeGreaterThan(outcomesRead);
      const [row] = await t.dataSource.query(
        `SELECT actor_user_id, sections, legal_basis FROM audit_log
          WHERE client_id = $1 AND action = 'plan.read' ORDER BY id DESC LIMIT 1`,
        [id],
      );
      expect(row).toMatchObject({ actor_user_id: adviser.id, sections: ['plan'] });
    });
  });

  describe('the plan form', () => {
    it('makes the plan, keeps typed rows when adding one, and lists the version', async () => {
      const id = await clientOf(t, await bearer(t, adviser));
      const fields = {
        version: '0',
        type: 'welfare_plan',
        startDate: day(0),
        reviewDate: day(60),
        'goals.0': 'Haluan oman asunnon',
        'actions.0.what': 'Hakee asuntoa',
        'actions.0.responsible': 'young_person',
        'actions.0.dueDate': day(10),
        'actions.0.status': 'open',
        concern: '',
        ifAgreementsNotKept: 'Soitetaan',
        participantStaff: colleague.id,
      };
      const added = await form(`/clients/${id}/plan`, { ...fields, op: 'add:actions' });
      expect(added.status).toBe(200);
      expect(added.text).toContain('value="Hakee asuntoa"');
      expect(added.text).toContain('name="actions.1.what"');
      expect(await auditCount(t, id, 'plan.saved')).toBe(0);

      await form(`/clients/${id}/plan`, { ...fields, 'actions.1.what': '' }, 303);
      const page = await agent.get(`/clients/${id}/plan`).expect(200);
      expect(page.text).toContain('Haluan oman asunnon');
      expect(page.text).toContain(colleague.displayName);
      const versions = await agent.get(`/clients/${id}/plan/versions`).expect(200);
      expect(versions.text).toContain(`/clients/${id}/plan/versions/1`);
      const old = await agent.get(`/clients/${id}/plan/versions/1`).expect(200);
      expect(old.text).toContain('Hakee asuntoa');
    });

    it('puts "due before the plan starts" on the action and saves nothing', async () => {
      const id = await clientOf(t, await bearer(t, adviser));
      const res = await form(`/clients/${id}/plan`, {
        version: '0',
        type: 'shared_service_plan',
        startDate: day(5),
        reviewDate: '',
        'goals.0': 'Tavoite',
        'actions.0.what': 'Liian aikaisin',
        'actions.0.responsible': 'young_person',
        'actions.0.dueDate': day(1),
        'actions.0.status': 'open',
        concern: '',
        ifAgreementsNotKept: '',
      });
      expect(res.status).toBe(422);
      expect(res.text).toContain('id="error-actions.0.dueDate"');
      expect(res.text).toContain('value="Liian aikaisin"');
      expect(await t.dataSource.query(`SELECT 1 FROM plans WHERE client_id = $1`, [id])).toEqual(
        [],
      );
    });

    it('refuses a save based on an old version, shows theirs and keeps what was typed', async () => {
      const id = await clientOf(t, await bearer(t, adviser));
      await t.http
        .put(`/api/v1/clients/${id}/plan`)
        .set(await bearer(t, adviser))
        .send(planBody())
        .expect(200);
      await t.http
        .put(`/api/v1/clients/${id}/plan`)
        .set(await bearer(t, colleague))
        .send(planBody({ version: 1, goals: ['Kollegan tavoite'] }))
        .expect(200);
      const res = await form(`/clients/${id}/plan`, {
        version: '1',
        type: 'shared_service_plan',
        startDate: day(0),
        reviewDate: '',
        'goals.0': 'Minun muutokseni',
        concern: '',
        ifAgreementsNotKept: '',
      });
      expect(res.status).toBe(409);
      expect(res.text).toContain('Kollegan tavoite');
      expect(res.text).toContain('Minun muutokseni');
      expect(res.text).toContain('name="version" value="2"');
      const [plan] = await t.dataSource.query(
        `SELECT version, content FROM plans WHERE client_id = $1`,
        [id],
      );
      expect(plan.version).toBe(2);
      expect(plan.content.goals).toEqual(['Kollegan tavoite']);
    });
  });

  describe('self-assessments', () => {
    it('refuses a score outside 1-10 on its area and saves a valid one', async () => {
      const id = await clientOf(t, await bearer(t, adviser));
      const bad = await form(`/clients/${id}/self-assessments`, {
        assessedOn: day(0),
        'scores.money': '11',
        'scores.housing': '4',
      });
      expect(bad.status).toBe(422);
      expect(bad.text).toContain('id="error-scores.money"');
      expect(bad.text).toContain('value="11"');
      expect(
        await t.dataSource.query(`SELECT 1 FROM self_assessments WHERE client_id = $1`, [id]),
      ).toEqual([]);
      await form(
        `/clients/${id}/self-assessments`,
        {
          assessedOn: day(-30),
          'scores.money': '3',
          'scores.housing': '4',
        },
        303,
      );
      await form(
        `/clients/${id}/self-assessments`,
        {
          assessedOn: day(0),
          'scores.money': '6',
          'scores.housing': '4',
        },
        303,
      );
      const page = await agent.get(`/clients/${id}/self-assessments`).expect(200);
      expect(page.text).toContain('<svg class="trend-chart" role="img"');
      expect(page.text).toContain('+3');
    });
  });

  describe('outcomes, follow-ups, concerns and the relationship', () => {
    it('refuses an outcome ending before it starts, then records one with its follow-ups', async () => {
      const id = await clientOf(t, await bearer(t, adviser), adviser.id);
      const bad = await form(`/clients/${id}/outcomes`, {
        category: 'vocational',
        startDate: day(0),
        endDate: day(-1),
        employerOrInstitution: 'Stadin ammattiopisto',
        subsidy: '',
        source: 'young_person',
      });
      expect(bad.status).toBe(422);
      expect(bad.text).toContain('id="error-endDate"');
      expect(bad.text).toContain('value="Stadin ammattiopisto"');
      const unknown = await form(`/clients/${id}/outcomes`, {
        category: 'astronaut',
        startDate: day(0),
        endDate: '',
        employerOrInstitution: '',
        subsidy: '',
        source: 'young_person',
      });
      expect(unknown.status).toBe(422);
      expect(unknown.text).toContain('id="error-category"');
      expect(await t.dataSource.query(`SELECT 1 FROM outcomes WHERE client_id = $1`, [id])).toEqual(
        [],
      );

      await form(
        `/clients/${id}/outcomes`,
        {
          category: 'vocational',
          startDate: day(-100),
          endDate: '',
          employerOrInstitution: 'Stadin ammattiopisto',
          subsidy: '',
          source: 'young_person',
        },
        303,
      );
      const page = await agent.get(`/clients/${id}/outcomes`).expect(200);
      const [first] = await t.dataSource.query(
        `SELECT id FROM follow_ups WHERE client_id = $1 ORDER BY months LIMIT 1`,
        [id],
      );
      expect(page.text).toContain(`/clients/${id}/outcomes/follow-ups/${first.id}`);
      const tasks = await agent.get('/tasks').expect(200);
      expect(tasks.text).toContain(`/clients/${id}/outcomes/follow-ups/${first.id}`);

      const missing = await form(`/clients/${id}/outcomes/follow-ups/${first.id}`, {
        stillHolds: 'no',
        newSituation: '',
      });
      expect(missing.status).toBe(422);
      expect(missing.text).toContain('id="error-newSituation"');
      await form(
        `/clients/${id}/outcomes/follow-ups/${first.id}`,
        {
          stillHolds: 'no',
          newSituation: 'Keskeytti opinnot',
        },
        303,
      );
      const [row] = await t.dataSource.query(
        `SELECT still_holds, new_situation FROM follow_ups WHERE id = $1`,
        [first.id],
      );
      expect(row).toEqual({ still_holds: false, new_situation: 'Keskeytti opinnot' });
    });

    it('flags a concern with a deadline, shows it on the task list, and marks it handled', async () => {
      const id = await clientOf(t, await bearer(t, adviser), adviser.id);
      const empty = await form(`/clients/${id}/concerns`, { description: ' ' });
      expect(empty.status).toBe(422);
      expect(empty.text).toContain('id="error-description"');
      await form(`/clients/${id}/concerns`, { description: 'Ei ole vastannut puhelimeen' }, 303);
      const [concern] = await t.dataSource.query(
        `SELECT id, react_by - raised_at AS reaction FROM concerns WHERE client_id = $1`,
        [id],
      );
      expect(concern.reaction).toMatchObject({ days: 3 });
      const tasks = await agent.get('/tasks').expect(200);
      expect(tasks.text).toContain(`/clients/${id}/outcomes#concerns-title`);
      expect(await auditCount(t, id, 'concern.tasks_listed')).toBeGreaterThan(0);
      await form(
        `/clients/${id}/concerns/${concern.id}/resolve`,
        {
          resolution: 'Tavoitettiin',
        },
        303,
      );
      const [done] = await t.dataSource.query(`SELECT resolution FROM concerns WHERE id = $1`, [
        concern.id,
      ]);
      expect(done.resolution).toBe('Tavoitettiin');
    });

    it('shows the coordinator overdue concerns as counts without any client', async () => {
      const id = await clientOf(t, await bearer(t, adviser));
      await form(`/clients/${id}/concerns`, { description: 'Myöhästynyt huoli' }, 303);
      await t.dataSource.query(
        `UPDATE concerns SET raised_at = now() - interval '5 days', react_by = now() - interval '2 days'
          WHERE client_id = $1`,
        [id],
      );
      const coord = await signedInAgent(t.app, coordinator.email, TEST_PASSWORD);
      const page = await coord.get('/tasks/overdue-concerns').expect(200);
      expect(page.text).toContain('Ohjaamo Sivutesti');
      expect(page.text).not.toContain('Suunnitelma');
      expect(page.text).not.toContain('Myöhästynyt huoli');
      expect(page.text).not.toContain(id);
    });

    it('ends the relationship with a reason and reopens it', async () => {
      const id = await clientOf(t, await bearer(t, adviser));
      const bad = await form(`/clients/${id}/relationship/end`, { reason: '' });
      expect(bad.status).toBe(422);
      expect(bad.text).toContain('id="error-reason"');
      await form(`/clients/${id}/relationship/end`, { reason: 'moved_away' }, 303);
      const ended = await agent.get(`/clients/${id}/outcomes`).expect(200);
      expect(ended.text).toContain('Moved away');
      await form(`/clients/${id}/relationship/reopen`, {}, 303);
      const [row] = await t.dataSource.query(`SELECT status FROM clients WHERE id = $1`, [id]);
      expect(row.status).toBe('active');
    });
  });

  it('keeps forms without the CSRF token out', async () => {
    await agent
      .post(`/clients/${clientId}/concerns`)
      .type('form')
      .send({ description: 'x' })
      .expect(403);
    expect(csrfFrom((await agent.get(`/clients/${clientId}/plan`)).text)).toBeTruthy();
  });
});
