import { AccessTokenService, permissionsOf, type Site, type StaffUser } from '@ohjaamo/identity';
import { RollupBuilder } from '@ohjaamo/reports';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { REPORT_VOCABULARY } from '@ohjaamo/db';
import { signedInAgent } from '../helpers/browser-session';
import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';

// Small-count suppression end to end: a site-month with known small counts, read through
// the REST API, the report page, the CSV and the XLSX export. Counts below 5 show as
// "<5"; where one hidden count could be worked out from its total, one more is hidden.
describe('monthly report suppression and access', () => {
  let t: TestApp;
  let site: Site;
  let coordinator: StaffUser;
  let adviser: StaffUser;
  let coordinatorToken: string;
  let adviserToken: string;
  const month = '2026-09';
  const scope = () => `site:${site.id}`;
  const query = () => `month=${month}&scope=${encodeURIComponent(scope())}`;

  const tokenFor = async (user: StaffUser) =>
    (
      await t.app.get(AccessTokenService).create(user, {
        name: `reports ${randomUUID()}`,
        scopes: [...permissionsOf(user.roles)],
        expiresAt: new Date(Date.now() + 3_600_000),
      })
    ).token;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none', REPORT_SUPPRESSION_THRESHOLD: '5' });
    const fixtures = new Fixtures(t.app);
    const organisation = await fixtures.organisation('youth_services', 'Nuorisopalvelut');
    site = await fixtures.site('Ohjaamo Pieni');
    coordinator = await fixtures.user({ roles: ['coordinator'], organisation, sites: [site] });
    adviser = await fixtures.user({ roles: ['adviser'], organisation, sites: [site] });
    coordinatorToken = await tokenFor(coordinator);
    adviserToken = await tokenFor(adviser);
    // September 2026, anonymous visits: walk-in 12, chat 9, phone 3 (total 24); two of
    // them first visits. Noon Helsinki time on the 10th.
    const channels = [
      ...Array(12).fill('walk_in'),
      ...Array(9).fill('chat'),
      ...Array(3).fill('phone'),
    ];
    for (const [i, channel] of channels.entries()) {
      await t.dataSource.query(
        `INSERT INTO visits (site_id, started_at, channel, first_visit, logged_by_user_id,
                             logged_by_organisation_id, idempotency_key, version)
         VALUES ($1, '2026-09-10T09:00:00Z', $2, $3, $4, $5, gen_random_uuid(), 1)`,
        [site.id, channel, i < 2, adviser.id, organisation.id],
      );
    }
    await new RollupBuilder(t.dataSource, REPORT_VOCABULARY).buildMonths([month]);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('hides small counts and the cells that would reveal them, in the REST API', async () => {
    const res = await t.http
      .get(`/api/v1/reports?${query()}`)
      .set({ Authorization: `Bearer ${coordinatorToken}` })
      .expect(200);
    const rows = new Map<string, { text: string; value: number | null; suppressed: boolean }>(
      res.body.sections.flatMap((s: { rows: { key: string; values: unknown[] }[] }) =>
        s.rows.map((r) => [r.key, r.values[0]]),
      ),
    );
    expect(rows.get('visits.total')).toEqual({ value: 24, text: '24', suppressed: false });
    expect(rows.get('visits.channel.walk_in')).toMatchObject({ value: 12, text: '12' });
    // 3 is small; 24 − 12 − 9 would give it away, so the smallest other count goes too.
    expect(rows.get('visits.channel.phone')).toEqual({ value: null, text: '<5', suppressed: true });
    expect(rows.get('visits.channel.chat')).toEqual({ value: null, text: '<5', suppressed: true });
    expect(rows.get('visits.channel.group')).toMatchObject({ value: 0, text: '0' });
    // First 2 of 24: the returning 22 would give the 2 away.
    expect(rows.get('visits.first.first')).toMatchObject({ text: '<5', value: null });
    expect(rows.get('visits.first.returning')).toMatchObject({ text: '<5', value: null });
    expect(rows.get('visits.identity.anonymous')).toMatchObject({ value: 24 });
    // No hidden number leaks anywhere in the answer.
    expect(JSON.stringify(res.body)).not.toMatch(/"value":(3|9|2|22)\b/);
  });

  it('shows "<5" on the report page', async () => {
    const agent = await signedInAgent(t.app, coordinator.email, TEST_PASSWORD);
    const page = await agent.get(`/reports/month?${query()}`).expect(200);
    const phoneRow = /<tr data-row="visits.channel.phone">([\s\S]*?)<\/tr>/.exec(page.text)![1];
    expect(phoneRow).toContain('&lt;5');
    expect(phoneRow).not.toMatch(/>3</);
  });

  it('writes "<5" and never the hidden count in the CSV export', async () => {
    const agent = await signedInAgent(t.app, coordinator.email, TEST_PASSWORD);
    const res = await agent.get(`/reports/month.csv?${query()}`).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('ohjaamo-report-2026-09-site.csv');
    const lines = res.text.replace(/^\uFEFF/, '').split('\r\n');
    // Breakdown rows are indented, so their label is quoted.
    const phone = lines.find((l) => l.startsWith('"  Phone",'))!;
    expect(phone.split(',')[1]).toBe('<5');
    const chat = lines.find((l) => l.startsWith('"  Chat",'))!;
    expect(chat.split(',')[1]).toBe('<5');
    expect(lines.find((l) => l.startsWith('"  Walk-in",'))!.split(',')[1]).toBe('12');
    expect(lines.find((l) => l.startsWith('Visits in total,'))!.split(',')[1]).toBe('24');
  });

  it('writes "<5" in the XLSX export, one sheet per section', async () => {
    const agent = await signedInAgent(t.app, coordinator.email, TEST_PASSWORD);
    const res = await agent
      .get(`/reports/month.xlsx?${query()}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Visits',
      'Young people',
      'Consents',
      'Plans',
      'Outcomes and follow-ups',
      'Youth Guarantee',
      'Recruitment events',
      'Core indicators',
    ]);
    const visits = workbook.getWorksheet('Visits')!;
    const cell = (label: string) => {
      let found: unknown;
      visits.eachRow((row) => {
        if (row.getCell(1).text.trim() === label) found = row.getCell(2).value;
      });
      return found;
    };
    expect(cell('Visits in total')).toBe(24);
    expect(cell('Phone')).toBe('<5');
    expect(cell('Chat')).toBe('<5');
    expect(cell('Walk-in')).toBe(12);
  });

  it('refuses advisers and the front desk: reports are for coordinators and admins', async () => {
    await t.http
      .get(`/api/v1/reports?${query()}`)
      .set({ Authorization: `Bearer ${adviserToken}` })
      .expect(403);
    const agent = await signedInAgent(t.app, adviser.email, TEST_PASSWORD);
    await agent.get('/reports').expect(403);
    await agent.get(`/reports/month.csv?${query()}`).expect(403);
  });

  it('answers a bad month or scope with field errors and no report', async () => {
    const api = await t.http
      .get(`/api/v1/reports?month=2026-13`)
      .set({ Authorization: `Bearer ${coordinatorToken}` })
      .expect(422);
    expect(JSON.stringify(api.body)).toContain('month');
    const agent = await signedInAgent(t.app, coordinator.email, TEST_PASSWORD);
    const page = await agent.get(`/reports/month?month=2999-01&scope=site:nope`).expect(422);
    expect(page.text).toContain('Give the month as YYYY-MM, no later than this month.');
    expect(page.text).toContain('Choose a scope from the list.');
    expect(page.text).not.toContain('data-row=');
  });

  it('asks the worker for a month not yet compiled and says so', async () => {
    const agent = await signedInAgent(t.app, coordinator.email, TEST_PASSWORD);
    const page = await agent.get(`/reports/month?month=2026-08&scope=deployment`).expect(200);
    expect(page.text).toContain('being compiled');
    const rows = await t.dataSource.query<{ job_name: string; payload: unknown }[]>(
      `SELECT job_name, payload FROM outbox WHERE dedupe_key = 'report-rollup|2026-08'`,
    );
    expect(rows).toEqual([{ job_name: 'reports.rollup', payload: { month: '2026-08' } }]);
    // Not compiled: the exports wait for it instead of writing an empty report.
    await agent.get(`/reports/month.csv?month=2026-08&scope=deployment`).expect(303);
  });
});
