import type { Browser, Page } from 'playwright-core';
import { ClientsService } from '@ohjaamo/clients';
import type { Site, StaffUser } from '@ohjaamo/identity';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser';
import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';

jest.setTimeout(180_000);

/**
 * The front desk in Chromium, driven by the keyboard alone: sign in, tick topics with
 * Space, save with Enter, and undo; every desk page passes axe (WCAG 2.1 A and AA).
 */
describe('front desk in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let desk: StaffUser;
  let site: Site;

  const tabTo = async (selector: string, limit = 60): Promise<void> => {
    for (let i = 0; i < limit; i++) {
      if (await page.locator(`${selector}:focus`).count()) return;
      await page.keyboard.press('Tab');
    }
    await page.screenshot({ path: '/tmp/desk-fail.png', fullPage: true });
    throw new Error(`Tab never reached ${selector}`);
  };
  const expectNoViolations = async (label: string): Promise<void> => {
    const violations = await axeViolations(page);
    if (violations.length > 0) throw new Error(`${label}:\n${describeViolations(violations)}`);
  };
  const visitRows = async (): Promise<
    { topics: string[]; channel: string; undone_at: Date | null }[]
  > =>
    t.dataSource.query(
      `SELECT topics, channel, undone_at FROM visits WHERE logged_by_user_id = $1 ORDER BY created_at`,
      [desk.id],
    );

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    const fixtures = new Fixtures(t.app);
    const organisation = await fixtures.organisation('youth_services', 'Nuorisopalvelut');
    site = await fixtures.site('Ohjaamo Testilä');
    desk = await fixtures.user({
      roles: ['front_desk'],
      organisation,
      sites: [site],
      language: 'fi',
    });
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs in with the keyboard and lands on the desk', async () => {
    await page.goto(`${base}/desk`);
    expect(page.url()).toContain('/sign-in?return=%2Fdesk');
    await page.keyboard.type(desk.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/desk`);
    await expectNoViolations('/desk');
  });

  it('logs a walk-in with the keyboard alone: topics by Space, Enter saves', async () => {
    // The first topic chip has focus when the page opens.
    expect(await page.locator('input[name="topics"]:focus').count()).toBe(1);
    await page.keyboard.press('Space'); // work
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // education
    const started = Date.now();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.flash--success');
    expect(Date.now() - started).toBeLessThan(10_000);
    if (process.env.SCREENSHOTS)
      await page.screenshot({ path: `${process.env.SCREENSHOTS}/desk.png`, fullPage: true });
    const rows = await visitRows();
    expect(rows).toHaveLength(1);
    expect(rows[0].topics).toEqual(['work', 'education']);
    expect(rows[0].channel).toBe('walk_in');
    await expectNoViolations('/desk after saving');
  });

  it('shows a field error next to the field and keeps what was typed', async () => {
    await page.goto(`${base}/desk`);
    await tabTo('#field-age');
    await page.keyboard.type('9');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-summary');
    expect(await page.locator('#error-age').textContent()).toContain('10');
    expect(await page.inputValue('#field-age')).toBe('9');
    expect(await visitRows()).toHaveLength(1);
    await expectNoViolations('/desk with errors');
  });

  it('undoes the visit with the keyboard', async () => {
    await page.goto(`${base}/desk`);
    await tabTo('form[action$="/undo"] button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.flash--success');
    expect((await visitRows())[0].undone_at).not.toBeNull();
  });

  it('corrects a visit on the edit page', async () => {
    await page.goto(`${base}/desk`);
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.flash--success');
    const [visit] = await t.dataSource.query(
      `SELECT id FROM visits WHERE logged_by_user_id = $1 AND undone_at IS NULL`,
      [desk.id],
    );
    await page.goto(`${base}/desk/visits/${visit.id}`);
    await expectNoViolations('/desk/visits/:id');
    await page.fill('#field-durationMinutes', '25');
    await page.focus('#field-durationMinutes');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/desk\?site=/);
    const [row] = await t.dataSource.query(`SELECT duration_minutes FROM visits WHERE id = $1`, [
      visit.id,
    ]);
    expect(row.duration_minutes).toBe(25);
  });

  it('moves a visitor through the queue, and a second screen follows live', async () => {
    const watcher = await browser.newPage();
    await watcher.context().addCookies(await page.context().cookies());
    await watcher.goto(`${base}/desk/board?site=${site.id}`);
    await watcher.waitForSelector('#desk-board[data-updated]');

    await page.goto(`${base}/desk/board?site=${site.id}`);
    await expectNoViolations('/desk/board');
    await tabTo('form[action="/desk/board/arrivals"] button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.flash--success');
    await page.waitForSelector('#waiting-list .queue-label');
    expect(await page.locator('#waiting-list .queue-label').first().textContent()).toBe('A-001');

    // The other screen shows the arrival without reloading.
    await watcher.waitForSelector('#waiting-list .queue-label', { timeout: 10_000 });
    expect(await watcher.locator('#waiting-list .queue-label').first().textContent()).toBe('A-001');

    await tabTo('form[action$="/call"] button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#served-list .queue-label');
    await expectNoViolations('/desk/board with a visitor');
    await tabTo('form[action$="/finish"] button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.flash--success');
    const [entry] = await t.dataSource.query(
      `SELECT status, wait_seconds FROM desk_queue_entries WHERE site_id = $1`,
      [site.id],
    );
    expect(entry.status).toBe('done');
    expect(entry.wait_seconds).toBeGreaterThanOrEqual(0);
    await watcher.waitForSelector('#waiting-list .queue-label', {
      state: 'detached',
      timeout: 10_000,
    });
    await watcher.close();
  });

  it('finds a client by name, links an earlier anonymous visit, and shows it on the client page', async () => {
    const client = await t.app.get(ClientsService).create(
      {
        userId: desk.id,
        organisationId: desk.organisationId,
        organisationKind: 'youth_services',
        siteIds: [site.id],
        roles: ['front_desk'],
      },
      { firstName: 'Aino', lastName: 'Mäkelä', birthDate: '2004-05-06' },
    );
    await page.goto(`${base}/desk`);
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter'); // an anonymous visit
    await page.waitForSelector('.flash--success');

    await tabTo('#field-name');
    await page.keyboard.type('Mäkelä');
    await page.keyboard.press('Enter');
    await page.waitForSelector('text=Aino');
    await expectNoViolations('/desk with search results');
    await tabTo('a[href*="client="]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.selected-client');
    await tabTo('form[action$="/link"] button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.flash--success');
    const linked = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM visits WHERE client_id = $1`,
      [client.id],
    );
    expect(linked[0].n).toBe(1);

    await page.goto(`${base}/clients/${client.id}`);
    expect(await page.locator('h1').textContent()).toContain('Mäkelä');
    expect(await page.locator('#history-title + table tbody tr').count()).toBe(1);
    await expectNoViolations('/clients/:id');
  });
});
