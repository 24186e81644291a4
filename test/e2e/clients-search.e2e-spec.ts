import { AccessTokenService, permissionsOf, type StaffUser } from '@ohjaamo/identity';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';

// The desk's look-up: each criterion, their combinations, what a hit shows (identification
// only) and the audit row (criteria names and a count, never the values).

type Headers = Record<string, string>;

async function bearerFor(t: TestApp, user: StaffUser): Promise<Headers> {
  const { token } = await t.app.get(AccessTokenService).create(user, {
    name: 'clients search e2e',
    scopes: [...permissionsOf(user.roles)],
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return { Authorization: `Bearer ${token}` };
}

const AINO_CODE = '290204A234W';
const SUMMARY_FIELDS = ['birthYear', 'firstName', 'id', 'lastName', 'municipality', 'status'];

describe('clients: desk search', () => {
  let t: TestApp;
  let desk: Headers;
  let deskUser: StaffUser;
  let adviser: Headers;
  const ids: Record<string, string> = {};

  const search = (criteria: Record<string, unknown>, as: Headers = desk) =>
    t.http.post('/api/v1/clients/search').set(as).send(criteria);
  const names = (body: { items: { firstName: string; lastName: string }[] }): string[] =>
    body.items.map((c) => `${c.firstName} ${c.lastName}`);
  const lastSearchAudit = async (): Promise<Record<string, unknown>> => {
    const rows: Record<string, unknown>[] = await t.dataSource.query(
      `SELECT action, outcome, client_id, sections, actor_user_id, details
         FROM audit_log WHERE action = 'client.search' ORDER BY id DESC LIMIT 1`,
    );
    return rows[0];
  };

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    const fixtures = new Fixtures(t.app);
    const organisation = await fixtures.organisation();
    const site = await fixtures.site();
    deskUser = await fixtures.user({ roles: ['front_desk'], organisation, sites: [site] });
    desk = await bearerFor(t, deskUser);
    adviser = await bearerFor(
      t,
      await fixtures.user({ roles: ['adviser'], organisation, sites: [site] }),
    );
    const people: Record<string, Record<string, unknown>> = {
      aino: {
        firstName: 'Aino',
        lastName: 'Virtanen',
        identityCode: AINO_CODE,
        phone: '040 123 4567',
        email: 'aino.virtanen@example.test',
        municipality: 'Lahti',
        streetAddress: 'Vesijärvenkatu 1',
      },
      eino: { firstName: 'Eino', lastName: 'Virtanen', birthDate: '2003-05-05' },
      aada: { firstName: 'Aada', lastName: 'Virtala', birthDate: '2004-02-29' },
      asa: {
        firstName: 'Åsa',
        lastName: 'Mäkinen',
        birthDate: '2002-08-08',
        municipality: 'Turku',
        nonDisclosure: true,
      },
    };
    for (const [key, body] of Object.entries(people)) {
      const res = await t.http.post('/api/v1/clients').set(adviser).send(body).expect(201);
      ids[key] = res.body.id;
    }
    await t.http
      .post(`/api/v1/clients/${ids.eino}/end`)
      .set(adviser)
      .send({ reason: 'goal_reached' })
      .expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds by the beginning of the last name and shows identification only', async () => {
    const res = await search({ name: 'virt' }).expect(200);
    expect(names(res.body)).toEqual(['Aada Virtala', 'Aino Virtanen', 'Eino Virtanen']);
    for (const item of res.body.items) expect(Object.keys(item).sort()).toEqual(SUMMARY_FIELDS);
    expect(res.body.items[1]).toEqual({
      id: ids.aino,
      firstName: 'Aino',
      lastName: 'Virtanen',
      birthYear: 2004,
      municipality: 'Lahti',
      status: 'active',
    });
    expect(res.body.items[2].status).toBe('ended');
    expect(JSON.stringify(res.body)).not.toMatch(/040|example\.test|Vesijärvenkatu|290204/);
  });

  it('gives advisers the same identification-only summaries', async () => {
    const res = await search({ name: 'Virtanen Aino' }, adviser).expect(200);
    expect(Object.keys(res.body.items[0]).sort()).toEqual(SUMMARY_FIELDS);
  });

  it('reads two names in either order, and "last, first"', async () => {
    expect(names((await search({ name: 'Aino Virtanen' }).expect(200)).body)).toEqual([
      'Aino Virtanen',
    ]);
    expect(names((await search({ name: 'virtanen ei' }).expect(200)).body)).toEqual([
      'Eino Virtanen',
    ]);
    expect(names((await search({ name: 'Virtanen, A' }).expect(200)).body)).toEqual([
      'Aino Virtanen',
    ]);
    expect(names((await search({ name: 'MÄKI' }).expect(200)).body)).toEqual(['Åsa Mäkinen']);
  });

  it('takes LIKE wildcards in a name literally', async () => {
    expect((await search({ name: 'Vi%' }).expect(200)).body.items).toEqual([]);
    expect((await search({ name: '__rtanen' }).expect(200)).body.items).toEqual([]);
  });

  it('finds by birth date, alone or with a name', async () => {
    expect(names((await search({ birthDate: '2004-02-29' }).expect(200)).body)).toEqual([
      'Aada Virtala',
      'Aino Virtanen',
    ]);
    expect(
      names((await search({ birthDate: '2004-02-29', name: 'Virtanen' }).expect(200)).body),
    ).toEqual(['Aino Virtanen']);
  });

  it('finds by a full phone number in any form, or by its last digits', async () => {
    for (const phone of ['0401234567', '+358 40 123 4567', '358401234567', '1234567']) {
      expect(names((await search({ phone }).expect(200)).body)).toEqual(['Aino Virtanen']);
    }
    expect((await search({ phone: '7654321' }).expect(200)).body.items).toEqual([]);
  });

  it('finds by identity code through the blind index, in either case', async () => {
    for (const identityCode of [AINO_CODE, AINO_CODE.toLowerCase()]) {
      const res = await search({ identityCode }).expect(200);
      expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([ids.aino]);
    }
    // A valid code nobody has.
    expect((await search({ identityCode: '010101A002S' }).expect(200)).body.items).toEqual([]);
  });

  it('hides where a person with a non-disclosure order lives', async () => {
    const res = await search({ name: 'Mäkinen' }).expect(200);
    expect(res.body.items[0]).toMatchObject({ firstName: 'Åsa', municipality: null });
  });

  it('returns at most 20', async () => {
    for (let i = 0; i < 22; i++) {
      await t.http
        .post('/api/v1/clients')
        .set(adviser)
        .send({ firstName: `Nimi${i}`, lastName: 'Lahtinen', acknowledgeDuplicates: true })
        .expect(201);
    }
    expect((await search({ name: 'Lahtinen' }).expect(200)).body.items).toHaveLength(20);
  });

  it('audits each search with the criteria used and the count, never the values', async () => {
    await search({ name: 'Virtanen Aino', phone: '040 123 4567', identityCode: AINO_CODE }).expect(
      200,
    );
    const row = await lastSearchAudit();
    expect(row).toEqual({
      action: 'client.search',
      outcome: 'success',
      client_id: null,
      sections: ['basic'],
      actor_user_id: deskUser.id,
      details: { criteria: ['name', 'phone', 'identityCode'], results: 1 },
    });
    const stored = JSON.stringify(row.details).toLowerCase();
    for (const value of ['virtanen', 'aino', '1234567', '040', AINO_CODE.toLowerCase(), '290204']) {
      expect(stored).not.toContain(value);
    }
    // No row of the log holds the values searched for (hashes are left out: hex digits).
    // The phone is matched on seven digits: ids are hex, and a short run of digits turns up
    // in a random uuid often enough to make the check fail by chance.
    const leaks = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log
        WHERE concat_ws(' ', action, subject_id, purpose, details::text) ILIKE ANY ($1)`,
      [['%Virtanen%', '%1234567%', `%${AINO_CODE}%`]],
    );
    expect(leaks[0].n).toBe(0);
  });

  it('writes no audit row per hit', async () => {
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`);
    await search({ name: 'virt' }).expect(200);
    const after = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`);
    expect(after[0].n - before[0].n).toBe(1);
    expect((await lastSearchAudit()).details).toEqual({ criteria: ['name'], results: 3 });
  });

  it('refuses a search without criteria or with criteria it cannot use', async () => {
    const none = await search({}).expect(422);
    expect(none.body.errors).toEqual([
      expect.objectContaining({ field: 'criteria', code: 'criteriaMissing' }),
    ]);
    const bad = await search({ identityCode: '290204A234X', phone: '12', name: 'V' }).expect(422);
    expect(
      bad.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`),
    ).toEqual([
      'name:nameSearchLength',
      'phone:phoneSearchInvalid',
      'identityCode:identityCodeCheckCharacter',
    ]);
  });

  it('serves name prefixes and phone tails from indexes', async () => {
    const plans = await t.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL enable_seqscan = off`);
      const name = await manager.query(
        `EXPLAIN SELECT id FROM clients c
          WHERE lower(c.last_name) LIKE lower($1) AND lower(c.first_name) LIKE lower($2)`,
        ['Virt%', 'ai%'],
      );
      const phone = await manager.query(
        `EXPLAIN SELECT id FROM clients c WHERE reverse(c.phone_digits) LIKE $1`,
        ['7654321%'],
      );
      return [name, phone].map((rows: { 'QUERY PLAN': string }[]) =>
        rows.map((r) => r['QUERY PLAN']).join('\n'),
      );
    });
    expect(plans[0]).toContain('IDX_clients_last_name');
    expect(plans[1]).toContain('IDX_clients_phone_digits_reversed');
  });
});
