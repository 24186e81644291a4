import type { Organisation, Role, StaffUser } from '@ohjaamo/identity';
import request from 'supertest';
import { csrfFrom, signedInAgent } from '../helpers/browser-session';
import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import { bearerFor, consentBody, dayOffset, newEntry, type Headers } from './consent-fixtures';

// The client pages (client page, consent wizard, consent card) over HTTP: status per role
// and agency as the access policy says, field errors that store nothing, and the effect
// of a withdrawal on the next page.

type Who = 'desk' | 'recorder' | 'kela' | 'other' | 'coordinator' | 'admin';

describe('client pages', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  const as = {} as Record<Who, Headers>;
  const users = {} as Record<Who, StaffUser>;
  const orgs = {} as Record<'recorder' | 'kela' | 'other', Organisation>;
  let clientId: string;
  let otherClientId: string;
  let consentId: string;
  let otherConsentId: string;

  const consentsOf = (id: string): Promise<{ id: string; status: string; method: string }[]> =>
    t.dataSource.query(`SELECT id, status, method FROM consents WHERE client_id = $1`, [id]);
  const flashOf = (res: request.Response): string => {
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    return decodeURIComponent(cookies.find((c) => c.startsWith('ohjaamo_flash=')) ?? '');
  };

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    fixtures = new Fixtures(t.app);
    const site = await fixtures.site();
    orgs.recorder = await fixtures.organisation('youth_services', 'Nuorisopalvelut Testilä');
    orgs.kela = await fixtures.organisation('kela', 'Kela Testilä');
    orgs.other = await fixtures.organisation('education', 'Opinto-ohjaus Testilä');
    const roles: Record<Who, [Role, Organisation]> = {
      desk: ['front_desk', orgs.recorder],
      recorder: ['adviser', orgs.recorder],
      kela: ['adviser', orgs.kela],
      other: ['adviser', orgs.other],
      coordinator: ['coordinator', orgs.recorder],
      admin: ['admin', orgs.recorder],
    };
    for (const [who, [role, organisation]] of Object.entries(roles) as [
      Who,
      [Role, Organisation],
    ][]) {
      users[who] = await fixtures.user({ roles: [role], organisation, sites: [site] });
      as[who] = await bearerFor(t, users[who]);
    }
    const created = await t.http
      .post('/api/v1/clients')
      .set(as.recorder)
      .send({ firstName: 'Sivu', lastName: 'Testinen', acknowledgeDuplicates: true })
      .expect(201);
    clientId = (created.body as { id: string }).id;
    await newEntry(t, as.recorder, clientId, 'benefits');
    await t.http
      .post(`/api/v1/clients/${clientId}/record/entries`)
      .set(as.recorder)
      .send({ section: 'health_social', title: 'Terveysmerkintä', body: 'Luottamuksellinen.' })
      .expect(201);
    const consent = await t.http
      .post(`/api/v1/clients/${clientId}/consents`)
      .set(as.recorder)
      .send(consentBody({ organisationIds: [orgs.kela.id], sections: ['benefits'] }))
      .expect(201);
    consentId = (consent.body as { id: string }).id;
    const other = await t.http
      .post('/api/v1/clients')
      .set(as.recorder)
      .send({ firstName: 'Toinen', lastName: 'Asiakas', acknowledgeDuplicates: true })
      .expect(201);
    otherClientId = (other.body as { id: string }).id;
    const otherConsent = await t.http
      .post(`/api/v1/clients/${otherClientId}/consents`)
      .set(as.recorder)
      .send(consentBody({ organisationKinds: ['employment_services'] }))
      .expect(201);
    otherConsentId = (otherConsent.body as { id: string }).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('status per role and agency', () => {
    const table: [string, (ids: { c: string; k: string }) => string, Record<Who, number>][] = [
      [
        'client page',
        ({ c }) => `/clients/${c}`,
        { desk: 200, recorder: 200, kela: 200, other: 200, coordinator: 403, admin: 403 },
      ],
      [
        'consent card',
        ({ c }) => `/clients/${c}/consents`,
        { desk: 403, recorder: 200, kela: 200, other: 200, coordinator: 403, admin: 403 },
      ],
      [
        'consent wizard',
        ({ c }) => `/clients/${c}/consents/new`,
        { desk: 403, recorder: 200, kela: 200, other: 200, coordinator: 403, admin: 403 },
      ],
      [
        'printable form',
        ({ c, k }) => `/clients/${c}/consents/${k}/form`,
        { desk: 403, recorder: 200, kela: 200, other: 200, coordinator: 403, admin: 403 },
      ],
      [
        'withdrawal confirmation',
        ({ c, k }) => `/clients/${c}/consents/${k}/withdraw`,
        { desk: 403, recorder: 200, kela: 200, other: 200, coordinator: 403, admin: 403 },
      ],
    ];
    const cases = table.flatMap(([name, path, expected]) =>
      (Object.keys(expected) as Who[]).map((who) => ({ name, path, who, status: expected[who] })),
    );

    it.each(cases)('$name as $who answers $status', async ({ path, who, status }) => {
      await t.http
        .get(path({ c: clientId, k: consentId }))
        .set(as[who])
        .expect(status);
    });

    it('answers 404 for an unknown client and for another client’s consent', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      await t.http.get(`/clients/${unknown}`).set(as.recorder).expect(404);
      await t.http.get(`/clients/${unknown}/consents`).set(as.recorder).expect(404);
      await t.http
        .get(`/clients/${clientId}/consents/${otherConsentId}/form`)
        .set(as.recorder)
        .expect(404);
      await t.http
        .get(`/clients/${clientId}/consents/${otherConsentId}/withdraw`)
        .set(as.recorder)
        .expect(404);
    });

    it('sends a GET of a form step (language switch, reload) back to its start', async () => {
      const scope = await t.http.get(`/clients/${clientId}/consents/scope`).set(as.recorder);
      expect(scope.status).toBe(303);
      expect(scope.headers.location).toBe(`/clients/${clientId}/consents/new`);
      const entry = await t.http.get(`/clients/${clientId}/record`).set(as.recorder);
      expect(entry.headers.location).toBe(`/clients/${clientId}`);
    });

    it('answers 400 for a malformed id', async () => {
      await t.http.get('/clients/not-a-uuid/consents').set(as.recorder).expect(400);
    });
  });

  describe('the client page', () => {
    it('shows the front desk the identification only, no record', async () => {
      const res = await t.http.get(`/clients/${clientId}`).set(as.desk).expect(200);
      expect(res.text).toContain('Testinen');
      expect(res.text).not.toContain('Housing allowance');
      expect(res.text).not.toContain('Shared client record');
      expect(res.text).toContain('You see only the basic identification');
    });

    it('shows the recording agency its own entries with who recorded them', async () => {
      const res = await t.http.get(`/clients/${clientId}`).set(as.recorder).expect(200);
      expect(res.text).toContain('Housing allowance');
      expect(res.text).toContain('Terveysmerkintä');
      expect(res.text).toContain(`Nuorisopalvelut Testilä, ${users.recorder.displayName}`);
      expect(res.text).not.toContain('not shared with your organisation');
    });

    it('shows a consented agency the covered section and says why the other is hidden', async () => {
      const res = await t.http.get(`/clients/${clientId}`).set(as.kela).expect(200);
      expect(res.text).toContain('Housing allowance');
      expect(res.text).toContain('shown under the client&#x27;s consent');
      expect(res.text).not.toContain('Terveysmerkintä');
      expect(res.text).toContain(
        'Nuorisopalvelut Testilä&#x27;s notes (Health and social situation) are not shared with your organisation: no consent.',
      );
    });

    it('shows an agency without consent nothing but the notes', async () => {
      const res = await t.http.get(`/clients/${clientId}`).set(as.other).expect(200);
      expect(res.text).not.toContain('Housing allowance');
      expect(res.text).toContain(
        'Nuorisopalvelut Testilä&#x27;s notes (Benefits (Kela)) are not shared with your organisation: no consent.',
      );
    });

    it('shows advisers the self-assessment change since the baseline, not the front desk', async () => {
      for (const [assessedOn, score] of [
        [dayOffset(-30), 3],
        [dayOffset(0), 7],
      ] as const) {
        await t.http
          .post(`/api/v1/clients/${clientId}/self-assessments`)
          .set(as.recorder)
          .send({ assessedOn, scores: [{ area: 'money', score }] })
          .expect(201);
      }
      const page = await t.http.get(`/clients/${clientId}`).set(as.kela).expect(200);
      expect(page.text).toContain('Change since the baseline');
      expect(page.text).toMatch(/<svg class="trend-chart"/);
      const desk = await t.http.get(`/clients/${clientId}`).set(as.desk).expect(200);
      expect(desk.text).not.toContain('Change since the baseline');
    });

    it('links only to client-rights pages that open for the same adviser', async () => {
      for (const path of ['access-report', 'export', 'erase']) {
        await t.http.get(`/clients/${clientId}/${path}`).set(as.recorder).expect(200);
      }
    });

    it('audits the reads of the page with their legal basis', async () => {
      await t.http.get(`/clients/${clientId}`).set(as.kela).expect(200);
      const rows: { action: string; legal_basis: string | null; sections: string[] }[] =
        await t.dataSource.query(
          `SELECT action, legal_basis, sections FROM audit_log
            WHERE client_id = $1 AND actor_user_id = $2 ORDER BY id`,
          [clientId, users.kela.id],
        );
      const actions = rows.map((r) => r.action);
      expect(actions).toContain('record.listed');
      expect(actions).toContain('record.visibility_read');
      expect(rows.some((r) => r.legal_basis === 'consent' && r.sections.includes('benefits'))).toBe(
        true,
      );
    });

    it('links the plan, self-assessments, outcomes, consents and client rights for advisers', async () => {
      const res = await t.http.get(`/clients/${clientId}`).set(as.recorder).expect(200);
      for (const path of [
        'plan',
        'self-assessments',
        'outcomes',
        'consents',
        'access-report',
        'export',
        'erase',
      ]) {
        expect(res.text).toContain(`href="/clients/${clientId}/${path}"`);
      }
      const desk = await t.http.get(`/clients/${clientId}`).set(as.desk).expect(200);
      expect(desk.text).not.toContain(`/clients/${clientId}/consents`);
      expect(desk.text).not.toContain(`/clients/${clientId}/export`);
    });

    it('adds an entry in the adviser’s organisation’s name', async () => {
      await t.http
        .post(`/clients/${clientId}/record`)
        .set(as.other)
        .type('form')
        .send({ section: 'situation', title: 'Opintopolku', body: 'Hakee syksyllä kouluun.' })
        .expect(303);
      const [row] = await t.dataSource.query(
        `SELECT recorded_by_organisation_id AS org FROM client_record_entries WHERE title = 'Opintopolku'`,
      );
      expect(row.org).toBe(orgs.other.id);
      const page = await t.http.get(`/clients/${clientId}`).set(as.other).expect(200);
      expect(page.text).toContain('Opintopolku');
    });

    it('re-shows the form with field errors and stores nothing', async () => {
      const before = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM client_record_entries`,
      );
      const res = await t.http
        .post(`/clients/${clientId}/record`)
        .set(as.other)
        .type('form')
        .send({ section: 'nonsense', title: '  ', body: 'Jotain' })
        .expect(422);
      expect(res.text).toContain('id="error-section"');
      expect(res.text).toContain('id="error-title"');
      expect(res.text).toContain('Give a title.');
      expect(res.text).toContain('>Jotain</textarea>');
      const after = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM client_record_entries`,
      );
      expect(after[0].n).toBe(before[0].n);
    });

    it('refuses the front desk an entry', async () => {
      await t.http
        .post(`/clients/${clientId}/record`)
        .set(as.desk)
        .type('form')
        .send({ section: 'situation', title: 'x', body: 'y' })
        .expect(403);
    });
  });

  describe('the consent wizard', () => {
    const scope = (over: Record<string, unknown> = {}) => ({
      organisationKinds: ['education'],
      sections: ['benefits', 'situation'],
      purpose: 'Opintoihin hakeminen yhdessä',
      validFrom: dayOffset(0),
      validUntil: dayOffset(100),
      formLanguage: 'sv',
      ...over,
    });

    it('shows field errors in the user’s language and stores nothing', async () => {
      const before = (await consentsOf(clientId)).length;
      const res = await t.http
        .post(`/clients/${clientId}/consents/scope`)
        .set(as.recorder)
        .type('form')
        .send(scope({ organisationKinds: [], validUntil: dayOffset(-5) }))
        .expect(422);
      expect(res.text).toContain('id="error-organisationIds"');
      expect(res.text).toContain('The consent cannot end before it starts.');
      expect(res.text).toContain('Opintoihin hakeminen yhdessä');
      expect(await consentsOf(clientId)).toHaveLength(before);
    });

    it('shows the form in the language chosen, with exactly the scope', async () => {
      const res = await t.http
        .post(`/clients/${clientId}/consents/scope`)
        .set(as.recorder)
        .type('form')
        .send(scope())
        .expect(200);
      expect(res.text).toContain('<iframe class="consent-preview"');
      expect(res.text).toContain('name="sections" value="situation"');
      const printable = await t.http
        .post(`/clients/${clientId}/consents/preview`)
        .set(as.recorder)
        .type('form')
        .send(scope())
        .expect(200);
      expect(printable.headers['content-security-policy']).toContain("style-src 'unsafe-inline'");
      expect(printable.text).toContain('lang="sv"');
      expect(printable.text).toContain('Opintoihin hakeminen yhdessä');
    });

    it('prints a recorded form again, page and API alike, with its own print styles', async () => {
      for (const path of [
        `/clients/${clientId}/consents/${consentId}/form`,
        `/api/v1/consents/${consentId}/form`,
      ]) {
        const res = await t.http.get(path).set(as.recorder).expect(200);
        expect(res.headers['content-security-policy']).toBe(
          "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
        );
        expect(res.text).toContain('<li>Kela Testilä</li>');
      }
    });

    it('records a consent confirmed by typed name, with a PDF as evidence', async () => {
      const res = await t.http
        .post(`/clients/${clientId}/consents`)
        .set(as.recorder)
        .field({ ...scope(), way: 'typed_name', typedName: 'Sivu Testinen', typedConfirm: 'yes' })
        .expect(303);
      expect(flashOf(res)).toContain('consentWizard.recorded.typed_name');
      const [consent] = await t.dataSource.query(
        `SELECT c.id, c.method, c.status, e.mime_type, e.sha256, e.content FROM consents c
           JOIN consent_evidence e ON e.consent_id = c.id
          WHERE c.client_id = $1 AND c.organisation_kinds = '{education}'`,
        [clientId],
      );
      expect(consent).toMatchObject({
        method: 'electronic',
        status: 'given',
        mime_type: 'application/pdf',
      });
      expect((consent.content as Buffer).toString('latin1')).toContain('Sivu Testinen');
    });

    it('asks for the typed name and the confirmation, keeping the scope', async () => {
      const before = (await consentsOf(clientId)).length;
      const res = await t.http
        .post(`/clients/${clientId}/consents`)
        .set(as.recorder)
        .field({ ...scope(), way: 'typed_name', typedName: ' ' })
        .expect(422);
      expect(res.text).toContain('id="error-typedName"');
      expect(res.text).toContain('id="error-typedConfirm"');
      expect(res.text).toContain('name="purpose" value="Opintoihin hakeminen yhdessä"');
      expect(await consentsOf(clientId)).toHaveLength(before);
    });

    it('refuses a scan that is not PDF, PNG or JPEG, and one over 10 MB, storing nothing', async () => {
      const before = (await consentsOf(clientId)).length;
      const text = await t.http
        .post(`/clients/${clientId}/consents`)
        .set(as.recorder)
        .field({ ...scope(), way: 'signed_paper' })
        .attach('file', Buffer.from('just text'), 'scan.pdf')
        .expect(422);
      expect(text.text).toContain('The file must be a PDF, PNG or JPEG.');
      const big = Buffer.alloc(10 * 1024 * 1024 + 10, 0);
      Buffer.from('%PDF-1.4').copy(big);
      const large = await t.http
        .post(`/clients/${clientId}/consents`)
        .set(as.recorder)
        .field({ ...scope(), way: 'signed_paper' })
        .attach('file', big, 'scan.pdf')
        .expect(422);
      expect(large.text).toContain('The file is over 10 MB.');
      expect(large.text).toContain('name="purpose" value="Opintoihin hakeminen yhdessä"');
      const missing = await t.http
        .post(`/clients/${clientId}/consents`)
        .set(as.recorder)
        .field({ ...scope(), way: 'signed_paper' })
        .expect(422);
      expect(missing.text).toContain('Attach a file.');
      expect(await consentsOf(clientId)).toHaveLength(before);
    });

    it('records a signature drawn on screen as PNG evidence', async () => {
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
        'base64',
      );
      await t.http
        .post(`/clients/${clientId}/consents`)
        .set(as.recorder)
        .field({
          ...scope({ organisationKinds: ['ngo'] }),
          way: 'signature_on_screen',
          signature: `data:image/png;base64,${png.toString('base64')}`,
        })
        .expect(303);
      const [row] = await t.dataSource.query(
        `SELECT c.method, e.mime_type FROM consents c JOIN consent_evidence e ON e.consent_id = c.id
          WHERE c.client_id = $1 AND c.organisation_kinds = '{ngo}'`,
        [clientId],
      );
      expect(row).toEqual({ method: 'signature_on_screen', mime_type: 'image/png' });
    });

    it('asks for a signature when none was drawn', async () => {
      const res = await t.http
        .post(`/clients/${clientId}/consents`)
        .set(as.recorder)
        .field({ ...scope(), way: 'signature_on_screen', signature: '' })
        .expect(422);
      expect(res.text).toContain('Sign in the box, or choose another way to answer.');
    });

    it('records a refusal as requested → refused, and a request that waits', async () => {
      await t.http
        .post(`/clients/${clientId}/consents`)
        .set(as.recorder)
        .field({ ...scope({ organisationKinds: ['health_services'] }), way: 'refused' })
        .expect(303);
      await t.http
        .post(`/clients/${clientId}/consents`)
        .set(as.recorder)
        .field({ ...scope({ organisationKinds: ['youth_workshop'] }), way: 'requested' })
        .expect(303);
      const rows: { kinds: string[]; status: string; steps: string[] }[] = await t.dataSource.query(
        `SELECT c.organisation_kinds AS kinds, c.status,
                array_agg(h.to_status ORDER BY h.at) AS steps
           FROM consents c JOIN consent_status_history h ON h.consent_id = c.id
          WHERE c.client_id = $1 AND c.status IN ('refused', 'requested')
          GROUP BY c.id`,
        [clientId],
      );
      expect(rows).toEqual(
        expect.arrayContaining([
          { kinds: ['health_services'], status: 'refused', steps: ['requested', 'refused'] },
          { kinds: ['youth_workshop'], status: 'requested', steps: ['requested'] },
        ]),
      );
      const requested = (await consentsOf(clientId)).find((c) => c.status === 'requested')!;
      await t.http
        .post(`/clients/${clientId}/consents/${requested.id}/refuse`)
        .set(as.recorder)
        .expect(303);
      expect((await consentsOf(clientId)).find((c) => c.id === requested.id)!.status).toBe(
        'refused',
      );
    });

    it('records the answer to a request with the scope asked for, requested → given', async () => {
      await t.http
        .post(`/clients/${clientId}/consents`)
        .set(as.recorder)
        .field({ ...scope({ organisationKinds: ['outreach_youth_work'] }), way: 'requested' })
        .expect(303);
      const [requested] = await t.dataSource.query(
        `SELECT id FROM consents WHERE client_id = $1 AND status = 'requested'`,
        [clientId],
      );
      const page = await t.http
        .get(`/clients/${clientId}/consents/${requested.id}/answer`)
        .set(as.recorder)
        .expect(200);
      expect(page.text).toContain(`name="requested" value="${requested.id}"`);
      expect(page.text).not.toContain('value="requested"');
      // The posted scope is ignored: the answer is to the scope on the form shown.
      await t.http
        .post(`/clients/${clientId}/consents`)
        .set(as.recorder)
        .field({
          ...scope({ organisationKinds: ['ngo'], sections: ['health_social'] }),
          requested: requested.id,
          way: 'typed_name',
          typedName: 'Sivu Testinen',
          typedConfirm: 'yes',
        })
        .expect(303);
      const [row] = await t.dataSource.query(
        `SELECT c.status, c.method, c.organisation_kinds AS kinds, c.sections,
                array_agg(h.to_status ORDER BY h.at) AS steps
           FROM consents c JOIN consent_status_history h ON h.consent_id = c.id
          WHERE c.id = $1 GROUP BY c.id`,
        [requested.id],
      );
      expect(row).toEqual({
        status: 'given',
        method: 'electronic',
        kinds: ['outreach_youth_work'],
        sections: ['situation', 'benefits'],
        steps: ['requested', 'given'],
      });
      // Answered already: the answer page no longer exists for it.
      await t.http
        .get(`/clients/${clientId}/consents/${requested.id}/answer`)
        .set(as.recorder)
        .expect(404);
    });

    it('replaces a consent with a new one through the wizard', async () => {
      const start = await t.http
        .get(`/clients/${otherClientId}/consents/new?replaces=${otherConsentId}`)
        .set(as.recorder)
        .expect(200);
      expect(start.text).toContain(`name="replaces" value="${otherConsentId}"`);
      await t.http
        .post(`/clients/${otherClientId}/consents`)
        .set(as.recorder)
        .field({
          ...scope(),
          replaces: otherConsentId,
          way: 'typed_name',
          typedName: 'Toinen Asiakas',
          typedConfirm: 'yes',
        })
        .expect(303);
      const rows = await consentsOf(otherClientId);
      expect(rows.find((r) => r.id === otherConsentId)!.status).toBe('replaced');
      expect(rows.filter((r) => r.status === 'given')).toHaveLength(1);
    });

    it('takes a signed-in browser’s multipart form only with its CSRF token', async () => {
      const agent = await signedInAgent(t.app, users.recorder.email, TEST_PASSWORD);
      const page = await agent
        .post(`/clients/${clientId}/consents/scope`)
        .type('form')
        .send({ ...scope(), _csrf: csrfFrom((await agent.get('/').expect(200)).text) })
        .expect(200);
      const action = /action="([^"]+)" enctype="multipart\/form-data"/.exec(page.text)![1];
      const fields = { ...scope({ organisationKinds: ['other'] }), way: 'refused' };
      await agent.post(`/clients/${clientId}/consents`).field(fields).expect(403);
      const href = action.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
      expect(href).toMatch(/^\/clients\/[0-9a-f-]+\/consents\?_csrf=[\w-]+$/);
      await agent.post(href).field(fields).expect(303);
    });
  });

  describe('the consent card and withdrawal', () => {
    it('shows the current scope and every consent with its history', async () => {
      const res = await t.http.get(`/clients/${clientId}/consents`).set(as.recorder).expect(200);
      expect(res.text).toContain('<th scope="row">Kela Testilä</th>');
      expect(res.text).toContain(`id="consent-${consentId}"`);
      expect(res.text).toContain('Refused');
      expect(res.text).toContain('Requested → Refused');
      expect(res.text).toContain(`<td>${users.recorder.displayName}</td>`);
    });

    it('lets one of two simultaneous withdrawals win and tells the other', async () => {
      const withdraw = () =>
        t.http
          .post(`/clients/${clientId}/consents/${consentId}/withdraw`)
          .set(as.recorder)
          .type('form')
          .send({ reason: '' });
      const answers = await Promise.all([withdraw(), withdraw()]);
      expect(answers.map((a) => a.status)).toEqual([303, 303]);
      const flashes = answers.map(flashOf).sort();
      expect(flashes[0]).toContain('consentCard.notInForce');
      expect(flashes[1]).toContain('consentCard.withdrawn');
      const steps = await t.dataSource.query(
        `SELECT to_status FROM consent_status_history WHERE consent_id = $1 AND to_status = 'withdrawn'`,
        [consentId],
      );
      expect(steps).toHaveLength(1);
    });

    it('hides the withdrawn consent’s entries on the next page, saying why', async () => {
      const res = await t.http.get(`/clients/${clientId}`).set(as.kela).expect(200);
      expect(res.text).not.toContain('Housing allowance');
      expect(res.text).toContain(
        'Nuorisopalvelut Testilä&#x27;s notes (Benefits (Kela)) are not shared with your organisation: consent withdrawn.',
      );
    });

    it('says an expired consent ran out', async () => {
      const id = (
        await t.http
          .post(`/api/v1/clients/${otherClientId}/consents`)
          .set(as.recorder)
          .send(
            consentBody({
              organisationIds: [orgs.kela.id],
              validFrom: dayOffset(-40),
              validUntil: dayOffset(-1),
            }),
          )
          .expect(201)
      ).body.id as string;
      expect(id).toBeTruthy();
      await newEntry(t, as.recorder, otherClientId, 'benefits');
      const res = await t.http.get(`/clients/${otherClientId}`).set(as.kela).expect(200);
      expect(res.text).toContain('are not shared with your organisation: consent expired.');
    });
  });

  describe('in every language', () => {
    it.each(['fi', 'sv', 'en'] as const)(
      'renders every client and consent page in %s with no key left untranslated',
      async (language) => {
        const user = await fixtures.user({
          roles: ['adviser'],
          organisation: orgs.recorder,
          language,
        });
        const headers = await bearerFor(t, user);
        const [requested] = await t.dataSource.query(
          `SELECT id FROM consents WHERE client_id = $1 ORDER BY created_at LIMIT 1`,
          [clientId],
        );
        const pages = [
          (await t.http.get(`/clients/${clientId}`).set(headers).expect(200)).text,
          (await t.http.get(`/clients/${clientId}/consents`).set(headers).expect(200)).text,
          (await t.http.get(`/clients/${clientId}/consents/new`).set(headers).expect(200)).text,
          (
            await t.http
              .get(`/clients/${clientId}/consents/${requested.id}/withdraw`)
              .set(headers)
              .expect(200)
          ).text,
          (
            await t.http
              .post(`/clients/${clientId}/consents/scope`)
              .set(headers)
              .type('form')
              .send({
                organisationKinds: ['kela'],
                sections: ['benefits'],
                purpose: 'x',
                validFrom: dayOffset(0),
                validUntil: dayOffset(1),
                formLanguage: language,
              })
              .expect(200)
          ).text,
          (
            await t.http
              .post(`/clients/${clientId}/consents`)
              .set(headers)
              .field({ sections: ['benefits'], organisationKinds: ['kela'], purpose: 'x' })
              .expect(422)
          ).text,
        ];
        for (const html of pages) {
          expect(html).toContain(`<html lang="${language}">`);
          expect(html).not.toMatch(
            /\b(clientRecord|consentWizard|consentCard|clientPage|sections|record)\.[a-zA-Z_.]+/,
          );
        }
      },
    );
  });
});
