import { Fixtures } from '../helpers/fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { nextBusinessId } from './events-fixtures';
import { JobsHarness, type ReceivedMail, startSmtp, waitFor } from './jobs-harness';
import { bearer, type Headers } from './plans-fixtures';
import { day, fiDate, insertContactableClient, mailText, NOON } from './reminder-fixtures';

// "Recruitment event tomorrow": the registered young people (linked clients by their own
// contact method, guests who consented, by SMS or e-mail) and the employers' contact
// persons (e-mail), each once per event day, through the real SMTP server.

describe('reminder: recruitment event tomorrow', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let jobs: JobsHarness;
  let adviser: Headers;
  let organisationId: string;
  let siteId: string;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    const fixtures = new Fixtures(t.app);
    const organisation = await fixtures.organisation();
    const site = await fixtures.site();
    organisationId = organisation.id;
    siteId = site.id;
    adviser = await bearer(
      t,
      await fixtures.user({ roles: ['adviser'], organisation, sites: [site] }),
    );
    smtp = await startSmtp();
    jobs = new JobsHarness(t.dataSource, t.databaseUrl, smtp.url);
    jobs.startWorkers();
  });

  afterAll(async () => {
    await jobs?.close();
    await new Promise<void>((resolve) => smtp?.server.close(() => resolve()));
    await t?.close();
  });

  const mailsTo = (address: string): ReceivedMail[] =>
    smtp.mails.filter((m) => m.to.includes(address));
  const smsTo = (id: string): number => jobs.sms.sent.filter((r) => r === id).length;

  async function event(startsAt: string, contacts: object[]): Promise<string> {
    const employer = await t.http
      .post('/api/v1/employers')
      .set(adviser)
      .send({ name: 'Kauppa Oy', businessId: nextBusinessId(), contacts })
      .expect(201);
    const created = await t.http
      .post('/api/v1/events')
      .set(adviser)
      .send({
        siteId,
        title: 'Kaupan alan treffit',
        startsAt,
        durationMinutes: 60,
        capacity: 20,
      })
      .expect(201);
    await t.http
      .post(`/api/v1/events/${created.body.id}/employers`)
      .set(adviser)
      .send({ employerId: employer.body.id, tables: 2 })
      .expect(201);
    return created.body.id as string;
  }

  async function register(eventId: string, body: object): Promise<string> {
    const res = await t.http
      .post(`/api/v1/events/${eventId}/registrations`)
      .set(adviser)
      .send(body)
      .expect(201);
    return res.body.id as string;
  }

  it('reminds each registered young person and employer contact once, in their language', async () => {
    jobs.clock.current = NOON;
    const eventId = await event(`${day(1)}T13:00`, [
      { name: 'Sven Kontakt', email: 'sven@kauppa.example', language: 'sv' },
      { name: 'Puhelin Vain', phone: '040 111 2222' },
    ]);
    const bySms = await insertContactableClient(t.dataSource, {
      organisationId,
      preferredContact: 'sms',
    });
    const byEmail = await insertContactableClient(t.dataSource, {
      organisationId,
      preferredContact: 'email',
      language: 'en',
      email: 'linked.young@example.test',
    });
    const byCall = await insertContactableClient(t.dataSource, {
      organisationId,
      preferredContact: 'phone',
    });
    for (const clientId of [bySms, byEmail, byCall]) await register(eventId, { clientId });
    const guestSms = await register(eventId, {
      guest: { name: 'Vieras Tekstari', phone: '040 765 4321', consentToContact: true },
    });
    await register(eventId, {
      guest: { name: 'Vieras Kielto', email: 'no.consent@example.test' },
    });
    await register(eventId, {
      guest: {
        name: 'Guest Mail',
        email: 'guest.mail@example.test',
        language: 'sv',
        consentToContact: true,
      },
    });
    // An event the day after tomorrow is not due yet.
    const later = await event(`${day(2)}T13:00`, [
      { name: 'Later', email: 'later@kauppa.example' },
    ]);
    await register(later, {
      guest: { name: 'Later Guest', email: 'later.guest@example.test', consentToContact: true },
    });

    // Linked clients (3, one wanting calls is skipped at delivery), two consenting guests,
    // the one contact person with an e-mail address.
    expect(await jobs.scan.scan('event_tomorrow')).toEqual({ due: 6, enqueued: 6 });
    expect((await jobs.scan.scan('event_tomorrow')).enqueued).toBe(0);
    await jobs.relay().drain();
    await waitFor(
      () =>
        Promise.resolve(
          smsTo(bySms) +
            smsTo(guestSms) +
            mailsTo('linked.young@example.test').length +
            mailsTo('guest.mail@example.test').length +
            mailsTo('sven@kauppa.example').length,
        ),
      (n) => n >= 5,
    );

    expect(smsTo(bySms)).toBe(1);
    expect(smsTo(guestSms)).toBe(1);
    expect(smsTo(byCall)).toBe(0);
    expect(mailsTo('no.consent@example.test')).toHaveLength(0);
    expect(mailsTo('later@kauppa.example')).toHaveLength(0);
    expect(mailsTo('later.guest@example.test')).toHaveLength(0);

    // Young people: their language, the date, nothing about the event.
    const linked = mailText(mailsTo('linked.young@example.test')[0].raw);
    expect(linked).toContain('you have an Ohjaamo event tomorrow');
    const guest = mailText(mailsTo('guest.mail@example.test')[0].raw);
    expect(guest).toContain(`evenemang på Ohjaamo i morgon ${fiDate(day(1))}`);
    for (const text of [linked, guest]) {
      expect(text).not.toContain('Kaupan alan');
      expect(text).not.toContain('Kauppa Oy');
    }
    // The employer: the event, its time and place, in the contact's language.
    const employer = mailText(mailsTo('sven@kauppa.example')[0].raw);
    expect(employer).toContain('Kaupan alan treffit');
    expect(employer).toContain('kl. 13:00');

    // The ledger: one key per recipient and event day; running the delivery again sends nothing.
    const [key] = await t.dataSource.query(
      `SELECT delivery_key FROM deliveries WHERE recipient_id = $1`,
      [guestSms],
    );
    expect(key.delivery_key).toBe(`event_tomorrow|${eventId}|${day(1)}|${guestSms}|sms`);
    expect(
      await jobs.deliver.deliver({
        kind: 'event_tomorrow',
        subjectId: eventId,
        recipientId: guestSms,
        dueDate: day(1),
        recipientType: 'external',
      }),
    ).toEqual({ delivered: [] });
    expect(smsTo(guestSms)).toBe(1);
  });

  it('reminds nobody of a cancelled event', async () => {
    jobs.clock.current = NOON;
    const cancelled = await event(`${day(1)}T15:00`, [
      { name: 'Peruttu Kontakti', email: 'cancelled.contact@kauppa.example' },
    ]);
    await register(cancelled, {
      guest: {
        name: 'Peruttu Vieras',
        email: 'cancelled.guest@example.test',
        consentToContact: true,
      },
    });
    const held = await event(`${day(1)}T16:00`, [
      { name: 'Pidetty Kontakti', email: 'held.contact@kauppa.example' },
    ]);
    await t.http
      .post(`/api/v1/events/${cancelled}/cancel`)
      .set(adviser)
      .send({ reason: 'Liian vähän työnantajia.' })
      .expect(200);

    // Only the event still on: its one contact person (the first test's are sent already).
    expect(await jobs.scan.scan('event_tomorrow')).toMatchObject({ enqueued: 1 });
    await jobs.relay().drain();
    await waitFor(
      () => Promise.resolve(mailsTo('held.contact@kauppa.example').length),
      (n) => n >= 1,
    );
    expect(mailsTo('cancelled.contact@kauppa.example')).toHaveLength(0);
    expect(mailsTo('cancelled.guest@example.test')).toHaveLength(0);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM deliveries WHERE delivery_key LIKE $1`,
      [`event_tomorrow|${cancelled}|%`],
    );
    expect(n).toBe(0);
    expect(held).toBeDefined();
  });
});
