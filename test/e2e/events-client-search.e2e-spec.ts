import type TestAgent from 'supertest/lib/agent';
import type { Site } from '@ohjaamo/identity';
import { csrfFrom, sessionCsrf, signedInAgent } from '../helpers/browser-session';
import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { createTestApp, TestApp } from '../helpers/test-app';
import { eventOf } from './events-fixtures';
import { bearer, type Headers } from './plans-fixtures';

// Registering a linked client from the event page: the desk's client search (criteria
// in the body, never the URL; its rules and its one audit row), then a pick from the hits.

describe('recruitment events: registering a client found by search', () => {
  let t: TestApp;
  let site: Site;
  let adviser: Headers;
  let browser: TestAgent;
  let eventId: string;
  let aino: string;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    const fixtures = new Fixtures(t.app);
    site = await fixtures.site();
    const organisation = await fixtures.organisation();
    const user = await fixtures.user({ roles: ['adviser'], organisation, sites: [site] });
    adviser = await bearer(t, user);
    browser = await signedInAgent(t.app, user.email, TEST_PASSWORD);
    for (const [firstName, lastName] of [
      ['Aino', 'Hakulainen'],
      ['Eino', 'Hakulainen'],
      ['Iida', 'Muukalainen'],
    ]) {
      const res = await t.http
        .post('/api/v1/clients')
        .set(adviser)
        .send({ firstName, lastName, birthDate: '2006-05-04', acknowledgeDuplicates: true })
        .expect(201);
      if (firstName === 'Aino') aino = res.body.id as string;
    }
    eventId = await eventOf(t, adviser, site.id);
  });
  afterAll(async () => {
    await t.close();
  });

  const search = async (criteria: Record<string, string>, status = 200) =>
    browser
      .post(`/events/${eventId}/client-search`)
      .type('form')
      .send({ ...criteria, _csrf: await sessionCsrf(browser) })
      .expect(status);

  it('finds clients by name and registers the one picked', async () => {
    const found = await search({ searchName: 'hakul' });
    expect(found.text).toContain('Hakulainen, Aino');
    expect(found.text).toContain('Hakulainen, Eino');
    expect(found.text).not.toContain('Muukalainen');
    // The criteria are kept in the form (the body), and the search left one audit row
    // naming only which criteria were used.
    expect(found.text).toContain('value="hakul"');
    const [row] = await t.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'client.search' ORDER BY occurred_at DESC LIMIT 1`,
    );
    expect(row.details).toEqual({ criteria: ['name'], results: 2 });
    expect(JSON.stringify(row.details)).not.toContain('hakul');

    // Each hit has its own form that posts the client's id.
    const pick = new RegExp(
      `action="/events/${eventId}/clients"[^>]*>\\s*<input type="hidden" name="_csrf" value="[^"]+">\\s*<input type="hidden" name="clientId" value="${aino}">`,
    );
    expect(found.text).toMatch(pick);
    await browser
      .post(`/events/${eventId}/clients`)
      .type('form')
      .send({ clientId: aino, _csrf: csrfFrom(found.text) })
      .expect(303);
    const detail = await t.http.get(`/api/v1/events/${eventId}`).set(adviser).expect(200);
    expect(detail.body.registrations).toEqual([
      expect.objectContaining({ kind: 'client', clientId: aino, name: 'Aino Hakulainen' }),
    ]);

    // Found again, Aino is marked as registered and offered no button.
    const again = await search({ searchName: 'Hakulainen Aino' });
    expect(again.text).toContain('registered already');
    expect(again.text).not.toContain(`name="clientId" value="${aino}"`);

    // Picked twice anyway (a stale page): refused with the reason on the search form.
    const twice = await browser
      .post(`/events/${eventId}/clients`)
      .type('form')
      .send({ clientId: aino, _csrf: csrfFrom(again.text) })
      .expect(422);
    expect(twice.text).toContain(
      'href="#field-searchName">This young person is registered already.',
    );
  });

  it('searches by date of birth and phone too, and says when nothing matches', async () => {
    const byBirth = await search({ searchBirthDate: '2006-05-04' });
    expect(byBirth.text).toContain('Muukalainen, Iida');
    const none = await search({ searchName: 'Olematon' });
    expect(none.text).toContain('No client matches.');
  });

  it('refuses a search without criteria or with bad ones, on their fields', async () => {
    const empty = await search({ searchName: '', searchBirthDate: '', searchPhone: '' }, 422);
    expect(empty.text).toContain('href="#field-searchName"');
    const bad = await search({ searchBirthDate: '2006-02-31', searchPhone: 'abc' }, 422);
    expect(bad.text).toContain('href="#field-searchBirthDate"');
    expect(bad.text).toContain('href="#field-searchPhone"');
    expect(bad.text).toContain('value="2006-02-31"');
  });

  it('is only for those who manage events', async () => {
    const desk = await new Fixtures(t.app).user({ roles: ['front_desk'], sites: [site] });
    const deskBrowser = await signedInAgent(t.app, desk.email, TEST_PASSWORD);
    await deskBrowser
      .post(`/events/${eventId}/client-search`)
      .type('form')
      .send({ searchName: 'hakul', _csrf: await sessionCsrf(deskBrowser) })
      .expect(403);
  });
});
