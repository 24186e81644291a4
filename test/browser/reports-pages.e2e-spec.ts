import type { Browser, Page } from 'playwright-core';
import type { Site, StaffUser } from '@ohjaamo/identity';
import { addMonths, monthOf, RollupBuilder } from '@ohjaamo/reports';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { REPORT_VOCABULARY } from '@ohjaamo/db';
import { seedReportData } from '../e2e/report-fixtures';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser';
import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * The coordinator's dashboard, the monthly report and its exports in a real browser:
 * keyboard only, every page checked with axe (WCAG 2.1 A and AA), the downloads opened.
 */
jest.setTimeout(180_000);

describe('reports in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let coordinator: StaffUser;
  let sites: Site[];
  const lastMonth = addMonths(monthOf(new Date()), -1);

  const expectNoViolations = async (path: string): Promise<void> => {
    const violations = await axeViolations(page);
    if (violations.length > 0) throw new Error(`${path}:\n${describeViolations(violations)}`);
  };
  const tabTo = async (selector: string, limit = 80): Promise<void> => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (await page.locator(`${selector}:focus`).count()) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  };

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    const fixtures = new Fixtures(t.app);
    const organisation = await fixtures.organisation('youth_services', 'Nuorisopalvelut');
    const kela = await fixtures.organisation('kela', 'Kela');
    sites = [await fixtures.site('Ohjaamo Itä'), await fixtures.site('Ohjaamo Länsi')];
    coordinator = await fixtures.user({
      roles: ['coordinator'],
      organisation,
      sites,
      email: 'coordinator@example.test',
    });
    const desk = await fixtures.user({ roles: ['front_desk'], organisation, sites });
    const now = new Date();
    await seedReportData(t.dataSource, {
      siteIds: sites.map((s) => s.id),
      organisationIds: [organisation.id, kela.id],
      userId: desk.id,
      organisationId: organisation.id,
      from: new Date(now.getTime() - 400 * 86_400_000),
      until: new Date(now.getTime() - 3_600_000),
    });
    const months = Array.from({ length: 14 }, (_, i) => addMonths(monthOf(now), i - 13));
    await new RollupBuilder(t.dataSource, REPORT_VOCABULARY).buildMonths(months);
    browser = await launchBrowser();
    page = await browser.newPage({ acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs in and reaches the dashboard from the menu with the keyboard', async () => {
    await page.goto(`${base}/sign-in`);
    await tabTo('#field-email');
    await page.keyboard.type(coordinator.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(TEST_PASSWORD);
    await Promise.all([page.waitForURL(`${base}/`), page.keyboard.press('Enter')]);
    await tabTo('a[href="/reports"]');
    await Promise.all([page.waitForURL(`${base}/reports`), page.keyboard.press('Enter')]);
    expect(await page.textContent('h1')).toBe('Reports dashboard');
  });

  it('shows this month so far and the last 12 months as accessible charts with data tables', async () => {
    await expectNoViolations('/reports');
    const charts = page.locator('svg.chart[role="img"]');
    expect(await charts.count()).toBe(4);
    expect(await charts.first().locator('title').textContent()).toBe('Visits in total');
    // 13 months in each chart's data table.
    expect(await page.locator('.report-chart').first().locator('tbody tr').count()).toBe(13);
    // Filter by site with the keyboard.
    await tabTo('#field-site');
    await page.selectOption('#field-site', sites[1].id);
    await tabTo('form[role="search"] button[type="submit"]');
    await Promise.all([page.waitForURL(/site=/), page.keyboard.press('Enter')]);
    expect(page.url()).toContain(`site=${sites[1].id}`);
    await expectNoViolations('/reports?site');
  });

  it('shows the monthly report with its sections, indicators and export links', async () => {
    await page.goto(`${base}/reports/month?month=${lastMonth}&scope=deployment`);
    await expectNoViolations('/reports/month');
    const sections = await Promise.all(
      (await page.locator('table[data-section]').all()).map((table) =>
        table.getAttribute('data-section'),
      ),
    );
    expect(sections).toEqual([
      'visits',
      'young_people',
      'consents',
      'plans',
      'outcomes',
      'youth_guarantee',
      'events',
    ]);
    expect(await page.locator('tr[data-indicator]').count()).toBe(10);
    // A region report chosen with the form.
    await page.fill('#field-month', lastMonth);
    await page.selectOption('#field-scope', 'region:Uusimaa');
    await Promise.all([
      page.waitForURL(/scope=region/),
      page.click('form.filters button[type="submit"]'),
    ]);
    expect(await page.textContent('#report-heading')).toContain('Region: Uusimaa');
    await expectNoViolations('/reports/month?scope=region');
  });

  it('downloads the CSV and the XLSX, and the XLSX has one sheet per section', async () => {
    await page.goto(`${base}/reports/month?month=${lastMonth}&scope=deployment`);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a[href^="/reports/month.csv"]'),
    ]);
    const csvText = await readFile(await csv.path(), 'utf8');
    expect(csvText.startsWith('\uFEFF')).toBe(true);
    expect(csvText).toContain('Visits in total,');
    expect(csvText).toContain('Core indicators');

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a[href^="/reports/month.xlsx"]'),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await xlsx.path())) as unknown as ExcelJS.Buffer);
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
    // The CSV's and the sheet's total agree with the page.
    const pageTotal = (await page
      .locator('tr[data-row="visits.total"] td')
      .first()
      .textContent())!.trim();
    let sheetTotal: unknown;
    workbook.getWorksheet('Visits')!.eachRow((row) => {
      if (row.getCell(1).value === 'Visits in total') sheetTotal = row.getCell(2).value;
    });
    expect(String(sheetTotal)).toBe(pageTotal);
    expect(csvText).toContain(`Visits in total,${pageTotal},`);
  });

  it('has a printable version with a print stylesheet and a print button', async () => {
    await page.goto(`${base}/reports/month/print?month=${lastMonth}&scope=deployment`);
    await expectNoViolations('/reports/month/print');
    expect(await page.locator('form.filters').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('#print-report').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('#print-report').isVisible()).toBe(true);
  });
});
