import { ReminderCatalogue } from '../../apps/worker/src/reminders/reminder-catalogue';
import { EventTomorrowReminder } from '../../apps/worker/src/reminders/event-tomorrow.reminder';
import { NoContactReminder } from '../../apps/worker/src/reminders/no-contact.reminder';
import { OutboxPruneHandler } from '../../apps/worker/src/maintenance/outbox-prune.handler';
import { signedInAgent } from '../helpers/browser-session';
import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { eventOf, guestOf, holdEvent, nextBusinessId } from './events-fixtures';
import { DAY_MS, insertClient, insertVisit, JobsHarness, waitFor } from './jobs-harness';
import { bearer } from './plans-fixtures';
import { insertContactableClient, NOON } from './reminder-fixtures';

describe('outbox backlog and pruning', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let jobs: JobsHarness;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
    fixtures = new Fixtures(t.app);
    jobs = new JobsHarness(t.dataSource, t.databaseUrl);
  });
  afterAll(async () => {
    await jobs?.close();
    await t?.close();
  });

  const addRow = (key: string, availableAt: Date, relayedAt: Date | null = null) =>
    t.dataSource.query(
      `INSERT INTO outbox (job_name, payload, dedupe_key, available_at, created_at, relayed_at)
       VALUES ('retention.anonymise', '{}', $1, $2, $2, $3)`,
      [key, availableAt, relayedAt],
    );
  const metric = (text: string, name: string): number =>
    Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);

  it('reports the number and age of undelivered outbox rows on /metrics and on the queue dashboard', async () => {
    const now = Date.now();
    await addRow('backlog-1', new Date(now - 10 * 60_000));
    await addRow('backlog-2', new Date(now - 60_000));
    await addRow('backlog-later', new Date(now + 8 * 3600_000));
    await addRow('backlog-done', new Date(now - 3600_000), new Date(now - 3500_000));

    const scrape = (await t.http.get('/metrics').expect(200)).text;
    expect(metric(scrape, 'outbox_rows_waiting')).toBe(2);
    expect(metric(scrape, 'outbox_rows_postponed')).toBe(1);
    const oldest = metric(scrape, 'outbox_oldest_waiting_seconds');
    expect(oldest).toBeGreaterThanOrEqual(600);
    expect(oldest).toBeLessThan(700);

    const admin = await fixtures.user({ roles: ['admin'], language: 'en' });
    const agent = await signedInAgent(t.app, admin.email, TEST_PASSWORD);
    const page = (await agent.get('/admin/queues').expect(200)).text;
    expect(page).toContain('Rows waiting for the queue');
    expect(page).toMatch(/data-outbox="waiting">2</);
    expect(page).toMatch(/data-outbox="oldest">10</);
    expect(page).toMatch(/data-outbox="postponed">1</);

    // Relayed, the backlog is gone.
    await t.dataSource.query(
      `UPDATE outbox SET relayed_at = now() WHERE dedupe_key LIKE 'backlog-%'`,
    );
    const after = (await t.http.get('/metrics').expect(200)).text;
    expect(metric(after, 'outbox_rows_waiting')).toBe(0);
    expect(metric(after, 'outbox_oldest_waiting_seconds')).toBe(0);
  });

  it('prunes relayed outbox rows and old ledger keys, but keeps waiting rows and every key a scan could still find', async () => {
    jobs.clock.current = new Date();
    const now = Date.now();
    const days = (n: number) => new Date(now - n * DAY_MS);
    const organisation = await fixtures.organisation();
    const site = await fixtures.site();
    const worker = await fixtures.user({ roles: ['adviser'], organisation, sites: [site] });
    // Silent for 600 days: its no-contact reminder went out long ago and is still "due".
    const silent = await insertClient(t.dataSource, {
      organisationId: organisation.id,
      responsibleWorkerId: worker.id,
      createdAt: days(600),
    });
    // Reminded long ago, seen last week: that reminder can never be found again.
    const seen = await insertClient(t.dataSource, {
      organisationId: organisation.id,
      responsibleWorkerId: worker.id,
      createdAt: days(600),
    });
    await insertVisit(t.dataSource, {
      clientId: seen,
      siteId: site.id,
      userId: worker.id,
      organisationId: organisation.id,
      startedAt: days(7),
    });
    expect((await jobs.scan.scan('no_contact')).enqueued).toBe(1);
    await jobs.relay().drain();
    jobs.startWorkers();
    const count = (sql: string, params: unknown[] = []) =>
      t.dataSource.query<{ n: number }[]>(sql, params).then((r) => r[0].n);
    const ledgerOf = (clientId: string) =>
      count(
        `SELECT count(*)::int AS n FROM deliveries WHERE delivery_key LIKE '%|' || $1 || '|%'`,
        [clientId],
      );
    await waitFor(
      () => ledgerOf(silent),
      (n) => n >= 2,
    );
    // Age what happened: relayed 500 days ago, delivered 500 days ago.
    await t.dataSource.query(
      `UPDATE outbox SET relayed_at = $2, created_at = $2, available_at = $2
        WHERE payload->>'subjectId' = $1`,
      [silent, days(500)],
    );
    await t.dataSource.query(
      `UPDATE deliveries SET delivered_at = $2 WHERE delivery_key LIKE '%|' || $1 || '|%'`,
      [silent, days(500)],
    );
    const seenKey = `no_contact|${seen}|2024-01-01|${worker.id}|in_app`;
    await t.dataSource.query(
      `INSERT INTO deliveries (delivery_key, kind, channel, recipient_id, delivered_at)
       VALUES ($1, 'no_contact', 'in_app', $2, $3),
              ('contact_request|' || $4 || '|2024-01-01|' || $4 || '|sms', 'contact_request', 'sms', $4::uuid, $3),
              ('contact_request|' || $4 || '|2026-01-01|' || $4 || '|sms', 'contact_request', 'sms', $4::uuid, $5)`,
      [seenKey, worker.id, days(500), seen, days(100)],
    );
    await addRow('prune-relayed-old', days(40), days(40));
    await addRow('prune-relayed-recent', days(5), days(5));
    await addRow('prune-waiting-old', days(90));

    const prune = new OutboxPruneHandler(
      t.dataSource,
      new ReminderCatalogue([new NoContactReminder(60)]),
      { outboxRetentionDays: 30, deliveryRetentionDays: 400 },
      jobs.clock,
    );
    const result = await prune.run();
    expect(result.keptStillDue).toBe(2);
    const keys = (
      await t.dataSource.query<{ dedupe_key: string }[]>(
        `SELECT dedupe_key FROM outbox WHERE dedupe_key LIKE 'prune-%' ORDER BY 1`,
      )
    ).map((r) => r.dedupe_key);
    expect(keys).toEqual(['prune-relayed-recent', 'prune-waiting-old']);
    expect(
      await count(`SELECT count(*)::int AS n FROM outbox WHERE payload->>'subjectId' = $1`, [
        silent,
      ]),
    ).toBe(0);
    expect(await ledgerOf(silent)).toBe(2);
    expect(
      await count(`SELECT count(*)::int AS n FROM deliveries WHERE delivery_key = $1`, [seenKey]),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM deliveries WHERE kind = 'contact_request' AND recipient_id = $1`,
        [seen],
      ),
    ).toBe(1);

    // The outbox key is gone, so the next scan enqueues the silent client again; the kept
    // ledger keys make that job deliver nothing.
    expect((await jobs.scan.scan('no_contact')).enqueued).toBe(1);
    await jobs.relay().drain();
    await waitFor(
      () =>
        count(
          `SELECT count(*)::int AS n FROM outbox WHERE payload->>'subjectId' = $1 AND relayed_at IS NOT NULL`,
          [silent],
        ),
      (n) => n >= 1,
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(
      await count(`SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1`, [
        worker.id,
      ]),
    ).toBe(1);
    expect(await prune.run()).toMatchObject({ outbox: 0, deliveries: 0 });
  });

  it('keeps the keys of reminders to young people, guests and employers’ contact persons while a scan could still find them', async () => {
    // Noon in Helsinki: no SMS waits for the end of quiet hours.
    jobs.clock.current = NOON;
    const organisation = await fixtures.organisation();
    const site = await fixtures.site();
    const adviser = await bearer(
      t,
      await fixtures.user({ roles: ['adviser'], organisation, sites: [site] }),
    );
    const employer = await t.http
      .post('/api/v1/employers')
      .set(adviser)
      .send({
        name: 'Kauppa Oy',
        businessId: nextBusinessId(),
        contacts: [{ name: 'Sven Kontakt', email: 'sven@kauppa.example', language: 'sv' }],
      })
      .expect(201);
    // Tomorrow: a young person (client), a guest and a contact person (external) are due.
    const eventId = await eventOf(t, adviser, site.id);
    await t.http
      .post(`/api/v1/events/${eventId}/employers`)
      .set(adviser)
      .send({ employerId: employer.body.id, tables: 1 })
      .expect(201);
    const guest = await guestOf(t, adviser, eventId, 'Vieras Tekstari');
    const young = await insertContactableClient(t.dataSource, {
      organisationId: organisation.id,
      preferredContact: 'sms',
    });
    await t.http
      .post(`/api/v1/events/${eventId}/registrations`)
      .set(adviser)
      .send({ clientId: young })
      .expect(201);

    expect(await jobs.scan.scan('event_tomorrow')).toEqual({ due: 3, enqueued: 3 });
    const payloads = await t.dataSource.query<{ payload: Record<string, string> }[]>(
      `SELECT payload FROM outbox WHERE job_name = 'reminder.deliver'
          AND payload->>'subjectId' = $1`,
      [eventId],
    );
    const delivered: string[] = [];
    for (const { payload } of payloads) {
      delivered.push(...(await jobs.deliver.deliver(payload as never)).delivered);
    }
    expect(delivered.sort()).toEqual(['email', 'sms', 'sms']);
    const eventKeys = () =>
      t.dataSource
        .query<{ delivery_key: string }[]>(
          `SELECT delivery_key FROM deliveries WHERE delivery_key LIKE 'event_tomorrow|' || $1 || '|%'
            ORDER BY 1`,
          [eventId],
        )
        .then((rows) => rows.map((r) => r.delivery_key));
    expect(await eventKeys()).toHaveLength(3);
    expect((await eventKeys()).some((k) => k.endsWith(`|${guest}|sms`))).toBe(true);
    expect((await eventKeys()).some((k) => k.endsWith(`|${young}|sms`))).toBe(true);
    // Old enough to prune by age; the event is still tomorrow, so a scan finds all three.
    await t.dataSource.query(
      `UPDATE deliveries SET delivered_at = $2 WHERE delivery_key LIKE 'event_tomorrow|' || $1 || '|%'`,
      [eventId, new Date(Date.now() - 500 * DAY_MS)],
    );
    const prune = new OutboxPruneHandler(
      t.dataSource,
      new ReminderCatalogue([new EventTomorrowReminder()]),
      { outboxRetentionDays: 30, deliveryRetentionDays: 400 },
      jobs.clock,
    );
    expect(await prune.run()).toMatchObject({ keptStillDue: 3 });
    expect(await eventKeys()).toHaveLength(3);
    // So the same reminders, delivered again, send nothing.
    const again: string[] = [];
    for (const { payload } of payloads) {
      again.push(...(await jobs.deliver.deliver(payload as never)).delivered);
    }
    expect(again).toEqual([]);
    expect(jobs.sms.sent.filter((id) => id === guest || id === young)).toHaveLength(2);

    // Once the event is over no scan can find them again, and the keys go.
    await holdEvent(t, eventId);
    expect(await prune.run()).toMatchObject({ keptStillDue: 0 });
    expect(await eventKeys()).toEqual([]);
  });
});
