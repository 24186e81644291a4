import {
  AccessTokenService,
  permissionsOf,
  type Organisation,
  type Site,
  type StaffUser,
} from '@ohjaamo/identity';
import { randomUUID } from 'node:crypto';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';

describe('visits API', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let youth: Organisation;
  let kela: Organisation;
  let site: Site;
  let otherSite: Site;
  let desk: StaffUser;
  let colleague: StaffUser;
  let adviser: StaffUser;
  let deskToken: string;
  let colleagueToken: string;
  let adviserToken: string;

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const tokenFor = async (user: StaffUser, scopes?: string[]): Promise<string> => {
    const created = await t.app.get(AccessTokenService).create(user, {
      name: `test ${randomUUID()}`,
      scopes: scopes ?? [...permissionsOf(user.roles)],
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    return created.token;
  };
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number((await t.dataSource.query(sql, params))[0].n);
  const visitCount = () => count(`SELECT count(*) AS n FROM visits`);
  const log = (token: string, body: Record<string, unknown>, key?: string) => {
    const req = t.http.post('/api/v1/visits').set(bearer(token));
    if (key) req.set('Idempotency-Key', key);
    return req.send({ siteId: site.id, ...body });
  };
  // A client row made directly: the visit API needs only that it exists.
  const insertClient = async (firstName: string, lastName: string): Promise<string> => {
    const columns: { column_name: string }[] = await t.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'clients'`,
    );
    const names = new Set(columns.map((c) => c.column_name));
    const values: Record<string, unknown> = {
      first_name: firstName,
      last_name: lastName,
      created_by_organisation_id: youth.id,
      version: 1,
    };
    if (names.has('first_name_key')) values.first_name_key = firstName.toLowerCase();
    if (names.has('last_name_key')) values.last_name_key = lastName.toLowerCase();
    const keys = Object.keys(values);
    const [row] = await t.dataSource.query(
      `INSERT INTO clients (${keys.map((k) => `"${k}"`).join(', ')})
       VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(values),
    );
    return row.id as string;
  };

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    fixtures = new Fixtures(t.app);
    youth = await fixtures.organisation('youth_services', 'Nuorisopalvelut');
    kela = await fixtures.organisation('kela', 'Kela');
    site = await fixtures.site('Ohjaamo Helsinki');
    otherSite = await fixtures.site('Ohjaamo Porvoo');
    desk = await fixtures.user({ roles: ['front_desk'], organisation: youth, sites: [site] });
    colleague = await fixtures.user({ roles: ['front_desk'], organisation: youth, sites: [site] });
    adviser = await fixtures.user({
      roles: ['adviser'],
      organisation: kela,
      sites: [site, otherSite],
    });
    [deskToken, colleagueToken, adviserToken] = await Promise.all([
      tokenFor(desk),
      tokenFor(colleague),
      tokenFor(adviser),
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs a visit with every field and audits it', async () => {
    const startedAt = new Date(Date.now() - 30 * 60_000).toISOString();
    const res = await log(deskToken, {
      startedAt,
      channel: 'walk_in',
      age: 19,
      gender: 'not_told',
      language: 'so',
      municipality: 'Vantaa',
      firstVisit: true,
      topics: ['work', 'housing'],
      agencyIds: [youth.id, kela.id],
      professionalIds: [adviser.id],
      servicesGiven: ['CV help', 'Kela application'],
      referralOrganisationId: kela.id,
      referralNote: 'Housing allowance',
      durationMinutes: 25,
      note: 'Came with a friend',
    }).expect(201);
    expect(res.body).toMatchObject({
      siteId: site.id,
      startedAt,
      channel: 'walk_in',
      clientLinked: false,
      client: null,
      age: 19,
      ageBand: '18_24',
      gender: 'not_told',
      language: 'so',
      municipality: 'Vantaa',
      firstVisit: true,
      topics: ['work', 'housing'],
      agencyIds: [youth.id, kela.id],
      professionalIds: [adviser.id],
      servicesGiven: ['CV help', 'Kela application'],
      referralOrganisationId: kela.id,
      referralNote: 'Housing allowance',
      durationMinutes: 25,
      note: 'Came with a friend',
      loggedByUserId: desk.id,
      loggedByOrganisationId: youth.id,
      editable: true,
      version: 1,
    });
    const audit = await t.dataSource.query(
      `SELECT action, actor_user_id, subject_type, client_id, details FROM audit_log WHERE subject_id = $1`,
      [res.body.id],
    );
    expect(audit).toEqual([
      {
        action: 'visit.created',
        actor_user_id: desk.id,
        subject_type: 'visit',
        client_id: null,
        details: { siteId: site.id, channel: 'walk_in' },
      },
    ]);
  });

  it('logs a walk-in with defaults: now, walk-in', async () => {
    const before = Date.now();
    const res = await log(deskToken, { topics: ['education'] }).expect(201);
    expect(res.body.channel).toBe('walk_in');
    expect(new Date(res.body.startedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(res.body).toMatchObject({ age: null, ageBand: null, firstVisit: false, agencyIds: [] });
  });

  it('creates one visit for a double submit with the same key and answers the second with 200', async () => {
    const key = randomUUID();
    const before = await visitCount();
    const first = await log(deskToken, { topics: ['work'] }, key).expect(201);
    const second = await log(deskToken, { topics: ['work'] }, key).expect(200);
    expect(second.body.id).toBe(first.body.id);
    // The same key in the body is the same submission.
    const third = await log(deskToken, { topics: ['work'], idempotencyKey: key }).expect(200);
    expect(third.body.id).toBe(first.body.id);
    expect(await visitCount()).toBe(before + 1);
    expect(
      await count(`SELECT count(*) AS n FROM audit_log WHERE subject_id = $1`, [first.body.id]),
    ).toBe(1);
  });

  it('creates one visit when two submits with the same key race', async () => {
    const key = randomUUID();
    const before = await visitCount();
    const [a, b] = await Promise.all([log(deskToken, {}, key), log(deskToken, {}, key)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect(await visitCount()).toBe(before + 1);
  });

  it('keeps idempotency keys per user', async () => {
    const key = randomUUID();
    const mine = await log(deskToken, {}, key).expect(201);
    const theirs = await log(colleagueToken, {}, key).expect(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('refuses differing keys in the header and the body', async () => {
    const res = await log(deskToken, { idempotencyKey: randomUUID() }, randomUUID()).expect(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'idempotencyKey', code: 'idempotencyKeyMismatch' }),
    ]);
  });

  describe('refuses bad input field by field and saves nothing', () => {
    const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
    const cases: [string, () => Record<string, unknown>, string, string][] = [
      [
        'a start time ten minutes ahead',
        () => ({ startedAt: minutes(10) }),
        'startedAt',
        'startedAtInFuture',
      ],
      [
        'a start time three weeks back',
        () => ({ startedAt: minutes(-21 * 24 * 60) }),
        'startedAt',
        'startedAtTooOld',
      ],
      ['an age of 9', () => ({ age: 9 }), 'age', 'ageOutOfRange'],
      ['an age of 41', () => ({ age: 41 }), 'age', 'ageOutOfRange'],
      ['an unknown topic', () => ({ topics: ['work', 'astrology'] }), 'topics.1', 'topicUnknown'],
      [
        'a negative duration',
        () => ({ durationMinutes: -1 }),
        'durationMinutes',
        'durationOutOfRange',
      ],
      [
        'a duration over 12 hours',
        () => ({ durationMinutes: 721 }),
        'durationMinutes',
        'durationOutOfRange',
      ],
      ['a note over 500 characters', () => ({ note: 'x'.repeat(501) }), 'note', 'maxLength'],
      [
        'a site the user does not work at',
        () => ({ siteId: otherSite.id }),
        'siteId',
        'siteNotYours',
      ],
      ['an unknown channel', () => ({ channel: 'email' }), 'channel', 'isIn'],
      ['an unknown client', () => ({ clientId: randomUUID() }), 'clientId', 'clientNotFound'],
      [
        'an unknown agency',
        () => ({ agencyIds: [randomUUID()] }),
        'agencyIds.0',
        'organisationNotFound',
      ],
      [
        'an unknown professional',
        () => ({ professionalIds: [randomUUID()] }),
        'professionalIds.0',
        'staffUserNotFound',
      ],
      [
        'a malformed idempotency key',
        () => ({ idempotencyKey: 'twice' }),
        'idempotencyKey',
        'isUUID',
      ],
      [
        'an age band that contradicts the age',
        () => ({ age: 16, ageBand: '25_29' }),
        'ageBand',
        'ageBandMismatch',
      ],
      ['a three-letter language', () => ({ language: 'fin' }), 'language', 'languageInvalid'],
    ];
    it.each(cases)('%s', async (_name, body, field, code) => {
      const before = await visitCount();
      const audits = await count(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'visit.created'`,
      );
      const res = await log(deskToken, body()).expect(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field, code })]);
      expect(res.body.errors[0].message).not.toBe('');
      expect(await visitCount()).toBe(before);
      expect(
        await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'visit.created'`),
      ).toBe(audits);
    });

    it('names every bad field of one request, in the user language', async () => {
      const res = await log(deskToken, { age: 50, durationMinutes: 800, note: 'y'.repeat(600) })
        .set('Accept-Language', 'fi')
        .expect(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'age',
        'durationMinutes',
        'note',
      ]);
      expect(res.body.errors[0].message).toBe('The age must be 10–40 years.');
    });
  });

  describe('permissions', () => {
    it('refuses a coordinator and an administrator without a desk role', async () => {
      const coordinator = await fixtures.user({
        roles: ['coordinator'],
        organisation: youth,
        sites: [site],
      });
      const admin = await fixtures.user({ roles: ['admin'], organisation: youth, sites: [site] });
      for (const user of [coordinator, admin]) {
        const token = await tokenFor(user);
        await log(token, {}).expect(403);
        await t.http.get('/api/v1/visits').set(bearer(token)).expect(403);
        await t.http.get(`/api/v1/sites/${site.id}/desk`).set(bearer(token)).expect(403);
      }
      const rows = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.denied' AND actor_user_id = $1`,
        [coordinator.id],
      );
      expect(rows[0].n).toBe(3);
    });

    it('lets an administrator who also works at the desk log visits', async () => {
      const both = await fixtures.user({
        roles: ['admin', 'front_desk'],
        organisation: youth,
        sites: [site],
      });
      await log(await tokenFor(both), {}).expect(201);
    });

    it('answers an anonymous caller with 401', async () => {
      await t.http.get('/api/v1/visits').expect(401);
      await t.http.get('/api/v1/visit-topics').expect(401);
    });

    it('hides visits and lists of sites the user does not work at', async () => {
      const porvoo = await fixtures.user({
        roles: ['front_desk'],
        organisation: youth,
        sites: [otherSite],
      });
      const theirs = await t.http
        .post('/api/v1/visits')
        .set(bearer(await tokenFor(porvoo)))
        .send({ siteId: otherSite.id })
        .expect(201);
      await t.http.get(`/api/v1/visits/${theirs.body.id}`).set(bearer(deskToken)).expect(404);
      await t.http.get(`/api/v1/visits?siteId=${otherSite.id}`).set(bearer(deskToken)).expect(404);
      const mine = await t.http.get('/api/v1/visits?limit=200').set(bearer(deskToken)).expect(200);
      expect(mine.body.items.every((v: { siteId: string }) => v.siteId === site.id)).toBe(true);
      await t.http.get(`/api/v1/visits/${theirs.body.id}`).set(bearer(adviserToken)).expect(200);
    });

    it('answers a malformed id with 400', async () => {
      const res = await t.http.get('/api/v1/visits/not-a-uuid').set(bearer(deskToken)).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'id', code: 'isUUID' })]);
    });
  });

  describe('edit and undo', () => {
    it('lets the logger correct a visit the same day, with a version check', async () => {
      const created = await log(deskToken, { topics: ['work'] }).expect(201);
      const updated = await t.http
        .patch(`/api/v1/visits/${created.body.id}`)
        .set(bearer(deskToken))
        .send({ version: 1, topics: ['work', 'education'], durationMinutes: 15, age: 22 })
        .expect(200);
      expect(updated.body).toMatchObject({
        topics: ['work', 'education'],
        durationMinutes: 15,
        age: 22,
        ageBand: '18_24',
        version: 2,
      });
      const stale = await t.http
        .patch(`/api/v1/visits/${created.body.id}`)
        .set(bearer(deskToken))
        .send({ version: 1, durationMinutes: 99 })
        .expect(409);
      expect(stale.body.error).toBe('visit_version_conflict');
      await t.http
        .patch(`/api/v1/visits/${created.body.id}`)
        .set(bearer(deskToken))
        .send({ version: 2 })
        .expect(200);
      await t.http
        .patch(`/api/v1/visits/${created.body.id}`)
        .set(bearer(deskToken))
        .send({ version: 1 })
        .expect(409);
      const [row] = await t.dataSource.query(
        `SELECT duration_minutes, version FROM visits WHERE id = $1`,
        [created.body.id],
      );
      expect(row).toEqual({ duration_minutes: 15, version: 2 });
      const audit = await t.dataSource.query(
        `SELECT details FROM audit_log WHERE action = 'visit.updated' AND subject_id = $1`,
        [created.body.id],
      );
      expect(audit).toEqual([
        { details: { changed: ['age', 'ageBand', 'topics', 'durationMinutes'] } },
      ]);
    });

    it('refuses a bad correction field by field and keeps the visit', async () => {
      const created = await log(deskToken, {}).expect(201);
      const res = await t.http
        .patch(`/api/v1/visits/${created.body.id}`)
        .set(bearer(deskToken))
        .send({ version: 1, durationMinutes: 721 })
        .expect(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'durationMinutes' })]);
      const [row] = await t.dataSource.query(`SELECT version FROM visits WHERE id = $1`, [
        created.body.id,
      ]);
      expect(row.version).toBe(1);
    });

    it('refuses edit and undo by someone else', async () => {
      const created = await log(deskToken, {}).expect(201);
      const edit = await t.http
        .patch(`/api/v1/visits/${created.body.id}`)
        .set(bearer(colleagueToken))
        .send({ version: 1, note: 'mine now' })
        .expect(403);
      expect(edit.body.error).toBe('visit_not_logged_by_you');
      await t.http
        .post(`/api/v1/visits/${created.body.id}/undo`)
        .set(bearer(colleagueToken))
        .expect(403);
      const seen = await t.http
        .get(`/api/v1/visits/${created.body.id}`)
        .set(bearer(colleagueToken))
        .expect(200);
      expect(seen.body.editable).toBe(false);
    });

    it('refuses edit and undo of a visit logged yesterday', async () => {
      const created = await log(deskToken, {}).expect(201);
      await t.dataSource.query(
        `UPDATE visits SET created_at = now() - interval '1 day' WHERE id = $1`,
        [created.body.id],
      );
      const edit = await t.http
        .patch(`/api/v1/visits/${created.body.id}`)
        .set(bearer(deskToken))
        .send({ version: 1, note: 'late fix' })
        .expect(403);
      expect(edit.body.error).toBe('visit_edit_day_over');
      await t.http
        .post(`/api/v1/visits/${created.body.id}/undo`)
        .set(bearer(deskToken))
        .expect(403);
      const seen = await t.http
        .get(`/api/v1/visits/${created.body.id}`)
        .set(bearer(deskToken))
        .expect(200);
      expect(seen.body.editable).toBe(false);
    });

    it('undoes a visit: it leaves every list, and undoing again is harmless', async () => {
      const created = await log(deskToken, { topics: ['other'] }).expect(201);
      await t.http
        .post(`/api/v1/visits/${created.body.id}/undo`)
        .set(bearer(deskToken))
        .expect(204);
      await t.http
        .post(`/api/v1/visits/${created.body.id}/undo`)
        .set(bearer(deskToken))
        .expect(204);
      await t.http.get(`/api/v1/visits/${created.body.id}`).set(bearer(deskToken)).expect(404);
      const list = await t.http.get('/api/v1/visits?limit=200').set(bearer(deskToken)).expect(200);
      expect(list.body.items.map((v: { id: string }) => v.id)).not.toContain(created.body.id);
      await t.http
        .patch(`/api/v1/visits/${created.body.id}`)
        .set(bearer(deskToken))
        .send({ version: 1, note: 'too late' })
        .expect(404);
      expect(
        await count(
          `SELECT count(*) AS n FROM audit_log WHERE action = 'visit.undone' AND subject_id = $1`,
          [created.body.id],
        ),
      ).toBe(1);
    });
  });

  describe('clients', () => {
    it('links an anonymous visit to a client and audits it in the client access report', async () => {
      const clientId = await insertClient('Aino', 'Virtanen');
      const created = await log(deskToken, { age: 17 }).expect(201);
      const linked = await t.http
        .post(`/api/v1/visits/${created.body.id}/link-client`)
        .set(bearer(deskToken))
        .send({ clientId })
        .expect(200);
      expect(linked.body).toMatchObject({
        clientLinked: true,
        client: { id: clientId, firstName: 'Aino', lastName: 'Virtanen' },
        version: 2,
      });
      // Linking the same client again changes nothing; another client is a conflict.
      await t.http
        .post(`/api/v1/visits/${created.body.id}/link-client`)
        .set(bearer(deskToken))
        .send({ clientId })
        .expect(200);
      const other = await insertClient('Eino', 'Laine');
      const conflict = await t.http
        .post(`/api/v1/visits/${created.body.id}/link-client`)
        .set(bearer(deskToken))
        .send({ clientId: other })
        .expect(409);
      expect(conflict.body.error).toBe('visit_already_linked');
      const audit = await t.dataSource.query(
        `SELECT action, client_id, sections FROM audit_log
          WHERE subject_id = $1 AND action IN ('visit.client_linked', 'client.write') ORDER BY id`,
        [created.body.id],
      );
      expect(audit).toEqual([
        { action: 'visit.client_linked', client_id: null, sections: [] },
        { action: 'client.write', client_id: clientId, sections: ['visits'] },
      ]);
    });

    it('refuses to link an unknown client with a field error', async () => {
      const created = await log(deskToken, {}).expect(201);
      const res = await t.http
        .post(`/api/v1/visits/${created.body.id}/link-client`)
        .set(bearer(deskToken))
        .send({ clientId: randomUUID() })
        .expect(422);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'clientId', code: 'clientNotFound' }),
      ]);
    });

    it('logs a visit of a known client with a client-data audit row, and shows its history', async () => {
      const clientId = await insertClient('Matti', 'Korhonen');
      const created = await log(deskToken, { clientId, topics: ['income_benefits'] }).expect(201);
      expect(created.body.client).toEqual({
        id: clientId,
        firstName: 'Matti',
        lastName: 'Korhonen',
      });
      const write = await t.dataSource.query(
        `SELECT client_id, sections, actor_user_id FROM audit_log WHERE action = 'client.write' AND subject_id = $1`,
        [created.body.id],
      );
      expect(write).toEqual([
        { client_id: clientId, sections: ['visits'], actor_user_id: desk.id },
      ]);

      const history = await t.http
        .get(`/api/v1/clients/${clientId}/visits`)
        .set(bearer(adviserToken))
        .expect(200);
      expect(history.body).toMatchObject({
        total: 1,
        items: [{ id: created.body.id, topics: ['income_benefits'] }],
      });
      const reads = await t.dataSource.query(
        `SELECT actor_user_id, sections FROM audit_log WHERE action = 'client.read' AND client_id = $1 AND actor_user_id = $2`,
        [clientId, adviser.id],
      );
      expect(reads).toEqual([{ actor_user_id: adviser.id, sections: ['visits'] }]);
      await t.http
        .get(`/api/v1/clients/${randomUUID()}/visits`)
        .set(bearer(adviserToken))
        .expect(404);
    });

    it('does not identify clients to a caller without clients.search', async () => {
      const clientId = await insertClient('Liisa', 'Mäkinen');
      const created = await log(deskToken, { clientId }).expect(201);
      const narrow = await tokenFor(adviser, ['visits.read', 'visits.log']);
      const seen = await t.http
        .get(`/api/v1/visits/${created.body.id}`)
        .set(bearer(narrow))
        .expect(200);
      expect(seen.body).toMatchObject({ clientLinked: true, client: null });
      expect(JSON.stringify(seen.body)).not.toContain(clientId);
      await t.http.get(`/api/v1/visits?clientId=${clientId}`).set(bearer(narrow)).expect(404);
      await t.http.get(`/api/v1/clients/${clientId}/visits`).set(bearer(narrow)).expect(404);
      const other = await log(deskToken, {}).expect(201);
      await t.http
        .post(`/api/v1/visits/${other.body.id}/link-client`)
        .set(bearer(narrow))
        .send({ clientId })
        .expect(403);
    });
  });

  describe('lists', () => {
    it('filters by site, day, channel, topic and client in SQL and pages with a total', async () => {
      const listSite = await fixtures.site('Ohjaamo Lahti');
      const lister = await fixtures.user({
        roles: ['front_desk'],
        organisation: youth,
        sites: [listSite],
      });
      const token = await tokenFor(lister);
      const clientId = await insertClient('Oona', 'Nieminen');
      const post = (body: Record<string, unknown>) =>
        t.http
          .post('/api/v1/visits')
          .set(bearer(token))
          .send({ siteId: listSite.id, ...body })
          .expect(201);
      const yesterday = new Date(Date.now() - 86_400_000).toISOString();
      await post({ channel: 'phone', topics: ['work'] });
      await post({ channel: 'phone', topics: ['housing'], clientId });
      await post({ channel: 'chat', topics: ['work'] });
      await post({ channel: 'walk_in', topics: ['work'], startedAt: yesterday });
      const query = (q: string) =>
        t.http.get(`/api/v1/visits?siteId=${listSite.id}&${q}`).set(bearer(token)).expect(200);
      const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(
        new Date(),
      );
      const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(
        new Date(yesterday),
      );
      expect((await query(`day=${today}`)).body.total).toBe(3);
      expect((await query(`day=${day}`)).body.total).toBe(1);
      expect((await query('channel=phone')).body.total).toBe(2);
      expect((await query('topic=work')).body.total).toBe(3);
      expect((await query(`clientId=${clientId}`)).body.items).toHaveLength(1);
      const page = await query('limit=2&offset=2');
      expect(page.body).toMatchObject({ total: 4, limit: 2, offset: 2 });
      expect(page.body.items).toHaveLength(2);
      const bad = await t.http.get('/api/v1/visits?day=2026-02-30').set(bearer(token)).expect(422);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'day' })]);
    });
  });

  it('describes every visit and desk route in the OpenAPI document', async () => {
    const doc = await t.http.get('/api/docs-json').expect(200);
    const paths = doc.body.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/api/v1/visits']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/v1/visits/{id}']).sort()).toEqual(['get', 'patch']);
    for (const path of [
      '/api/v1/visits/{id}/undo',
      '/api/v1/visits/{id}/link-client',
      '/api/v1/clients/{clientId}/visits',
      '/api/v1/visit-topics',
      '/api/v1/visit-topics/{code}',
      '/api/v1/sites/{siteId}/desk',
      '/api/v1/sites/{siteId}/desk/events',
      '/api/v1/sites/{siteId}/desk/arrivals',
      '/api/v1/desk/entries/{id}/call',
      '/api/v1/desk/entries/{id}/finish',
      '/api/v1/desk/entries/{id}/left',
    ]) {
      expect(paths[path]).toBeDefined();
    }
    expect(doc.body.components.schemas.VisitDto.required).toContain('clientLinked');
  });

  describe('topics', () => {
    it('lists the default topics in order with labels in three languages', async () => {
      const res = await t.http.get('/api/v1/visit-topics').set(bearer(deskToken)).expect(200);
      expect(res.body.map((topic: { code: string }) => topic.code)).toEqual([
        'work',
        'education',
        'income_benefits',
        'housing',
        'health_wellbeing',
        'life_management',
        'other',
      ]);
      expect(res.body[3]).toMatchObject({
        labelFi: 'Asuminen',
        labelSv: 'Boende',
        labelEn: 'Housing',
        active: true,
      });
    });

    it('lets an administrator add and retire topics, and the desk use only active ones', async () => {
      const admin = await fixtures.user({ roles: ['admin'], organisation: youth, sites: [site] });
      const adminToken = await tokenFor(admin);
      await t.http
        .post('/api/v1/visit-topics')
        .set(bearer(deskToken))
        .send({ code: 'debt', labelFi: 'Velat', labelSv: 'Skulder', labelEn: 'Debt' })
        .expect(403);
      await t.http
        .post('/api/v1/visit-topics')
        .set(bearer(adminToken))
        .send({
          code: 'debt',
          labelFi: 'Velat',
          labelSv: 'Skulder',
          labelEn: 'Debt',
          sortOrder: 35,
        })
        .expect(201);
      const taken = await t.http
        .post('/api/v1/visit-topics')
        .set(bearer(adminToken))
        .send({ code: 'debt', labelFi: 'x', labelSv: 'x', labelEn: 'x' })
        .expect(422);
      expect(taken.body.errors).toEqual([
        expect.objectContaining({ field: 'code', code: 'topicCodeTaken' }),
      ]);
      const withDebt = await log(deskToken, { topics: ['debt'] }).expect(201);
      await t.http
        .patch('/api/v1/visit-topics/debt')
        .set(bearer(adminToken))
        .send({ active: false })
        .expect(200);
      const res = await log(deskToken, { topics: ['debt'] }).expect(422);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'topics.0', code: 'topicUnknown' }),
      ]);
      // A visit that already has a retired topic can still be corrected.
      await t.http
        .patch(`/api/v1/visits/${withDebt.body.id}`)
        .set(bearer(deskToken))
        .send({ version: 1, topics: ['debt', 'work'] })
        .expect(200);
      const active = await t.http.get('/api/v1/visit-topics').set(bearer(deskToken)).expect(200);
      expect(active.body.map((topic: { code: string }) => topic.code)).not.toContain('debt');
      const all = await t.http
        .get('/api/v1/visit-topics?includeInactive=true')
        .set(bearer(adminToken))
        .expect(200);
      expect(all.body.find((topic: { code: string }) => topic.code === 'debt')).toMatchObject({
        active: false,
      });
      const audit = await count(
        `SELECT count(*) AS n FROM audit_log WHERE action IN ('admin.visit_topic_created', 'admin.visit_topic_updated')`,
      );
      expect(audit).toBe(2);
    });
  });
});
