import type { Browser, Page } from 'playwright-core';
import type { StaffUser } from '@ohjaamo/identity';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser';
import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import { bearerFor } from '../e2e/consent-fixtures';

jest.setTimeout(180_000);

/**
 * Registering and editing a client in Chromium with the keyboard alone: search first, a
 * wrong identity code shown next to its field, the duplicate warning confirmed, then an
 * edit. Every page passes axe (WCAG 2.1 A and AA) in English and in Finnish.
 */
describe('client register and edit forms in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let adviser: StaffUser;
  let finnish: StaffUser;
  let existingId: string;

  const tabTo = async (on: Page, selector: string, limit = 80): Promise<void> => {
    for (let i = 0; i < limit; i++) {
      if (await on.locator(`${selector}:focus`).count()) return;
      await on.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${selector}`);
  };
  const expectNoViolations = async (on: Page, label: string): Promise<void> => {
    const violations = await axeViolations(on);
    if (violations.length > 0) throw new Error(`${label}:\n${describeViolations(violations)}`);
  };
  const signIn = async (on: Page, user: StaffUser, path: string): Promise<void> => {
    await on.goto(`${base}${path}`);
    await on.keyboard.type(user.email);
    await on.keyboard.press('Tab');
    await on.keyboard.type(TEST_PASSWORD);
    await on.keyboard.press('Enter');
    await on.waitForURL(`${base}${path}`);
  };
  const clientsNamed = (lastName: string): Promise<{ id: string; municipality: string }[]> =>
    t.dataSource.query(`SELECT id, municipality FROM clients WHERE last_name = $1`, [lastName]);

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    const fixtures = new Fixtures(t.app);
    const organisation = await fixtures.organisation('youth_services', 'Nuorisopalvelut');
    const site = await fixtures.site('Ohjaamo Testilä');
    adviser = await fixtures.user({ roles: ['adviser'], organisation, sites: [site] });
    finnish = await fixtures.user({
      roles: ['adviser'],
      organisation,
      sites: [site],
      language: 'fi',
    });
    // Someone already registered with the same birth date and name: a likely duplicate.
    const created = await t.http
      .post('/api/v1/clients')
      .set(await bearerFor(t, adviser))
      .send({ firstName: 'Kaisa', lastName: 'Näppäin', birthDate: '2005-06-15' })
      .expect(201);
    existingId = (created.body as { id: string }).id;
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('searches first, with the keyboard', async () => {
    await signIn(page, adviser, '/clients/new');
    await expectNoViolations(page, '/clients/new');
    await tabTo(page, '#field-name');
    await page.keyboard.type('Näppäin');
    await page.keyboard.press('Enter');
    await page.waitForSelector('form[action="/clients/new"]');
    // The criteria travelled in the body: the address bar holds none of them.
    expect(page.url()).toBe(`${base}/clients/new/search`);
    expect(await page.locator(`a[href="/clients/${existingId}"]`).count()).toBe(1);
    expect(await page.inputValue('#field-lastName')).toBe('Näppäin');
    await expectNoViolations(page, '/clients/new after a search');
  });

  it('shows a wrong identity code next to its field and stores nothing', async () => {
    await tabTo(page, 'form[action="/clients/new"] #field-firstName');
    await page.keyboard.type('Kaisa');
    await tabTo(page, '#field-identityCode');
    await page.keyboard.type('150605A123T');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-summary');
    expect(await page.locator('#error-identityCode').textContent()).toContain('check character');
    expect(await page.inputValue('#field-firstName')).toBe('Kaisa');
    expect(await clientsNamed('Näppäin')).toHaveLength(1);
    await expectNoViolations(page, '/clients/new with an error');
  });

  it('warns of the likely duplicate and registers only when confirmed', async () => {
    await tabTo(page, '#field-identityCode');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('150605A123S');
    await tabTo(page, '#field-municipality');
    await page.keyboard.type('Tampere');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#duplicates');
    expect(await page.locator(`#duplicates a[href="/clients/${existingId}"]`).count()).toBe(1);
    expect(await clientsNamed('Näppäin')).toHaveLength(1);
    await expectNoViolations(page, '/clients/new with the duplicate warning');

    await tabTo(page, '#field-acknowledgeDuplicates');
    await page.keyboard.press('Space');
    await tabTo(page, 'form[action="/clients/new"] button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.flash--success');
    const rows = await clientsNamed('Näppäin');
    expect(rows).toHaveLength(2);
    const created = rows.find((r) => r.id !== existingId)!;
    expect(created.municipality).toBe('Tampere');
    expect(page.url()).toBe(`${base}/clients/${created.id}`);
    await expectNoViolations(page, '/clients/:id after registering');
  });

  it('edits the client from the client page with the keyboard', async () => {
    const id = page.url().split('/').pop()!;
    await tabTo(page, `a[href="/clients/${id}/edit"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/clients/${id}/edit`);
    expect(await page.content()).not.toContain('150605A123S');
    await expectNoViolations(page, '/clients/:id/edit');
    await tabTo(page, '#field-municipality');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Turku');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/clients/${id}`);
    await page.waitForSelector('.flash--success');
    const rows = await clientsNamed('Näppäin');
    expect(rows.find((r) => r.id === id)!.municipality).toBe('Turku');
  });

  it('hides the address fields under a non-disclosure order', async () => {
    const id = page.url().split('/').pop()!;
    await page.goto(`${base}/clients/${id}/edit`);
    expect(await page.isVisible('#field-streetAddress')).toBe(true);
    await tabTo(page, '#field-nonDisclosure');
    await page.keyboard.press('Space');
    expect(await page.isVisible('#field-streetAddress')).toBe(false);
    await expectNoViolations(page, '/clients/:id/edit with a non-disclosure order');
  });

  it('passes axe in Finnish on every step', async () => {
    const context = await browser.newContext();
    const fi = await context.newPage();
    await signIn(fi, finnish, '/clients/new');
    expect(await fi.getAttribute('html', 'lang')).toBe('fi');
    await expectNoViolations(fi, '/clients/new (fi)');
    await tabTo(fi, '#field-name');
    await fi.keyboard.type('Näppäin');
    await fi.keyboard.press('Enter');
    await fi.waitForSelector('form[action="/clients/new"]');
    await expectNoViolations(fi, '/clients/new after a search (fi)');
    await tabTo(fi, 'form[action="/clients/new"] #field-firstName');
    await fi.keyboard.type('Kaisa');
    await tabTo(fi, '#field-identityCode');
    await fi.keyboard.type('150605Z123S');
    await fi.keyboard.press('Enter');
    await fi.waitForSelector('.error-summary');
    expect(await fi.locator('#error-identityCode').textContent()).toContain('Henkilötunnus');
    await expectNoViolations(fi, '/clients/new with an error (fi)');
    // Another person born the same day with the same name: a likely duplicate again.
    await tabTo(fi, '#field-identityCode');
    await fi.keyboard.press('Control+A');
    await fi.keyboard.type('150605A124T');
    await tabTo(fi, 'form[action="/clients/new"] button[type="submit"]');
    await fi.keyboard.press('Enter');
    await fi.waitForSelector('#duplicates');
    await expectNoViolations(fi, '/clients/new with the duplicate warning (fi)');
    await fi.goto(`${base}/clients/${existingId}/edit`);
    await expectNoViolations(fi, '/clients/:id/edit (fi)');
    await context.close();
  });
});
