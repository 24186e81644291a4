import type { Organisation } from '@ohjaamo/identity';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import { bearerFor, consentBody, dayOffset, newClient, type Headers } from './consent-fixtures';

// Bad consents and evidence get field errors and leave nothing behind; the printable form
// shows exactly the scope recorded.

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('consent: input, evidence and form', () => {
  let t: TestApp;
  let adviser: Headers;
  let desk: Headers;
  let kelaOrg: Organisation;
  let clientId: string;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    const fixtures = new Fixtures(t.app);
    const site = await fixtures.site();
    const org = await fixtures.organisation('youth_services');
    kelaOrg = await fixtures.organisation('kela', 'Kela Itä-Helsinki');
    adviser = await bearerFor(
      t,
      await fixtures.user({ roles: ['adviser'], organisation: org, sites: [site] }),
    );
    desk = await bearerFor(
      t,
      await fixtures.user({ roles: ['front_desk'], organisation: org, sites: [site] }),
    );
    clientId = await newClient(t, adviser);
  });
  afterAll(async () => {
    await t.close();
  });

  const consents = async () =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM consents`))[0].n as number;
  const give = (over: Record<string, unknown>) =>
    t.http.post(`/api/v1/clients/${clientId}/consents`).set(adviser).send(consentBody(over));

  it.each([
    [
      'a consent ending before it starts',
      { organisationIds: ['K'], validFrom: dayOffset(5), validUntil: dayOffset(1) },
      'validUntil',
      'endsBeforeStart',
    ],
    [
      'an unknown category',
      { organisationIds: ['K'], sections: ['diary'] },
      'sections',
      'unknownSection',
    ],
    [
      'an unknown agency',
      { organisationIds: ['00000000-0000-4000-8000-000000000000'] },
      'organisationIds',
      'unknownOrganisation',
    ],
    [
      'an unknown agency kind',
      { organisationKinds: ['bank'] },
      'organisationKinds',
      'unknownOrganisationKind',
    ],
    ['no agency at all', {}, 'organisationIds', 'noAgencies'],
    ['no purpose', { organisationIds: ['K'], purpose: '  ' }, 'purpose', 'purposeRequired'],
    [
      'an unknown method',
      { organisationIds: ['K'], method: 'telepathy' },
      'method',
      'unknownMethod',
    ],
  ])('refuses %s with a field error and stores nothing', async (_name, over, field, code) => {
    const before = await consents();
    const body = { ...over } as Record<string, unknown>;
    if ((body.organisationIds as string[] | undefined)?.[0] === 'K')
      body.organisationIds = [kelaOrg.id];
    const res = await give(body).expect(422);
    expect(res.body.fieldErrors ?? res.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, code })]),
    );
    expect(await consents()).toBe(before);
  });

  it('answers 404 for an unknown client and hides consents from the front desk', async () => {
    await t.http
      .post(`/api/v1/clients/00000000-0000-4000-8000-000000000000/consents`)
      .set(adviser)
      .send(consentBody({ organisationIds: [kelaOrg.id] }))
      .expect(404);
    await t.http.get(`/api/v1/clients/${clientId}/consents`).set(desk).expect(403);
  });

  describe('evidence', () => {
    let consentId: string;
    beforeAll(async () => {
      consentId = (await give({ organisationIds: [kelaOrg.id] }).expect(201)).body.id;
    });
    const evidenceRows = async () =>
      (await t.dataSource.query(`SELECT count(*)::int AS n FROM consent_evidence`))[0].n as number;

    it('stores a scanned PDF with its SHA-256', async () => {
      const res = await t.http
        .post(`/api/v1/consents/${consentId}/evidence`)
        .set(adviser)
        .attach('file', PDF, { filename: 'scan.pdf', contentType: 'application/pdf' })
        .expect(201);
      expect(res.body[0]).toMatchObject({ mimeType: 'application/pdf', sizeBytes: PDF.length });
      expect(res.body[0].sha256).toMatch(/^[0-9a-f]{64}$/);
      const consent = await t.http.get(`/api/v1/consents/${consentId}`).set(adviser).expect(200);
      expect(consent.body.evidence).toHaveLength(1);
    });

    it('takes a PNG signature whatever name it has', async () => {
      await t.http
        .post(`/api/v1/consents/${consentId}/evidence`)
        .set(adviser)
        .attach('file', PNG, { filename: 'signature.bin', contentType: 'application/octet-stream' })
        .expect(201);
    });

    it('refuses a file that is not PDF, PNG or JPEG, even when named so', async () => {
      const before = await evidenceRows();
      const res = await t.http
        .post(`/api/v1/consents/${consentId}/evidence`)
        .set(adviser)
        .attach('file', Buffer.from('<html>hello</html>'), {
          filename: 'scan.pdf',
          contentType: 'application/pdf',
        })
        .expect(422);
      expect(JSON.stringify(res.body)).toContain('evidenceType');
      expect(await evidenceRows()).toBe(before);
    });

    it('refuses more than 10 MB', async () => {
      const before = await evidenceRows();
      const big = Buffer.alloc(10 * 1024 * 1024 + 1);
      PDF.copy(big);
      const res = await t.http
        .post(`/api/v1/consents/${consentId}/evidence`)
        .set(adviser)
        .attach('file', big, { filename: 'scan.pdf', contentType: 'application/pdf' })
        .expect(422);
      expect(JSON.stringify(res.body)).toContain('evidenceTooLarge');
      expect(await evidenceRows()).toBe(before);
    });
  });

  it.each([
    ['fi', 'Suostumus tietojen luovuttamiseen', 'Etuudet (Kela)'],
    ['sv', 'Samtycke till utlämnande av uppgifter', 'Förmåner (FPA)'],
    ['en', 'Consent to share information', 'Benefits (Kela)'],
  ])(
    'prints the form in %s with exactly the scope chosen',
    async (formLanguage, heading, section) => {
      const created = await give({
        organisationIds: [kelaOrg.id],
        organisationKinds: ['employment_services'],
        sections: ['benefits'],
        formLanguage,
        formVersion: '2026-3',
        validFrom: '2026-01-01',
        validUntil: '2026-12-31',
      }).expect(201);
      const res = await t.http
        .get(`/api/v1/consents/${created.body.id}/form`)
        .set(adviser)
        .expect(200)
        .expect('Content-Type', /html/);
      expect(res.text).toContain(`<html lang="${formLanguage}">`);
      expect(res.text).toContain(heading);
      expect(res.text).toContain('Kela Itä-Helsinki');
      expect(res.text).toContain(section);
      expect(res.text).toContain('1.1.2026 – 31.12.2026');
      expect(res.text).toContain('2026-3');
      expect(res.text).not.toContain('<script');
      // Categories not chosen are not on the form.
      expect(res.text).not.toMatch(/Terveys|Hälsa|Health/);
    },
  );
});
