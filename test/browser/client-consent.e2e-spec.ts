import type { Browser, Page } from 'playwright-core';
import type { Organisation, StaffUser } from '@ohjaamo/identity';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser';
import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import { bearerFor, newEntry } from '../e2e/consent-fixtures';

jest.setTimeout(180_000);

const RECORD_BUTTON =
  'form[enctype="multipart/form-data"] .actions button.button:not(.button--secondary)';

/**
 * The shared record and written consent in Chromium: a youth-services adviser records a
 * consent for Kela through the wizard (a validation error first, then a signature drawn on
 * screen), a Kela adviser sees the benefits entry and a note for what stays hidden, and a
 * withdrawal hides the entry on Kela's next page. The scope step is done with the keyboard
 * alone; every page passes axe (WCAG 2.1 A and AA).
 */
describe('client page and consent wizard in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let adviserPage: Page;
  let kelaPage: Page;
  let base: string;
  let adviser: StaffUser;
  let kelaAdviser: StaffUser;
  let kela: Organisation;
  let clientId: string;

  const tabTo = async (page: Page, selector: string, limit = 80): Promise<void> => {
    for (let i = 0; i < limit; i++) {
      if (await page.locator(`${selector}:focus`).count()) return;
      await page.keyboard.press('Tab');
    }
    await page.screenshot({ path: '/tmp/client-consent-fail.png', fullPage: true });
    throw new Error(`Tab never reached ${selector}`);
  };
  const expectNoViolations = async (page: Page, label: string): Promise<void> => {
    const violations = await axeViolations(page);
    if (violations.length > 0) throw new Error(`${label}:\n${describeViolations(violations)}`);
  };
  const shot = async (page: Page, name: string): Promise<void> => {
    if (process.env.SCREENSHOTS) {
      await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}.png`, fullPage: true });
    }
  };
  const signIn = async (page: Page, user: StaffUser, path: string): Promise<void> => {
    await page.goto(`${base}${path}`);
    await page.keyboard.type(user.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}${path}`);
  };
  const consents = (): Promise<{ id: string; status: string; method: string; mime: string }[]> =>
    t.dataSource.query(
      `SELECT c.id, c.status, c.method, e.mime_type AS mime FROM consents c
         LEFT JOIN consent_evidence e ON e.consent_id = c.id WHERE c.client_id = $1`,
      [clientId],
    );

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    const fixtures = new Fixtures(t.app);
    const site = await fixtures.site('Ohjaamo Testilä');
    const youth = await fixtures.organisation('youth_services', 'Nuorisopalvelut Testilä');
    kela = await fixtures.organisation('kela', 'Kela Testilä');
    adviser = await fixtures.user({ roles: ['adviser'], organisation: youth, sites: [site] });
    kelaAdviser = await fixtures.user({ roles: ['adviser'], organisation: kela, sites: [site] });
    const headers = await bearerFor(t, adviser);
    const created = await t.http
      .post('/api/v1/clients')
      .set(headers)
      .send({ firstName: 'Aino', lastName: 'Selain', acknowledgeDuplicates: true })
      .expect(201);
    clientId = (created.body as { id: string }).id;
    await newEntry(t, headers, clientId, 'benefits');
    await t.http
      .post(`/api/v1/clients/${clientId}/record/entries`)
      .set(headers)
      .send({ section: 'health_social', title: 'Terveysmerkintä', body: 'Luottamuksellinen.' })
      .expect(201);
    browser = await launchBrowser();
    adviserPage = await (await browser.newContext()).newPage();
    kelaPage = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows Kela, before any consent, only notes saying what is hidden and why', async () => {
    await signIn(kelaPage, kelaAdviser, `/clients/${clientId}`);
    const benefits = kelaPage.locator('#section-benefits');
    expect(await benefits.locator('.record-hidden').textContent()).toBe(
      "Nuorisopalvelut Testilä's notes (Benefits (Kela)) are not shared with your organisation: no consent.",
    );
    expect(await benefits.locator('.record-entry').count()).toBe(0);
    await shot(kelaPage, 'client-page-hidden');
    await expectNoViolations(kelaPage, '/clients/:id with hidden sections');
  });

  it('shows the recording adviser the whole record and adds an entry', async () => {
    await signIn(adviserPage, adviser, `/clients/${clientId}`);
    expect(await adviserPage.locator('#section-benefits .record-entry').count()).toBe(1);
    expect(await adviserPage.locator('.record-hidden').count()).toBe(0);
    await expectNoViolations(adviserPage, '/clients/:id');
    await adviserPage.selectOption('#field-section', 'situation');
    await adviserPage.fill('#field-title', 'Opintopolku');
    await adviserPage.fill('#field-body', 'Hakee syksyllä ammattikouluun.');
    await adviserPage.click('#entry-form-title ~ form button[type="submit"]');
    await adviserPage.waitForSelector('.flash--success');
    expect(await adviserPage.locator('#section-situation .record-entry').count()).toBe(1);
  });

  it('chooses the scope with the keyboard alone, an error first', async () => {
    await adviserPage.goto(`${base}/clients/${clientId}/consents/new`);
    await expectNoViolations(adviserPage, '/clients/:id/consents/new');
    // Nothing chosen: the error summary gets focus and names the missing choices.
    await tabTo(adviserPage, '#field-purpose');
    await adviserPage.keyboard.type('Etuuksien ja opintojen yhteensovitus');
    await tabTo(adviserPage, 'form[action$="/consents/scope"] button[type="submit"]');
    await adviserPage.keyboard.press('Enter');
    await adviserPage.waitForSelector('.error-summary');
    expect(await adviserPage.locator('#error-sections').textContent()).toContain(
      'Choose at least one category.',
    );
    expect(await adviserPage.locator('#error-organisationIds').textContent()).toContain(
      'Choose at least one agency',
    );
    expect(await adviserPage.inputValue('#field-purpose')).toBe(
      'Etuuksien ja opintojen yhteensovitus',
    );
    await expectNoViolations(adviserPage, '/clients/:id/consents/scope with errors');
    expect(await consents()).toHaveLength(0);

    const kelaBox = `input[name="organisationIds"][value="${kela.id}"]`;
    await tabTo(adviserPage, kelaBox);
    await adviserPage.keyboard.press('Space');
    await tabTo(adviserPage, 'input[name="sections"][value="benefits"]');
    await adviserPage.keyboard.press('Space');
    await tabTo(adviserPage, 'form[action$="/consents/scope"] button[type="submit"]');
    await adviserPage.keyboard.press('Enter');
    await adviserPage.waitForSelector('iframe.consent-preview');
    await shot(adviserPage, 'consent-sign');
    await expectNoViolations(adviserPage, '/clients/:id/consents/scope (sign step)');
  });

  it('previews exactly the scope chosen, in the form language (the client has none: Finnish)', async () => {
    const frame = adviserPage.frameLocator('iframe.consent-preview');
    expect(await frame.locator('h1').textContent()).toBe('Suostumus tietojen luovuttamiseen');
    const items = await frame.locator('li').allTextContents();
    expect(items).toEqual(['Kela Testilä', 'Etuudet (Kela)']);
  });

  it('asks for a signature, then records the one drawn on screen', async () => {
    await adviserPage.focus('input[name="way"][value="signature_on_screen"]');
    await adviserPage.keyboard.press('Space');
    expect(await adviserPage.isChecked('input[name="way"][value="signature_on_screen"]')).toBe(
      true,
    );
    await adviserPage.focus(RECORD_BUTTON);
    await adviserPage.keyboard.press('Enter');
    await adviserPage.waitForSelector('#error-signature');
    expect(await adviserPage.locator('#error-signature').textContent()).toContain(
      'Sign in the box',
    );
    await expectNoViolations(adviserPage, 'sign step with an error');
    expect(await consents()).toHaveLength(0);

    const canvas = adviserPage.locator('canvas.signature-pad__canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await adviserPage.mouse.move(box.x + 20, box.y + box.height / 2);
    await adviserPage.mouse.down();
    for (let i = 1; i <= 20; i++) {
      await adviserPage.mouse.move(
        box.x + 20 + i * 12,
        box.y + box.height / 2 + (i % 2 ? -15 : 15),
      );
    }
    await adviserPage.mouse.up();
    expect(await adviserPage.inputValue('input[name="signature"]')).toMatch(
      /^data:image\/png;base64,/,
    );
    await adviserPage.focus(RECORD_BUTTON);
    await adviserPage.keyboard.press('Enter');
    await adviserPage.waitForURL(new RegExp(`/clients/${clientId}/consents`));
    await adviserPage.waitForSelector('.flash--success');
    const rows = await consents();
    expect(rows).toEqual([
      expect.objectContaining({
        status: 'given',
        method: 'signature_on_screen',
        mime: 'image/png',
      }),
    ]);
    expect(await adviserPage.locator('table.consent-scope th[scope="row"]').textContent()).toBe(
      'Kela Testilä',
    );
    await shot(adviserPage, 'consent-card');
    await expectNoViolations(adviserPage, '/clients/:id/consents');
  });

  it('shows Kela the benefits entry at once, and still says why health data is hidden', async () => {
    await kelaPage.reload();
    expect(await kelaPage.locator('#section-benefits .record-entry').count()).toBe(1);
    expect(await kelaPage.locator('#section-health_social .record-hidden').textContent()).toContain(
      'no consent',
    );
    await expectNoViolations(kelaPage, '/clients/:id under consent');
  });

  it('withdraws the consent after a confirming step, hiding the entry from Kela at once', async () => {
    const [consent] = await consents();
    await tabTo(adviserPage, `a[href$="/consents/${consent.id}/withdraw"]`);
    await adviserPage.keyboard.press('Enter');
    await adviserPage.waitForSelector('form[action$="/withdraw"]');
    await expectNoViolations(adviserPage, '/clients/:id/consents/:id/withdraw');
    await tabTo(adviserPage, 'form[action$="/withdraw"] button[type="submit"]');
    await adviserPage.keyboard.press('Enter');
    await adviserPage.waitForSelector('.flash--success');
    expect((await consents())[0].status).toBe('withdrawn');
    expect(await adviserPage.locator(`#consent-${consent.id} table tbody tr`).count()).toBe(2);
    await expectNoViolations(adviserPage, '/clients/:id/consents after withdrawal');

    await kelaPage.reload();
    expect(await kelaPage.locator('#section-benefits .record-entry').count()).toBe(0);
    expect(await kelaPage.locator('#section-benefits .record-hidden').textContent()).toBe(
      "Nuorisopalvelut Testilä's notes (Benefits (Kela)) are not shared with your organisation: consent withdrawn.",
    );
    await expectNoViolations(kelaPage, '/clients/:id after withdrawal');
  });

  it('records a consent by typed name with the keyboard alone', async () => {
    await adviserPage.goto(`${base}/clients/${clientId}/consents/new`);
    await tabTo(adviserPage, 'input[name="organisationKinds"][value="kela"]');
    await adviserPage.keyboard.press('Space');
    await tabTo(adviserPage, 'input[name="sections"][value="situation"]');
    await adviserPage.keyboard.press('Space');
    await tabTo(adviserPage, '#field-purpose');
    await adviserPage.keyboard.type('Opintojen suunnittelu');
    await adviserPage.keyboard.press('Enter'); // a newline in the textarea, not a submit
    await tabTo(adviserPage, 'form[action$="/consents/scope"] button[type="submit"]');
    await adviserPage.keyboard.press('Enter');
    await adviserPage.waitForSelector('iframe.consent-preview');
    await tabTo(adviserPage, '#field-way');
    // Arrow keys move within the radio group: signature → typed name.
    await adviserPage.keyboard.press('ArrowDown');
    expect(await adviserPage.isChecked('input[name="way"][value="typed_name"]')).toBe(true);
    await tabTo(adviserPage, '#field-typedName');
    await adviserPage.keyboard.type('Aino Selain');
    await tabTo(adviserPage, '#field-typedConfirm');
    await adviserPage.keyboard.press('Space');
    await tabTo(adviserPage, RECORD_BUTTON);
    await adviserPage.keyboard.press('Enter');
    await adviserPage.waitForSelector('.flash--success');
    const given = (await consents()).filter((c) => c.status === 'given');
    expect(given).toEqual([
      expect.objectContaining({ method: 'electronic', mime: 'application/pdf' }),
    ]);
  });
});
