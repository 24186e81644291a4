import type { Browser, Page } from 'playwright-core';
import { AccessTokenService, permissionsOf, type StaffUser } from '@ohjaamo/identity';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser';
import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';

jest.setTimeout(180_000);

/**
 * The client's rights in Chromium: the printable access report in the client's language,
 * and the erasure confirm page with its field errors, a refusal by a retention rule and
 * the result; every page passes axe (WCAG 2.1 A and AA) and works from the keyboard.
 */
describe('client rights pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let adviser: StaffUser;
  let headers: Record<string, string>;

  const expectNoViolations = async (label: string): Promise<void> => {
    const violations = await axeViolations(page);
    if (violations.length > 0) throw new Error(`${label}:\n${describeViolations(violations)}`);
  };
  const api = async (method: 'post', url: string, body: object): Promise<{ id: string }> => {
    const res = await t.http[method](url).set(headers).send(body);
    if (res.status >= 300) throw new Error(`${url}: ${res.status} ${res.text}`);
    return res.body as { id: string };
  };
  const newClient = (firstName: string, language: string): Promise<{ id: string }> =>
    api('post', '/api/v1/clients', {
      firstName,
      lastName: 'Selain',
      language,
      acknowledgeDuplicates: true,
    });

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    const fixtures = new Fixtures(t.app);
    const organisation = await fixtures.organisation('youth_services', 'Nuorisopalvelut');
    adviser = await fixtures.user({ roles: ['adviser'], organisation, language: 'fi' });
    const { token } = await t.app.get(AccessTokenService).create(adviser, {
      name: 'browser set-up',
      scopes: [...permissionsOf(adviser.roles)],
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    headers = { Authorization: `Bearer ${token}` };
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${base}/sign-in`);
    await page.keyboard.type(adviser.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/`);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("shows the access report in the client's language, printable and axe-clean", async () => {
    const client = await newClient('Elsa', 'sv');
    await page.goto(`${base}/clients/${client.id}/access-report`);
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(await page.textContent('h1')).toBe('Vem har sett mina uppgifter');
    const table = await page.textContent('table.access-report');
    expect(table).toContain(adviser.displayName);
    expect(table).toContain('Nuorisopalvelut');
    // The print button appears with its script and is reachable by the keyboard.
    const print = page.locator('button[data-print]');
    expect(await print.isVisible()).toBe(true);
    await print.focus();
    expect(await page.locator('button[data-print]:focus').count()).toBe(1);
    await expectNoViolations('access report');
    // The print stylesheet hides the navigation and the back link.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.no-print').first().isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });

  it("prints the export axe-clean, in the client's language", async () => {
    const client = await newClient('Alva', 'en');
    await api('post', `/api/v1/clients/${client.id}/record/entries`, {
      section: 'situation',
      title: 'Studies',
      body: 'Applying to vocational school.',
    });
    await page.goto(`${base}/clients/${client.id}/export`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe('Your data');
    expect(await page.textContent('main')).toContain('Applying to vocational school.');
    await expectNoViolations('export');
  });

  it('shows field errors on the erasure confirm page and keeps the typed reference', async () => {
    const client = await newClient('Pekka', 'fi');
    await page.goto(`${base}/clients/${client.id}/erase`);
    await expectNoViolations('erasure confirm page');
    await page.locator('#field-requestReference').fill('OHJ/2026/5');
    await page.locator('#field-requestReference').press('Enter');
    await page.waitForSelector('.error-summary');
    const summary = await page.textContent('.error-summary');
    expect(summary).toContain('Valitse pyynnön syy.');
    expect(summary).toContain('Vahvista, että olet tarkistanut henkilöllisyyden.');
    expect(await page.inputValue('#field-requestReference')).toBe('OHJ/2026/5');
    await expectNoViolations('erasure confirm page with errors');
  });

  it('names the retention rule that refuses erasure', async () => {
    const client = await newClient('Kaisa', 'fi');
    await api('post', `/api/v1/clients/${client.id}/concerns`, { description: 'Huoli' });
    await page.goto(`${base}/clients/${client.id}/erase`);
    // The confirm page already warns of the rule before anything is sent.
    expect(await page.locator('#erasure-rules [data-rule="open_concern"]').count()).toBe(1);
    await page.selectOption('#field-reason', 'no_longer_needed');
    await page.locator('#field-confirm').check();
    await Promise.all([
      page.waitForNavigation(),
      page.locator('button.button--danger').press('Enter'),
    ]);
    expect(await page.textContent('h2#rules-title')).toBe('Tietoja ei voi poistaa nyt');
    expect(await page.locator('#erasure-rules [data-rule="open_concern"]').count()).toBe(1);
    const [row] = await t.dataSource.query(
      `SELECT first_name, anonymised_at FROM clients WHERE id = $1`,
      [client.id],
    );
    expect(row).toEqual({ first_name: 'Kaisa', anonymised_at: null });
    await expectNoViolations('erasure refused');
  });

  it('erases with the keyboard alone and shows the result', async () => {
    const client = await newClient('Ville', 'fi');
    await page.goto(`${base}/clients/${client.id}/erase`);
    await page.locator('#field-reason').focus();
    await page.keyboard.press('ArrowDown'); // the first reason
    await page.keyboard.press('Tab');
    await page.keyboard.type('OHJ/2026/9');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // the confirmation
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // submit
    await page.waitForSelector('text=Asiakkaan tiedot poistettu');
    await expectNoViolations('erasure done');
    const [audit] = await t.dataSource.query(
      `SELECT details FROM audit_log WHERE client_id = $1 AND action = 'client.anonymised'`,
      [client.id],
    );
    expect(audit.details).toEqual({ reason: 'no_longer_needed', requestReference: 'OHJ/2026/9' });
  });
});
