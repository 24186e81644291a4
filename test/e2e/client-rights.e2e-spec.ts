import { createHash } from 'node:crypto';
import type { Organisation, StaffUser } from '@ohjaamo/identity';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import { bearerFor, consentBody, dayOffset, newEntry, type Headers } from './consent-fixtures';
import { planBody } from './plans-fixtures';

// The client's rights: the access report ("who has seen my data"), the export of
// everything, and erasure on request with the retention rules that can refuse it.

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('signature on screen'),
]);

describe('client rights: access report, export, erasure', () => {
  let t: TestApp;
  let youth: Organisation;
  let kela: Organisation;
  let youthAdviser: StaffUser;
  let kelaAdviser: StaffUser;
  const as = {} as Record<'youth' | 'kela' | 'desk' | 'coordinator' | 'admin', Headers>;

  const newClient = async (over: Record<string, unknown> = {}): Promise<string> => {
    const res = await t.http
      .post('/api/v1/clients')
      .set(as.youth)
      .send({
        firstName: 'Saga',
        lastName: 'Lindqvist',
        birthDate: '2004-05-06',
        language: 'sv',
        phone: '040 123 4567',
        acknowledgeDuplicates: true,
        ...over,
      })
      .expect(201);
    return res.body.id as string;
  };
  const auditRows = (clientId: string, action: string) =>
    t.dataSource.query(
      `SELECT outcome, actor_user_id, legal_basis, purpose, sections, details
         FROM audit_log WHERE client_id = $1 AND action = $2 ORDER BY id`,
      [clientId, action],
    );

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    const fixtures = new Fixtures(t.app);
    const site = await fixtures.site();
    youth = await fixtures.organisation('youth_services', 'Ungdomstjänster Vanda');
    kela = await fixtures.organisation('kela', 'FPA Vanda');
    youthAdviser = await fixtures.user({ roles: ['adviser'], organisation: youth, sites: [site] });
    kelaAdviser = await fixtures.user({ roles: ['adviser'], organisation: kela, sites: [site] });
    as.youth = await bearerFor(t, youthAdviser);
    as.kela = await bearerFor(t, kelaAdviser);
    for (const role of ['front_desk', 'coordinator', 'admin'] as const) {
      const user = await fixtures.user({ roles: [role], organisation: youth, sites: [site] });
      as[role === 'front_desk' ? 'desk' : role] = await bearerFor(t, user);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  describe('access report', () => {
    let clientId: string;
    beforeAll(async () => {
      clientId = await newClient();
      await newEntry(t, as.youth, clientId, 'situation');
      await t.http.get(`/api/v1/clients/${clientId}`).set(as.youth).expect(200);
      // Kela reads the registry entry, then is refused the youth services' entries.
      await t.http.get(`/api/v1/clients/${clientId}`).set(as.kela).expect(200);
    });

    it('lists who saw what, in which organisation, on what basis, newest first', async () => {
      const res = await t.http
        .get(`/api/v1/clients/${clientId}/access-report`)
        .set(as.kela)
        .expect(200);
      expect(res.body.language).toBe('sv');
      const items = res.body.items as Record<string, unknown>[];
      // The report lists its own pulling first.
      expect(items[0]).toMatchObject({
        action: 'client.access_report',
        kind: 'printed',
        staffName: kelaAdviser.displayName,
        organisationName: 'FPA Vanda',
        legalBasis: 'statutory',
      });
      expect(items).toContainEqual(
        expect.objectContaining({
          action: 'record.entry_added',
          kind: 'changed',
          staffName: youthAdviser.displayName,
          organisationName: 'Ungdomstjänster Vanda',
          sections: ['situation'],
          legalBasis: 'own_record',
        }),
      );
      expect(items).toContainEqual(
        expect.objectContaining({
          action: 'client.read',
          kind: 'viewed',
          organisationName: 'FPA Vanda',
          legalBasis: 'statutory',
        }),
      );
      const times = items.map((i) => Date.parse(i.occurredAt as string));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      const from = Date.parse(res.body.from as string);
      const to = Date.parse(res.body.to as string);
      expect(Math.round((to - from) / 86_400_000)).toBeGreaterThanOrEqual(730);
    });

    it('leaves out denied attempts: they showed nothing', async () => {
      await t.http.get(`/api/v1/clients/${clientId}/identity-code`).set(as.desk).expect(404);
      const res = await t.http
        .get(`/api/v1/clients/${clientId}/access-report`)
        .set(as.youth)
        .expect(200);
      const actions = (res.body.items as { action: string }[]).map((i) => i.action);
      expect(actions).not.toContain('client.read_identity_code');
    });

    it('audits each pull with the statutory basis', async () => {
      const rows = await auditRows(clientId, 'client.access_report');
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(rows[0]).toMatchObject({
        outcome: 'success',
        actor_user_id: kelaAdviser.id,
        legal_basis: 'statutory',
        sections: ['access_log'],
        details: { format: 'json' },
      });
    });

    it.each([
      ['desk', 403],
      ['coordinator', 403],
      ['admin', 403],
    ] as const)('refuses the %s (%s)', async (who, status) => {
      await t.http.get(`/api/v1/clients/${clientId}/access-report`).set(as[who]).expect(status);
    });

    it('answers 404 for an unknown client and 400 for a malformed id', async () => {
      await t.http
        .get(`/api/v1/clients/00000000-0000-4000-8000-000000000000/access-report`)
        .set(as.youth)
        .expect(404);
      await t.http.get(`/api/v1/clients/nope/access-report`).set(as.youth).expect(400);
    });

    it("prints in the client's language with staff names and organisations", async () => {
      const res = await t.http.get(`/clients/${clientId}/access-report`).set(as.youth).expect(200);
      expect(res.text).toContain('<html lang="sv">');
      expect(res.text).toContain('Vem har sett mina uppgifter');
      expect(res.text).toContain(youthAdviser.displayName);
      expect(res.text).toContain('FPA Vanda');
      expect(res.text).toContain('Organisationens egen anteckning');
      const [row] = await t.dataSource.query(
        `SELECT details FROM audit_log WHERE client_id = $1 AND action = 'client.access_report'
          ORDER BY id DESC LIMIT 1`,
        [clientId],
      );
      expect(row.details).toEqual({ format: 'html' });
    });

    it('prints in Finnish for a client whose language the product does not speak', async () => {
      const other = await newClient({ language: 'so', firstName: 'Hodan' });
      const res = await t.http.get(`/clients/${other}/access-report`).set(as.youth).expect(200);
      expect(res.text).toContain('<html lang="fi">');
      expect(res.text).toContain('Kuka on katsonut tietojani');
    });
  });

  describe('export', () => {
    let clientId: string;
    let consentId: string;
    let ownEntryId: string;
    beforeAll(async () => {
      clientId = await newClient({ identityCode: '060504A123W', firstName: 'Export' });
      ownEntryId = await newEntry(t, as.youth, clientId, 'situation');
      await newEntry(t, as.kela, clientId, 'benefits');
      const consent = await t.http
        .post(`/api/v1/clients/${clientId}/consents`)
        .set(as.youth)
        .send(consentBody({ organisationIds: [kela.id], sections: ['situation'] }))
        .expect(201);
      consentId = consent.body.id;
      await t.http
        .post(`/api/v1/consents/${consentId}/evidence`)
        .set(as.youth)
        .attach('file', PNG, 'signature.png')
        .expect(201);
      await t.http
        .put(`/api/v1/clients/${clientId}/plan`)
        .set(as.youth)
        .send(planBody())
        .expect(200);
      await t.http
        .post(`/api/v1/clients/${clientId}/outcomes`)
        .set(as.youth)
        .send({ category: 'work_trial', startDate: dayOffset(-10), source: 'agency_record' })
        .expect(201);
      await t.http
        .post(`/api/v1/clients/${clientId}/concerns`)
        .set(as.youth)
        .send({ description: 'Ei ole vastannut viesteihin' })
        .expect(201);
      await t.http
        .post(`/api/v1/clients/${clientId}/self-assessments`)
        .set(as.youth)
        .send({ scores: [{ area: 'money', score: 4 }] })
        .expect(201);
    });

    it('gives everything the organisation holds or may see, and names what it may not', async () => {
      const res = await t.http.get(`/api/v1/clients/${clientId}/export`).set(as.youth).expect(200);
      const body = res.body;
      expect(body.client).toMatchObject({
        id: clientId,
        firstName: 'Export',
        identityCode: '060504A123W',
        details: expect.objectContaining({ phone: expect.any(String) }),
      });
      expect(body.recordEntries.map((e: { id: string }) => e.id)).toEqual([ownEntryId]);
      // Kela's benefits entry is not shared with the youth services: named, not included.
      expect(body.withheld).toEqual([
        expect.objectContaining({
          section: 'benefits',
          organisationName: 'FPA Vanda',
          entries: 1,
          reason: 'no_consent',
        }),
      ]);
      expect(JSON.stringify(body)).not.toContain('Applied in March; decision pending.'.repeat(2));
      expect(body.consents).toHaveLength(1);
      expect(body.consents[0]).toMatchObject({
        id: consentId,
        status: 'given',
        history: [expect.objectContaining({ to: 'given' })],
        evidence: [
          expect.objectContaining({
            mimeType: 'image/png',
            sha256: createHash('sha256').update(PNG).digest('hex'),
          }),
        ],
      });
      expect(body.consents[0].evidence[0]).not.toHaveProperty('content');
      expect(body.plan).toMatchObject({ goals: ['Haluan päästä opiskelemaan kokiksi'] });
      expect(body.planVersions).toHaveLength(1);
      expect(body.selfAssessments).toHaveLength(1);
      expect(body.outcomes[0]).toMatchObject({ category: 'work_trial' });
      expect(body.outcomes[0].followUps.length).toBeGreaterThan(0);
      expect(body.concerns[0]).toMatchObject({ description: 'Ei ole vastannut viesteihin' });
      expect(body.accessReport.rows[0]).toMatchObject({ action: 'client.exported' });
    });

    it('audits the export, and each part with its own basis', async () => {
      const [row] = await auditRows(clientId, 'client.exported');
      expect(row).toMatchObject({
        outcome: 'success',
        actor_user_id: youthAdviser.id,
        legal_basis: 'statutory',
        details: { format: 'json', recordEntries: 1, withheld: 1, consents: 1, visits: 0 },
      });
      expect(row.sections).toEqual(expect.arrayContaining(['identity_code', 'consent', 'plan']));
      for (const action of ['client.read_identity_code', 'record.listed', 'consent.read']) {
        const rows = await auditRows(clientId, action);
        expect(rows.length).toBeGreaterThan(0);
        expect(rows[rows.length - 1].legal_basis).not.toBeNull();
      }
    });

    it('prints the same export as a page', async () => {
      const res = await t.http.get(`/clients/${clientId}/export`).set(as.youth).expect(200);
      expect(res.text).toContain('<html lang="sv">');
      expect(res.text).toContain('Dina uppgifter');
      expect(res.text).toContain('060504A123W');
      expect(res.text).toContain(createHash('sha256').update(PNG).digest('hex'));
      expect(res.text).toContain('FPA Vanda');
    });

    it.each(['desk', 'coordinator', 'admin'] as const)('refuses the %s', async (who) => {
      await t.http.get(`/api/v1/clients/${clientId}/export`).set(as[who]).expect(403);
      await t.http.get(`/clients/${clientId}/export`).set(as[who]).expect(403);
    });
  });

  describe('erasure', () => {
    it('refuses while retention rules forbid it, names them, logs the refusal, changes nothing', async () => {
      const clientId = await newClient({ firstName: 'Kept' });
      await t.http
        .post(`/api/v1/clients/${clientId}/consents`)
        .set(as.youth)
        .send(consentBody({ organisationIds: [kela.id] }))
        .expect(201);
      await t.http
        .put(`/api/v1/clients/${clientId}/plan`)
        .set(as.youth)
        .send(planBody())
        .expect(200);
      await newEntry(t, as.youth, clientId, 'health_social');
      await t.http
        .post(`/api/v1/clients/${clientId}/concerns`)
        .set(as.youth)
        .send({ description: 'Huoli' })
        .expect(201);
      const res = await t.http
        .post(`/api/v1/clients/${clientId}/erasure`)
        .set({ ...as.youth, 'Accept-Language': 'en' })
        .send({ reason: 'no_longer_needed', requestReference: 'OHJ/2026/7' })
        .expect(409);
      expect(res.body.error).toBe('erasure_blocked');
      expect(res.body.errors.map((e: { code: string }) => e.code)).toEqual([
        'consent_in_force',
        'plan_period_open',
        'health_social_records',
        'open_concern',
      ]);
      expect(res.body.errors[0].message).toContain('Withdraw it first');
      const [client] = await t.dataSource.query(
        `SELECT first_name, anonymised_at, status FROM clients WHERE id = $1`,
        [clientId],
      );
      expect(client).toEqual({ first_name: 'Kept', anonymised_at: null, status: 'active' });
      expect(await auditRows(clientId, 'client.erasure_refused')).toEqual([
        expect.objectContaining({
          outcome: 'denied',
          actor_user_id: youthAdviser.id,
          purpose: 'erasure_request',
          details: {
            reason: 'no_longer_needed',
            requestReference: 'OHJ/2026/7',
            rules: [
              'consent_in_force',
              'plan_period_open',
              'health_social_records',
              'open_concern',
            ],
          },
        }),
      ]);
      expect(await auditRows(clientId, 'client.anonymised')).toEqual([]);
    });

    it('lets a lapsed consent and a reviewed plan no longer block', async () => {
      const clientId = await newClient({ firstName: 'Lapsed' });
      const consent = await t.http
        .post(`/api/v1/clients/${clientId}/consents`)
        .set(as.youth)
        .send(consentBody({ organisationIds: [kela.id] }))
        .expect(201);
      await t.http
        .post(`/api/v1/consents/${consent.body.id}/withdraw`)
        .set(as.youth)
        .send({})
        .expect(200);
      await t.http
        .put(`/api/v1/clients/${clientId}/plan`)
        .set(as.youth)
        .send(planBody({ startDate: dayOffset(-60), reviewDate: dayOffset(-1) }))
        .expect(200);
      await t.http
        .post(`/api/v1/clients/${clientId}/erasure`)
        .set(as.youth)
        .send({ reason: 'consent_withdrawn' })
        .expect(200);
    });

    it('anonymises with the reason logged, ends the relationship, and only once', async () => {
      const clientId = await newClient({ firstName: 'Gone', identityCode: '060504A124X' });
      await newEntry(t, as.youth, clientId, 'situation');
      const res = await t.http
        .post(`/api/v1/clients/${clientId}/erasure`)
        .set(as.youth)
        .send({ reason: 'no_longer_needed', requestReference: 'OHJ/2026/8' })
        .expect(200);
      expect(res.body).toMatchObject({ clientId, reason: 'no_longer_needed' });
      const [client] = await t.dataSource.query(
        `SELECT first_name, last_name, birth_date, phone, identity_code_hash, status, end_reason,
                anonymised_at FROM clients WHERE id = $1`,
        [clientId],
      );
      expect(client).toMatchObject({
        first_name: '-',
        last_name: '-',
        birth_date: null,
        phone: null,
        identity_code_hash: null,
        status: 'ended',
        end_reason: 'own_wish',
      });
      expect(client.anonymised_at).not.toBeNull();
      expect(await auditRows(clientId, 'client.anonymised')).toEqual([
        expect.objectContaining({
          outcome: 'success',
          actor_user_id: youthAdviser.id,
          legal_basis: 'statutory',
          purpose: 'erasure_request',
          details: { reason: 'no_longer_needed', requestReference: 'OHJ/2026/8' },
        }),
      ]);
      // An anonymised client is nobody any more: a second request finds no one.
      await t.http
        .post(`/api/v1/clients/${clientId}/erasure`)
        .set(as.youth)
        .send({ reason: 'no_longer_needed' })
        .expect(404);
      expect(await auditRows(clientId, 'client.anonymised')).toHaveLength(1);
    });

    it('is for the registering organisation only', async () => {
      const clientId = await newClient({ firstName: 'Theirs' });
      const res = await t.http
        .post(`/api/v1/clients/${clientId}/erasure`)
        .set(as.kela)
        .send({ reason: 'no_longer_needed' })
        .expect(403);
      expect(res.body.error).toBe('erasure_by_registering_organisation');
    });

    it('refuses bad input field by field and changes nothing', async () => {
      const clientId = await newClient({ firstName: 'Careful' });
      const res = await t.http
        .post(`/api/v1/clients/${clientId}/erasure`)
        .set(as.youth)
        .send({ reason: 'because', requestReference: 'matti@example.com' })
        .expect(422);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'reason',
        'requestReference',
      ]);
      const [client] = await t.dataSource.query(`SELECT anonymised_at FROM clients WHERE id = $1`, [
        clientId,
      ]);
      expect(client.anonymised_at).toBeNull();
    });

    it.each(['desk', 'coordinator', 'admin'] as const)('refuses the %s', async (who) => {
      const clientId = await newClient({ firstName: 'Nobody' });
      await t.http
        .post(`/api/v1/clients/${clientId}/erasure`)
        .set(as[who])
        .send({ reason: 'no_longer_needed' })
        .expect(403);
    });
  });
});
