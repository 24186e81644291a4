import type { Browser, Page } from 'playwright-core';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser';
import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import { totpCode } from '../helpers/totp';

jest.setTimeout(120_000);

/** Sign-in, two-factor, home and error pages: axe-clean in each language. */
describe('common pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let fixtures: Fixtures;

  const expectNoViolations = async (label: string): Promise<void> => {
    const violations = await axeViolations(page);
    if (violations.length > 0) throw new Error(`${label}:\n${describeViolations(violations)}`);
  };

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'adviser' });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    fixtures = new Fixtures(t.app);
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    page = await browser.newPage();
  });
  afterEach(async () => {
    await page.close();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each(['fi', 'sv', 'en'])(
    'the sign-in page and its failure message in %s',
    async (language) => {
      await page.goto(`${base}/language/${language}?return=/sign-in`);
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      await expectNoViolations(`sign-in ${language}`);
      await page.fill('#field-email', 'nobody@example.test');
      await page.fill('#field-password', 'wrong password here');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.error-summary');
      await expectNoViolations(`sign-in failure ${language}`);
    },
  );

  it('the two-factor enrolment page, the home page and an error page', async () => {
    const adviser = await fixtures.user({ roles: ['adviser'] });
    await page.goto(`${base}/sign-in`);
    await page.fill('#field-email', adviser.email);
    await page.fill('#field-password', TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/mfa\/enrol/);
    await expectNoViolations('mfa enrol');
    const secret = (await page.locator('code').textContent()) ?? '';
    await page.fill('#field-code', await totpCode(secret));
    await page.keyboard.press('Enter');
    await page.waitForSelector('.code-list');
    await expectNoViolations('recovery codes');
    await page.goto(`${base}/`);
    await page.locator('form[action="/sign-out"] button').click();
    await page.waitForURL(/\/sign-in/);
    await page.fill('#field-email', adviser.email);
    await page.fill('#field-password', TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sign-in\/mfa/);
    await expectNoViolations('mfa code');

    const coordinator = await fixtures.user({ roles: ['coordinator'] });
    const other = await browser.newPage();
    await other.goto(`${base}/sign-in`);
    await other.fill('#field-email', coordinator.email);
    await other.fill('#field-password', TEST_PASSWORD);
    await other.keyboard.press('Enter');
    await other.waitForURL(`${base}/`);
    page = other;
    await expectNoViolations('home');
    await page.goto(`${base}/clients/00000000-0000-4000-8000-000000000000`);
    expect(await page.locator('h1').textContent()).toContain('403');
    await expectNoViolations('error page');
  });
});
