import type { Browser, Page } from 'playwright-core';
import { ClientsService } from '@ohjaamo/clients';
import { EmployersService, EventsService } from '@ohjaamo/employers';
import type { Site, StaffUser } from '@ohjaamo/identity';
import { addDays, helsinkiDate } from '@ohjaamo/platform';
import { axeViolations, describeViolations, launchBrowser } from '../helpers/browser';
import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';

/**
 * A recruitment event from creation to outcomes in a real browser: employers with a
 * vacancy, the event with its employers and young people, preferences and interest, the
 * timetable with a refused manual change, check-in with the keyboard, printable
 * timetables, outcomes, a follow-up and the report. Every page is checked with axe.
 */
jest.setTimeout(240_000);

const tomorrow = (): string => addDays(helsinkiDate(new Date()), 1);

describe('recruitment event pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let base: string;
  let adviser: StaffUser;
  let site: Site;
  let eventId: string;
  const problems: string[] = [];

  /** Records the page's axe violations; the last test fails if there were any. */
  const check = async (label: string): Promise<void> => {
    const violations = await axeViolations(page);
    if (violations.length > 0) problems.push(`${label}:\n${describeViolations(violations)}`);
  };

  /** Clicks a submit button and waits for the page that answers the form. */
  const submit = async (selector: string): Promise<void> => {
    await Promise.all([page.waitForEvent('load'), page.click(selector)]);
  };

  const tabTo = async (selector: string, limit = 120): Promise<void> => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (await page.locator(`${selector}:focus`).count()) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  };

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    await t.app.listen(0, '127.0.0.1');
    const address = t.app.getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
    const fixtures = new Fixtures(t.app);
    site = await fixtures.site('Ohjaamo Helsinki');
    adviser = await fixtures.user({
      roles: ['adviser'],
      sites: [site],
      email: 'events.adviser@example.test',
    });
    // A second employer made through the service: the browser makes the first.
    await t.app.get(EmployersService).create(
      {
        userId: adviser.id,
        organisationId: adviser.organisationId,
        organisationKind: 'youth_services',
        siteIds: [site.id],
        roles: ['adviser'],
      },
      { name: 'Kahvila Aalto', businessId: '1572860-0', contacts: [] },
    );
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${base}/sign-in`);
    await page.fill('#field-email', adviser.email);
    await page.fill('#field-password', TEST_PASSWORD);
    await submit('form button[type=submit]');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('adds an employer with a vacancy, refusing an invalid business ID', async () => {
    await page.goto(`${base}/employers`);
    await check('/employers');
    await page.goto(`${base}/employers/new`);
    await check('/employers/new');
    await page.fill('#field-name', 'Kauppa Virtanen Oy');
    await page.fill('#field-businessId', '0737546-3');
    await page.fill('#field-contact-0-name', 'Maija Virtanen');
    await page.fill('#field-contact-0-email', 'maija@kauppa.example');
    await submit('form.panel button[type=submit]');
    expect(await page.textContent('.error-summary')).toContain('business ID is not valid');
    await check('employer form with errors');
    // What was typed stays.
    expect(await page.inputValue('#field-contact-0-email')).toBe('maija@kauppa.example');
    await page.fill('#field-businessId', '0737546-2');
    await submit('form.panel button[type=submit]');
    expect(await page.textContent('h1')).toBe('Kauppa Virtanen Oy');
    await check('/employers/:id');

    await page.selectOption('#field-vacancy-kind', 'summer_job');
    await page.fill('#field-vacancy-title', 'Kesämyyjä');
    await page.fill('#field-vacancy-opensOn', addDays(tomorrow(), 5));
    await page.fill('#field-vacancy-closesOn', tomorrow());
    await submit('form[action$="/vacancies"] button[type=submit]');
    expect(await page.textContent('.error-summary')).toContain('cannot close before it opens');
    await check('vacancy form with errors');
    await page.fill('#field-vacancy-closesOn', addDays(tomorrow(), 30));
    await submit('form[action$="/vacancies"] button[type=submit]');
    expect(await page.textContent('#vacancies')).toContain('Kesämyyjä');
  });

  it('creates an event, refusing a start in the past', async () => {
    await page.goto(`${base}/events`);
    await check('/events');
    await page.goto(`${base}/events/new`);
    await check('/events/new');
    await page.fill('#field-title', 'Kaupan alan treffit');
    await page.fill('#field-startsAt', `${addDays(tomorrow(), -3)}T12:00`);
    await page.fill('#field-durationMinutes', '60');
    await page.fill('#field-capacity', '10');
    await submit('form.panel button[type=submit]');
    expect(await page.textContent('.error-summary')).toContain('cannot start in the past');
    await check('event form with errors');
    await page.fill('#field-startsAt', `${tomorrow()}T12:00`);
    await page.fill('#field-slotMinutes', '25');
    await submit('form.panel button[type=submit]');
    expect(await page.textContent('.error-summary')).toContain('does not divide');
    await page.fill('#field-slotMinutes', '15');
    await submit('form.panel button[type=submit]');
    expect(await page.textContent('h1')).toBe('Kaupan alan treffit');
    eventId = /\/events\/([0-9a-f-]{36})/.exec(page.url())![1];
    await check('/events/:id');
  });

  it('adds employers and young people with their preferences and interest', async () => {
    for (const [label, tables] of [
      ['Kauppa Virtanen Oy (0737546-2)', '2'],
      ['Kahvila Aalto (1572860-0)', '1'],
    ]) {
      await page.selectOption('#field-employerId', { label });
      await page.fill('#field-tables', tables);
      await submit('form[action$="/employers"] button[type=submit]');
    }
    expect(await page.textContent('#employers')).toContain('Kahvila Aalto');
    // A guest without a way to reach them is refused; the form keeps the name.
    await page.fill('#field-guestName', 'Aino Vieras');
    await submit('form[action$="/guests"] button[type=submit]');
    expect(await page.textContent('.error-summary')).toContain('phone number or an e-mail');
    await check('guest form with errors');
    expect(await page.inputValue('#field-guestName')).toBe('Aino Vieras');
    for (const [name, phone] of [
      ['Aino Vieras', '040 111 1111'],
      ['Eino Vieras', '040 222 2222'],
      ['Iida Vieras', '040 333 3333'],
    ]) {
      await page.fill('#field-guestName', name);
      await page.fill('#field-guestPhone', phone);
      await submit('form[action$="/guests"] button[type=submit]');
    }
    expect(await page.textContent('#registrations')).toContain('Iida Vieras');

    await page.click('#registrations a[href$="/preferences"]');
    await page.waitForLoadState();
    await check('preferences');
    await page.selectOption('#field-choice-1', { label: 'Kahvila Aalto' });
    await submit('form.panel button[type=submit]');
    expect(await page.textContent('#registrations')).toContain('Kahvila Aalto');

    await page.click('#employers a[href$="/interest"]');
    await page.waitForLoadState();
    await check('interest');
    await page.check('#field-registrationIds');
    await submit('form.panel button[type=submit]');
    expect(await page.textContent('#employers')).toContain('Aino Vieras');
  });

  it('generates the timetable and refuses a conflicting manual change', async () => {
    await submit('form[action$="/schedule"] button[type=submit]');
    expect(await page.locator('.timetable tbody tr').count()).toBe(4);
    await check('event with timetable');
    // A second meeting for someone in a round they already have one: refused, nothing changed.
    const before = await page.textContent('.timetable');
    const [meeting] = await page.locator('#field-moveMeeting option').allTextContents();
    const match = /^\D*(\d+): (.+) – (.+)$/.exec(meeting)!;
    const [, round, person, table] = match;
    const otherTable = (await page.locator('#field-addSlot option').allTextContents()).find(
      (label) => label !== table,
    )!;
    await page.selectOption('#field-addParticipant', { label: person });
    await page.selectOption('#field-addRound', round);
    await page.selectOption('#field-addSlot', { label: otherTable });
    await submit('form[action$="/meetings/add"] button[type=submit]');
    expect(await page.textContent('.error-summary')).toContain(
      `already has a meeting in round ${round}`,
    );
    await check('timetable change refused');
    expect(await page.textContent('.timetable')).toBe(before);
  });

  it('edits the event, refusing a change that would break the timetable unless confirmed', async () => {
    await page.goto(`${base}/events/${eventId}`);
    await Promise.all([page.waitForEvent('load'), page.click('a[href$="/edit"]')]);
    await check('/events/:id/edit');
    expect(await page.inputValue('#field-slotMinutes')).toBe('15');
    await page.fill('#field-theme', 'Kauppa ja palvelut');
    await page.fill('#field-slotMinutes', '20');
    await submit('form[action$="/edit"] button[type=submit]');
    expect(await page.textContent('.error-summary')).toContain('Confirm clearing the timetable');
    await check('event edit refused');
    // What was typed stays; the timetable is untouched.
    expect(await page.inputValue('#field-theme')).toBe('Kauppa ja palvelut');
    expect(await page.isChecked('#field-clearTimetable')).toBe(false);
    await page.fill('#field-slotMinutes', '15');
    await submit('form[action$="/edit"] button[type=submit]');
    expect(await page.textContent('.flash')).toContain('The event was changed.');
    expect(await page.textContent('main')).toContain('Kauppa ja palvelut');
    expect(await page.locator('.timetable tbody tr').count()).toBe(4);
  });

  it('checks people in with the keyboard on a tablet-sized page', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${base}/events/${eventId}/check-in`);
    await check('check-in');
    const first = page.locator('.checkin-button--arrived').first();
    const box = await first.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await tabTo('.checkin-button--arrived');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    expect(await page.locator('.checkin-button--arrived[aria-pressed=true]').count()).toBe(1);
    // Everyone else: the employers arrive, Eino is late, Iida does not come.
    const rows = page.locator('.checkin-row');
    const count = await rows.count();
    for (let i = 1; i < count; i++) {
      const text = (await rows.nth(i).textContent()) ?? '';
      const kind = text.includes('Iida') ? 'no_show' : text.includes('Eino') ? 'late' : 'arrived';
      await submit(`.checkin-row >> nth=${i} >> .checkin-button--${kind}`);
    }
    expect(await page.locator('.checkin-row--present').count()).toBe(count - 1);
    await check('check-in after marking');
  });

  it('prints a timetable per employer table and per young person', async () => {
    await page.goto(`${base}/events/${eventId}/timetables`);
    await check('timetables');
    expect(await page.locator('.print-sheet').count()).toBe(3 + 3);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('[data-print]').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });

  it('records outcomes and a follow-up, and shows the report', async () => {
    // The event day comes and goes.
    await t.dataSource.query(
      `UPDATE recruitment_events SET starts_at = starts_at - interval '3 days',
              ends_at = ends_at - interval '3 days' WHERE id = $1`,
      [eventId],
    );
    await page.goto(`${base}/events/${eventId}/outcomes`);
    await check('outcomes');
    const firstForm = page.locator('form.outcome-row').first();
    await firstForm.locator('select').selectOption('second_interview');
    await firstForm.locator('input[type=checkbox]').check();
    await Promise.all([page.waitForEvent('load'), firstForm.locator('button').click()]);
    expect(await page.textContent('.flash')).toContain('outcome was saved');

    const followUp = page.locator('form[action$="/follow-up"]').first();
    await followUp.locator('input[name=hired]').check();
    await Promise.all([page.waitForEvent('load'), followUp.locator('button').click()]);
    expect(await page.locator('.error-summary').count()).toBe(1);
    await check('follow-up with errors');
    const again = page.locator('form[action$="/follow-up"]').first();
    await again.locator('input[name=hired]').check();
    await again.locator('select[name=eventEmployerId]').selectOption({ label: 'Kahvila Aalto' });
    await again.locator('input[name=hiredOn]').fill(helsinkiDate(new Date()));
    await Promise.all([page.waitForEvent('load'), again.locator('button').click()]);
    expect(await page.textContent('.flash')).toContain('follow-up was saved');
    expect(
      await page.textContent('#outcomes-follow-ups + form, form[action$="/follow-up"]'),
    ).toContain('hired by Kahvila Aalto');

    await page.goto(`${base}/events/${eventId}/report`);
    await check('report');
    const report = await page.textContent('main');
    expect(report).toContain('Over a quarter of the participants were hired.');
    expect(report).toContain('50 %');
  });

  it('registers a client found by search, and cancels the event with a reason, keyboard only', async () => {
    const actor = {
      userId: adviser.id,
      organisationId: adviser.organisationId,
      organisationKind: 'youth_services' as const,
      siteIds: [site.id],
      roles: ['adviser' as const],
    };
    const other = await t.app.get(EventsService).create(actor, {
      siteId: site.id,
      title: 'Rakennusalan treffit',
      startsAt: `${addDays(tomorrow(), 7)}T12:00`,
      durationMinutes: 60,
      capacity: 10,
    });
    // A linked client registered by searching for them and picking the hit.
    await t.app.get(ClientsService).create(actor, {
      firstName: 'Ville',
      lastName: 'Hakulinen',
      birthDate: '2005-03-02',
    });
    await page.goto(`${base}/events/${other.id}`);
    await page.fill('#field-searchName', 'Hakul');
    await submit('form[action$="/client-search"] button[type=submit]');
    await check('client search results');
    const hit = page.locator('.client-result', { hasText: 'Hakulinen, Ville' });
    expect(await hit.textContent()).toContain('2005');
    await Promise.all([page.waitForEvent('load'), hit.locator('button').click()]);
    expect(await page.textContent('#registrations')).toContain('Ville Hakulinen');

    await page.goto(`${base}/events/${other.id}/edit`);
    await tabTo('form[action$="/cancel"] button[type=submit]');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    expect(await page.textContent('.error-summary')).toContain('Write why the event is cancelled.');
    await check('event cancel refused');
    await tabTo('#field-reason');
    await page.keyboard.type('Liian vähän työnantajia.');
    await tabTo('form[action$="/cancel"] button[type=submit]');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    expect(await page.textContent('.flash--success')).toContain('The event was cancelled.');
    expect(await page.textContent('main')).toContain('Liian vähän työnantajia.');
    await check('cancelled event');
    await page.goto(`${base}/events`);
    const row = page.locator('tr', { hasText: 'Rakennusalan treffit' });
    expect(await row.textContent()).toContain('cancelled');
    await page.goto(`${base}/events/${other.id}/edit`);
    expect(await page.locator('form[action$="/edit"]').count()).toBe(0);
  });

  it('has no accessibility violations on any page', () => {
    expect(problems.join('\n\n')).toBe('');
  });
});
