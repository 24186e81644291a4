import type { Browser, Page } from 'playwright-core';
import {
  AccessTokenService,
  OrganisationsService,
  SitesService,
  StaffUser,
} from '@ohjaamo/identity';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser';
import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';

/**
 * The administration and profile pages in a real browser: signed in with the keyboard
 * only, every page checked with axe (WCAG 2.1 A and AA), a user created with the keyboard.
 */
// A real browser visiting many pages: more time than an HTTP test when the machine is busy.
jest.setTimeout(180_000);

describe('admin and profile pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let admin: StaffUser;
  let ids: { user: string; organisation: string; site: string };

  /** Presses Tab until the focused element matches the selector. */
  const tabTo = async (selector: string, limit = 80): Promise<void> => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      // Playwright's own focus check: the element the keyboard is on matches the selector.
      if (await page.locator(`${selector}:focus`).count()) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  };

  const expectNoViolations = async (path: string): Promise<void> => {
    const violations = await axeViolations(page);
    if (violations.length > 0) throw new Error(`${path}:\n${describeViolations(violations)}`);
  };

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    await t.app.listen(0, '127.0.0.1');
    const address = t.app.getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;

    const fixtures = new Fixtures(t.app);
    const organisation = await fixtures.organisation('youth_services', 'Helsingin nuorisopalvelut');
    await fixtures.organisation('kela', 'Kela');
    const inactive = await fixtures.organisation('ngo', 'Vanha järjestö');
    await t.app.get(OrganisationsService).update(inactive.id, { active: false });
    const site = await fixtures.site('Ohjaamo Helsinki');
    await t.app.get(SitesService).update(site.id, {
      openingHours: { '1': [{ opens: '10:00', closes: '16:00' }] },
    });
    await t.app.get(SitesService).setCalendar(site.id, [
      { organisationId: organisation.id, weekday: 1 },
      { organisationId: organisation.id, weekday: 3, starts: '12:00', ends: '15:00' },
    ]);
    admin = await fixtures.user({
      roles: ['admin'],
      organisation,
      sites: [site],
      email: 'admin@example.test',
    });
    const other = await fixtures.user({ roles: ['adviser'], organisation, sites: [site] });
    await t.app.get(AccessTokenService).create(admin, {
      name: 'Report script',
      scopes: ['sites.read'],
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    ids = { user: other.id, organisation: organisation.id, site: site.id };

    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs in with the keyboard only', async () => {
    await page.goto(`${base}/sign-in`);
    await expectNoViolations('/sign-in');
    await tabTo('#field-email');
    await page.keyboard.type(admin.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TEST_PASSWORD);
    await Promise.all([page.waitForURL(`${base}/`), page.keyboard.press('Enter')]);
    expect(await page.textContent('h1')).toContain(admin.displayName);
  });

  it('shows every admin and profile page without accessibility violations', async () => {
    const paths = [
      '/admin/users',
      '/admin/users?q=zzz',
      '/admin/users/new',
      `/admin/users/${ids.user}`,
      '/admin/organisations',
      '/admin/organisations/new',
      `/admin/organisations/${ids.organisation}`,
      '/admin/sites',
      '/admin/sites/new',
      `/admin/sites/${ids.site}`,
      `/admin/sites/${ids.site}/calendar`,
      '/admin/audit',
      `/admin/audit?userId=${admin.id}`,
      '/admin/queues',
      '/notifications',
      '/profile',
    ];
    const problems: string[] = [];
    for (const path of paths) {
      const response = await page.goto(`${base}${path}`);
      expect(response?.status()).toBe(200);
      const violations = await axeViolations(page);
      if (violations.length > 0) problems.push(`${path}:\n${describeViolations(violations)}`);
    }
    expect(problems.join('\n\n')).toBe('');
  });

  it('shows forms with errors without accessibility violations', async () => {
    const problems: string[] = [];
    const check = async (label: string): Promise<void> => {
      const violations = await axeViolations(page);
      if (violations.length > 0) problems.push(`${label}:\n${describeViolations(violations)}`);
    };
    await page.goto(`${base}/admin/users/new`);
    await Promise.all([
      page.waitForURL(`${base}/admin/users`),
      page.click('form.panel button[type=submit]'),
    ]);
    expect(await page.locator('.error-summary').count()).toBe(1);
    await check('user form with errors');

    await page.goto(`${base}/admin/sites/new`);
    await page.fill('#field-opens-1-0', '16:00');
    await page.fill('#field-closes-1-0', '10:00');
    await Promise.all([
      page.waitForURL(`${base}/admin/sites`),
      page.click('form.panel button[type=submit]'),
    ]);
    await check('site form with errors');

    await page.goto(`${base}/profile`);
    await page.fill('#field-currentPassword', 'wrong password');
    await Promise.all([
      page.waitForURL(`${base}/profile/password`),
      page.click('form[action="/profile/password"] button[type=submit]'),
    ]);
    await check('password form with errors');

    await page.goto(`${base}/profile`);
    await page.fill('#field-name', 'Browser token');
    await page.check('#field-scopes');
    await Promise.all([
      page.waitForURL(`${base}/profile/tokens`),
      page.click('form[action="/profile/tokens"] button[type=submit]'),
    ]);
    expect(await page.inputValue('#new-token')).toMatch(/^ohj_/);
    await check('new token page');
    expect(problems.join('\n\n')).toBe('');
  });

  it('creates a user through the form with the keyboard only', async () => {
    await page.goto(`${base}/admin/users/new`);
    await tabTo('#field-organisationId');
    await page.keyboard.type('Helsingin');
    await page.keyboard.press('Tab');
    await page.keyboard.type('keyboard.user@example.test');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Kaisa Näppäimistö');
    await page.keyboard.press('Tab');
    await page.keyboard.type('pitkä ja vahva salasana');
    await tabTo('input[name="roles"][value="adviser"]');
    await page.keyboard.press('Space');
    await tabTo('input[name="siteIds"]');
    await page.keyboard.press('Space');
    await tabTo('#field-language');
    await page.keyboard.type('Swe');
    await tabTo('form.panel button[type="submit"]');
    await Promise.all([
      page.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/),
      page.keyboard.press('Enter'),
    ]);
    expect(await page.textContent('.flash')).toContain('The user was created.');
    await expectNoViolations('created user');

    const [row] = await t.dataSource.query(
      `SELECT u.display_name, u.roles, u.language, o.name AS organisation, count(s.site_id)::int AS sites
         FROM staff_users u JOIN organisations o ON o.id = u.organisation_id
         LEFT JOIN staff_user_sites s ON s.user_id = u.id
        WHERE u.email = 'keyboard.user@example.test'
        GROUP BY u.id, o.name`,
    );
    expect(row).toEqual({
      display_name: 'Kaisa Näppäimistö',
      roles: ['adviser'],
      language: 'sv',
      organisation: 'Helsingin nuorisopalvelut',
      sites: 1,
    });
  });
});
