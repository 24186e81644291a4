import { Fixtures } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import { bearerFor, consentBody, newClient, newEntry, type Headers } from './consent-fixtures';

// Entries are corrected by new versions and deleted with a reason; nothing is lost, and
// only the recording organisation changes its own entries.

describe('record: entries', () => {
  let t: TestApp;
  let youth: Headers;
  let kela: Headers;
  let kelaOrgId: string;
  let clientId: string;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    const fixtures = new Fixtures(t.app);
    const site = await fixtures.site();
    const youthOrg = await fixtures.organisation('youth_services');
    const kelaOrg = await fixtures.organisation('kela');
    kelaOrgId = kelaOrg.id;
    youth = await bearerFor(
      t,
      await fixtures.user({ roles: ['adviser'], organisation: youthOrg, sites: [site] }),
    );
    kela = await bearerFor(
      t,
      await fixtures.user({ roles: ['adviser'], organisation: kelaOrg, sites: [site] }),
    );
    clientId = await newClient(t, youth);
  });
  afterAll(async () => {
    await t.close();
  });

  const entries = (section?: string) =>
    t.http
      .get(`/api/v1/clients/${clientId}/record/entries${section ? `?section=${section}` : ''}`)
      .set(youth);

  it('corrects an entry with a new version and keeps the old one', async () => {
    const entryId = await newEntry(t, youth, clientId, 'situation');
    const res = await t.http
      .post(`/api/v1/clients/${clientId}/record/entries/${entryId}/corrections`)
      .set(youth)
      .send({ title: 'Studies', body: 'Started vocational studies in August.' })
      .expect(201);
    expect(res.body).toMatchObject({ id: entryId, version: 2, section: 'situation' });
    const list = await entries('situation').expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: entryId, version: 2 })]);
    const versions = await t.dataSource.query(
      `SELECT version, superseded_at IS NOT NULL AS closed FROM client_record_entries
        WHERE entry_id = $1 ORDER BY version`,
      [entryId],
    );
    expect(versions).toEqual([
      { version: 1, closed: true },
      { version: 2, closed: false },
    ]);
  });

  it('deletes with a reason, keeping the row', async () => {
    const entryId = await newEntry(t, youth, clientId, 'contacts');
    await t.http
      .post(`/api/v1/clients/${clientId}/record/entries/${entryId}/delete`)
      .set(youth)
      .send({ reason: '' })
      .expect(422);
    await t.http
      .post(`/api/v1/clients/${clientId}/record/entries/${entryId}/delete`)
      .set(youth)
      .send({ reason: 'Recorded on the wrong client' })
      .expect(204);
    await t.http
      .get(`/api/v1/clients/${clientId}/record/entries/${entryId}`)
      .set(youth)
      .expect(404);
    const rows = await t.dataSource.query(
      `SELECT deleted_reason FROM client_record_entries WHERE entry_id = $1`,
      [entryId],
    );
    expect(rows).toEqual([{ deleted_reason: 'Recorded on the wrong client' }]);
  });

  it('lets no other agency change an entry, even one it sees under consent', async () => {
    const entryId = await newEntry(t, youth, clientId, 'benefits');
    const url = `/api/v1/clients/${clientId}/record/entries/${entryId}/corrections`;
    const body = { title: 'Changed', body: 'Changed by Kela.' };
    await t.http.post(url).set(kela).send(body).expect(404);
    await t.http
      .post(`/api/v1/clients/${clientId}/consents`)
      .set(youth)
      .send(consentBody({ organisationIds: [kelaOrgId], sections: ['benefits'] }))
      .expect(201);
    await t.http.post(url).set(kela).send(body).expect(403);
  });

  it.each([
    ['an unknown section', { section: 'diary', title: 'x', body: 'y' }, 'section'],
    ['an empty title', { section: 'plan', title: ' ', body: 'y' }, 'title'],
    [
      'a title over 200 characters',
      { section: 'plan', title: 'x'.repeat(201), body: 'y' },
      'title',
    ],
    [
      'a body over 10000 characters',
      { section: 'plan', title: 'x', body: 'y'.repeat(10_001) },
      'body',
    ],
  ])('refuses %s and stores nothing', async (_name, body, field) => {
    const before = (await entries().expect(200)).body.items.length;
    const res = await t.http
      .post(`/api/v1/clients/${clientId}/record/entries`)
      .set(youth)
      .send(body)
      .expect(422);
    expect(JSON.stringify(res.body)).toContain(`"field":"${field}"`);
    expect((await entries().expect(200)).body.items.length).toBe(before);
  });

  it('refuses an unknown section filter and answers 404 for an unknown client', async () => {
    await entries('diary').expect(422);
    await t.http
      .get(`/api/v1/clients/00000000-0000-4000-8000-000000000000/record/entries`)
      .set(youth)
      .expect(404);
  });

  it('audits every write with the section and own-record basis, without the text', async () => {
    const rows = await t.dataSource.query(
      `SELECT action, sections, legal_basis FROM audit_log
        WHERE client_id = $1 AND action LIKE 'record.entry_%' ORDER BY id`,
      [clientId],
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) expect(row.legal_basis).toBe('own_record');
    const leaked = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log a WHERE a::text ILIKE '%vocational%'`,
    );
    expect(leaked[0].n).toBe(0);
  });
});
