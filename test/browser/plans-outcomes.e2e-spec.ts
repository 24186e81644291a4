import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { StaffUser } from '@ohjaamo/identity';
import { addDays, helsinkiDate } from '@ohjaamo/platform';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser';
import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import { bearer, clientOf, planBody } from '../e2e/plans-fixtures';

jest.setTimeout(240_000);

/**
 * The client's plan, self-assessments, outcomes and concerns in Chromium: two advisers
 * editing the plan at once, the self-assessment trend chart, an outcome with its
 * follow-ups, and concern deadlines up to the coordinator's counts. Every page passes axe
 * (WCAG 2.1 A and AA) and the forms work from the keyboard.
 */
describe('plans and outcomes in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let adviser: StaffUser;
  let colleague: StaffUser;
  let coordinator: StaffUser;
  let clientId: string;
  const contexts: BrowserContext[] = [];
  const today = (): string => helsinkiDate(new Date());

  const signedIn = async (user: StaffUser): Promise<Page> => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.fill('#field-email', user.email);
    await page.fill('#field-password', TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/`);
    return page;
  };
  const expectNoViolations = async (page: Page, label: string): Promise<void> => {
    const violations = await axeViolations(page);
    if (violations.length > 0) throw new Error(`${label}:\n${describeViolations(violations)}`);
  };
  const tabTo = async (page: Page, selector: string, limit = 200): Promise<void> => {
    for (let i = 0; i < limit; i++) {
      if (await page.locator(`${selector}:focus`).count()) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${selector}`);
  };
  const shot = async (page: Page, name: string): Promise<void> => {
    if (process.env.SCREENSHOTS)
      await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}.png`, fullPage: true });
  };

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    const fixtures = new Fixtures(t.app);
    const site = await fixtures.site('Ohjaamo Selaintesti');
    const organisation = await fixtures.organisation('youth_services', 'Nuorisopalvelut');
    const user = (roles: ['adviser'] | ['coordinator']) =>
      fixtures.user({ roles, organisation, sites: [site], language: 'en' });
    adviser = await user(['adviser']);
    colleague = await user(['adviser']);
    coordinator = await user(['coordinator']);
    clientId = await clientOf(t, await bearer(t, adviser), adviser.id);
    await t.http
      .put(`/api/v1/clients/${clientId}/plan`)
      .set(await bearer(t, adviser))
      .send(planBody({ goals: ['Original goal'] }))
      .expect(200);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await t?.close();
  });

  it('two advisers edit the plan at once: the second gets a conflict and keeps their text', async () => {
    const first = await signedIn(adviser);
    const second = await signedIn(colleague);
    await first.goto(`${base}/clients/${clientId}/plan`);
    await second.goto(`${base}/clients/${clientId}/plan`);
    await expectNoViolations(first, 'plan page');

    await first.fill('[id="field-goals.0"]', 'Goal by the first adviser');
    await first.locator('.actions button[value="save"]').click();
    await first.waitForSelector('.flash--success');

    await second.fill('[id="field-goals.0"]', 'Goal by the second adviser');
    await second.locator('.actions button[value="save"]').click();
    await second.waitForSelector('.conflict');
    await shot(second, 'plan-conflict');
    expect(await second.locator('.conflict').textContent()).toContain('Goal by the first adviser');
    expect(await second.inputValue('[id="field-goals.0"]')).toBe('Goal by the second adviser');
    await expectNoViolations(second, 'plan conflict');
    const [stored] = await t.dataSource.query(
      `SELECT version, content FROM plans WHERE client_id = $1`,
      [clientId],
    );
    expect(stored.version).toBe(2);
    expect(stored.content.goals).toEqual(['Goal by the first adviser']);

    // Having seen both, the second adviser saves on purpose.
    await second.locator('.actions button[value="save"]').click();
    await second.waitForSelector('.flash--success');
    const [after] = await t.dataSource.query(
      `SELECT version, content FROM plans WHERE client_id = $1`,
      [clientId],
    );
    expect(after.version).toBe(3);
    expect(after.content.goals).toEqual(['Goal by the second adviser']);
  });

  it('adds an action row from the keyboard without losing what was typed, and shows errors next to fields', async () => {
    const page = await signedIn(adviser);
    await page.goto(`${base}/clients/${clientId}/plan`);
    await page.fill('#field-concern', 'Typed before adding a row');
    await tabTo(page, 'button[value="add:actions"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[id="field-actions.1.what"]');
    expect(await page.inputValue('#field-concern')).toBe('Typed before adding a row');
    await page.fill('[id="field-actions.1.what"]', 'Too early');
    await page.fill('[id="field-actions.1.dueDate"]', addDays(today(), -400));
    await page.focus('[id="field-actions.1.what"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-summary');
    expect(await page.locator('[id="error-actions.1.dueDate"]').textContent()).toContain(
      'before the plan starts',
    );
    expect(await page.inputValue('#field-concern')).toBe('Typed before adding a row');
    await expectNoViolations(page, 'plan with errors');
    await page.goto(`${base}/clients/${clientId}/plan/versions`);
    await expectNoViolations(page, 'plan versions');
    await page.locator('a[href$="/plan/versions/1"]').click();
    await page.waitForSelector('text=Original goal');
    await expectNoViolations(page, 'plan version 1');
  });

  it('records self-assessments and shows the change since the baseline as a chart and table', async () => {
    const page = await signedIn(adviser);
    await page.goto(`${base}/clients/${clientId}/self-assessments`);
    await expectNoViolations(page, 'self-assessments, none yet');
    await page.fill('#field-assessedOn', addDays(today(), -60));
    await page.fill('[id="field-scores.money"]', '3');
    await page.fill('[id="field-scores.housing"]', '7');
    await page.focus('[id="field-scores.housing"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.flash--success');

    await page.fill('[id="field-scores.money"]', '12');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-summary');
    expect(await page.locator('[id="error-scores.money"]').textContent()).toContain('1–10');
    await expectNoViolations(page, 'self-assessment error');

    await page.fill('[id="field-scores.money"]', '8');
    await page.fill('[id="field-scores.housing"]', '5');
    await page.focus('[id="field-scores.money"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.flash--success');
    await shot(page, 'self-assessment-trend');
    const chart = page.locator('svg.trend-chart[role="img"]');
    expect(await chart.locator('title').textContent()).toContain('baseline');
    expect(await chart.locator('desc').textContent()).toContain('1 improved, 1 declined');
    expect(await chart.locator('rect.trend-chart__latest').count()).toBe(2);
    const table = await page.locator('table.data').first().textContent();
    expect(table).toContain('+5');
    expect(table).toContain('-2');
    await expectNoViolations(page, 'self-assessment trend');
  });

  it('records an outcome, sees its follow-ups and records the 3-month one', async () => {
    const page = await signedIn(adviser);
    await page.goto(`${base}/clients/${clientId}/outcomes`);
    await expectNoViolations(page, 'outcomes, none yet');
    await page.selectOption('#field-category', 'apprenticeship');
    await page.fill('#field-startDate', addDays(today(), -120));
    await page.fill('#field-employerOrInstitution', 'Rakennus Oy');
    await page.focus('#field-employerOrInstitution');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.flash--success');
    const followUps = page.locator('article.outcome tbody tr');
    expect(await followUps.count()).toBe(3);
    expect(await followUps.nth(0).textContent()).toContain('Overdue');
    await shot(page, 'outcome-follow-ups');
    await expectNoViolations(page, 'outcome with follow-ups');

    await tabTo(page, 'a[href*="/outcomes/follow-ups/"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#field-stillHolds');
    await expectNoViolations(page, 'follow-up form');
    await tabTo(page, '#field-stillHolds');
    await page.keyboard.press('Space');
    await tabTo(page, 'form .actions button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.flash--success');
    expect(await followUps.nth(0).textContent()).toContain('still holds');
  });

  it('flags a concern with its deadline; when overdue the coordinator sees only a count', async () => {
    const page = await signedIn(adviser);
    await page.goto(`${base}/clients/${clientId}/outcomes`);
    await page.fill('#field-description', 'Has not answered for two weeks');
    await tabTo(page, 'form[action$="/concerns"] button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.flash--success');
    const concern = page.locator('article.concern').first();
    expect(await concern.textContent()).toContain('React by');
    await expectNoViolations(page, 'concern flagged');

    await t.dataSource.query(
      `UPDATE concerns SET raised_at = now() - interval '4 days', react_by = now() - interval '1 day'
        WHERE client_id = $1`,
      [clientId],
    );
    await page.goto(`${base}/tasks`);
    await shot(page, 'tasks');
    const concerns = await page.locator('section[aria-labelledby="task-concerns"]').textContent();
    expect(concerns).toContain('Past the reaction deadline');
    await expectNoViolations(page, 'my tasks');

    const coordinatorPage = await signedIn(coordinator);
    await coordinatorPage.locator('nav.main-nav a[href="/tasks/overdue-concerns"]').click();
    await coordinatorPage.waitForSelector('table.data');
    const text = (await coordinatorPage.locator('main').textContent()) ?? '';
    expect(text).toContain('Ohjaamo Selaintesti');
    expect(text).toContain('Overdue concerns in all: 1');
    expect(text).not.toContain('Has not answered');
    expect(text).not.toContain('Testinen');
    await expectNoViolations(coordinatorPage, 'coordinator overdue concerns');

    await page.goto(`${base}/clients/${clientId}/outcomes`);
    await page.fill('input[name="resolution"]', 'Reached by phone');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.flash--success');
    expect(await page.locator('article.concern').first().textContent()).toContain('Handled');
    await coordinatorPage.reload();
    expect(await coordinatorPage.locator('main').textContent()).toContain('No overdue concerns');
  });

  it.each(['fi', 'sv'])('the client pages pass axe in %s too', async (language) => {
    const page = await signedIn(adviser);
    await page.goto(`${base}/language/${language}?return=/tasks`);
    expect(await page.getAttribute('html', 'lang')).toBe(language);
    await expectNoViolations(page, `tasks ${language}`);
    for (const path of ['plan', 'plan/versions', 'self-assessments', 'outcomes']) {
      await page.goto(`${base}/clients/${clientId}/${path}`);
      await expectNoViolations(page, `${path} ${language}`);
    }
  });
});
