import { enqueueSms } from '@ohjaamo/jobs';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';
import {
  DAY_MS,
  insertClient,
  insertVisit,
  JobsHarness,
  type ReceivedMail,
  startSmtp,
  waitFor,
} from './jobs-harness';

describe('background jobs: reminders, outbox relay, quiet hours, retention', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let jobs: JobsHarness;

  beforeAll(async () => {
    t = await createTestApp();
    fixtures = new Fixtures(t.app);
    smtp = await startSmtp();
    jobs = new JobsHarness(t.dataSource, t.databaseUrl, smtp.url);
    jobs.startWorkers();
  });

  afterAll(async () => {
    await jobs?.close();
    await new Promise<void>((resolve) => smtp?.server.close(() => resolve()));
    await t?.close();
  });

  async function staffWithSilentClients(count: number, language: 'fi' | 'sv' | 'en') {
    const organisation = await fixtures.organisation();
    const site = await fixtures.site();
    const worker = await fixtures.user({
      roles: ['adviser'],
      organisation,
      sites: [site],
      language,
    });
    const now = jobs.clock.now().getTime();
    const clients: string[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = await insertClient(t.dataSource, {
        organisationId: organisation.id,
        responsibleWorkerId: worker.id,
        createdAt: new Date(now - 200 * DAY_MS),
      });
      await insertVisit(t.dataSource, {
        clientId,
        siteId: site.id,
        userId: worker.id,
        organisationId: organisation.id,
        startedAt: new Date(now - 61 * DAY_MS),
      });
      clients.push(clientId);
    }
    return { worker, organisation, site, clients };
  }

  const notificationsOf = async (userId: string): Promise<number> =>
    Number(
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1`,
          [userId],
        )
      )[0].n,
    );
  const mailsTo = (address: string): ReceivedMail[] =>
    smtp.mails.filter((m) => m.to.includes(address));

  it('delivers a no-contact reminder exactly once, in the worker’s language, even when its job runs twice', async () => {
    jobs.clock.current = new Date();
    const { worker, site, organisation, clients } = await staffWithSilentClients(1, 'sv');
    // A client seen last week is not due.
    const recent = await insertClient(t.dataSource, {
      organisationId: organisation.id,
      responsibleWorkerId: worker.id,
      createdAt: new Date(Date.now() - 300 * DAY_MS),
    });
    await insertVisit(t.dataSource, {
      clientId: recent,
      siteId: site.id,
      userId: worker.id,
      organisationId: organisation.id,
      startedAt: new Date(Date.now() - 7 * DAY_MS),
    });

    const first = await jobs.scan.scan('no_contact');
    expect(first.enqueued).toBe(1);
    // Tomorrow's scan finds the same reminder and adds nothing.
    expect((await jobs.scan.scan('no_contact')).enqueued).toBe(0);

    const relay = jobs.relay();
    expect(await relay.drain()).toBe(1);
    await waitFor(
      () => Promise.resolve(mailsTo(worker.email).length),
      (n) => n >= 1,
    );

    // The same job again: once through the queue under another id, once directly.
    const [row] = await t.dataSource.query(
      `SELECT payload FROM outbox WHERE job_name = 'reminder.deliver' AND payload->>'subjectId' = $1`,
      [clients[0]],
    );
    const again = await jobs.queues
      .get('notifications')
      .add('reminder.deliver', row.payload, { jobId: `again-${clients[0]}` });
    await waitFor(
      () => again.getState(),
      (s) => s === 'completed',
    );
    expect(await jobs.deliver.deliver(row.payload)).toEqual({ delivered: [] });

    expect(await notificationsOf(worker.id)).toBe(1);
    const mails = mailsTo(worker.email);
    expect(mails).toHaveLength(1);
    // Swedish, as the worker's profile says (the body is quoted-printable).
    expect(mails[0].raw).toContain('Hej,');
    expect(mails[0].raw).toContain('inte haft kontakt');
    expect(mails[0].raw).toContain(`/clients/${clients[0]}`);
    // No names in the message.
    expect(mails[0].raw).not.toContain('Virtanen');
  });

  it('keeps a burst of reminders while the queue backend is down and delivers each once when it is back', async () => {
    jobs.clock.current = new Date();
    const { worker } = await staffWithSilentClients(15, 'fi');
    expect((await jobs.scan.scan('no_contact')).enqueued).toBe(15);

    await jobs.relayWhileDown(5);

    const waiting = await t.dataSource.query(
      `SELECT attempts, last_error FROM outbox WHERE relayed_at IS NULL AND job_name = 'reminder.deliver'`,
    );
    expect(waiting).toHaveLength(15);
    // The batches it kept retrying carry the attempts and the error; nothing was lost.
    const tried = waiting.filter(
      (r: { attempts: number; last_error: string | null }) => r.attempts >= 1 && r.last_error,
    );
    expect(tried.length).toBeGreaterThanOrEqual(5);

    // The backend is back: a running relay (woken by NOTIFY or its poll) delivers everything.
    const up = jobs.relay({ batchSize: 5, listenUrl: t.databaseUrl });
    await up.start();
    await waitFor(
      () => notificationsOf(worker.id),
      (n) => n >= 15,
    );
    await waitFor(
      () => Promise.resolve(mailsTo(worker.email).length),
      (n) => n >= 15,
    );
    // A second scan and a second relay pass add nothing.
    expect((await jobs.scan.scan('no_contact')).enqueued).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    await up.stop();

    expect(await notificationsOf(worker.id)).toBe(15);
    expect(mailsTo(worker.email)).toHaveLength(15);
    expect(mailsTo(worker.email)[0].raw).toContain('Hei,');
  });

  it('postpones an SMS to a young person written at 22:30 to 08:00 Helsinki time, and never drops it', async () => {
    const organisation = await fixtures.organisation();
    const clientId = await insertClient(t.dataSource, {
      organisationId: organisation.id,
      createdAt: new Date(),
      language: 'en',
    });
    // 22:30 in Helsinki (EET, UTC+2) on 23 November.
    jobs.clock.current = new Date('2026-11-23T20:30:00Z');
    const payload = { kind: 'contact_request', clientId, dueDate: '2026-11-23' };
    await t.dataSource.transaction((m) => enqueueSms(m, payload, jobs.clock.now(), '21-08'));
    const [row] = await t.dataSource.query(
      `SELECT available_at FROM outbox WHERE payload->>'clientId' = $1`,
      [clientId],
    );
    expect(new Date(row.available_at).toISOString()).toBe('2026-11-24T06:00:00.000Z');

    const relay = jobs.relay();
    await relay.drain();
    const relayedAt = async (): Promise<Date | null> =>
      (
        await t.dataSource.query<{ relayed_at: Date | null }[]>(
          `SELECT relayed_at FROM outbox WHERE payload->>'clientId' = $1 ORDER BY available_at LIMIT 1`,
          [clientId],
        )
      )[0].relayed_at;
    expect(await relayedAt()).toBeNull();
    // A retry that lands in quiet hours puts the message back for the morning.
    expect(await jobs.smsHandler.send(payload)).toBe('postponed');
    expect(jobs.sms.sent).not.toContain(clientId);

    jobs.clock.current = new Date('2026-11-24T06:00:00Z');
    await relay.drain();
    expect(await relayedAt()).not.toBeNull();
    await waitFor(
      () => Promise.resolve(jobs.sms.sent.filter((id) => id === clientId).length),
      (n) => n >= 1,
    );
    expect(await jobs.smsHandler.send(payload)).toBe('skipped');
    await new Promise((r) => setTimeout(r, 300));
    expect(jobs.sms.sent.filter((id) => id === clientId)).toHaveLength(1);
  });

  it('anonymises exactly the clients whose relationship ended more than five years ago', async () => {
    jobs.clock.current = new Date();
    const organisation = await fixtures.organisation();
    const site = await fixtures.site();
    const user = await fixtures.user({ roles: ['adviser'], organisation, sites: [site] });
    const years = (n: number) => new Date(Date.now() - n * 365.25 * DAY_MS);
    const make = (
      status: 'active' | 'ended',
      endedAt: Date | null,
      anonymisedAt: Date | null = null,
    ) =>
      insertClient(t.dataSource, {
        organisationId: organisation.id,
        createdAt: years(8),
        status,
        endedAt,
        anonymisedAt,
      });
    const expired = [await make('ended', years(6)), await make('ended', years(5.1))];
    const kept = [
      await make('ended', years(4.9)),
      await make('active', null),
      await make('ended', years(7), years(1)),
    ];
    await insertVisit(t.dataSource, {
      clientId: expired[0],
      siteId: site.id,
      userId: user.id,
      organisationId: organisation.id,
      startedAt: years(6.5),
    });

    expect(await jobs.retention.run()).toEqual({ anonymised: 2 });
    expect(await jobs.retention.run()).toEqual({ anonymised: 0 });

    const rows: {
      id: string;
      last_name: string;
      phone: string | null;
      email: string | null;
      street_address: string | null;
      anonymised_at: Date | null;
    }[] = await t.dataSource.query(
      `SELECT id, last_name, phone, email, street_address, anonymised_at FROM clients WHERE id = ANY($1)`,
      [[...expired, ...kept]],
    );
    for (const row of rows.filter((r) => expired.includes(r.id))) {
      expect(row).toMatchObject({ last_name: '-', phone: null, email: null, street_address: null });
      expect(row.anonymised_at).not.toBeNull();
    }
    for (const row of rows.filter((r) => kept.slice(0, 2).includes(r.id))) {
      expect(row).toMatchObject({ last_name: 'Virtanen', anonymised_at: null });
    }
    const [visit] = await t.dataSource.query(
      `SELECT client_id, age, age_band, note FROM visits WHERE client_id = $1`,
      [expired[0]],
    );
    expect(visit).toEqual({ client_id: expired[0], age: null, age_band: '18_24', note: null });
    const audit = await t.dataSource.query(
      `SELECT client_id, details FROM audit_log WHERE action = 'client.anonymised' AND client_id = ANY($1)`,
      [[...expired, ...kept]],
    );
    expect(audit.map((a: { client_id: string }) => a.client_id).sort()).toEqual(
      [...expired].sort(),
    );
    expect(audit[0].details).toEqual({ reason: 'retention' });
  });
});
