import { MessageTemplates } from '@ohjaamo/jobs';
import { parseHelsinkiLocal } from '@ohjaamo/platform';
import { ConsentExpiryHandler } from '../../apps/worker/src/consent/consent-expiry.handler';
import { AuditService } from '@ohjaamo/audit';
import { signedInAgent } from '../helpers/browser-session';
import { Fixtures, TEST_PASSWORD } from '../helpers/fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { JobsHarness, type ReceivedMail, startSmtp, waitFor } from './jobs-harness';
import {
  day,
  fiDate,
  insertConcern,
  insertConsent,
  insertContactableClient,
  insertOutcomeWithFollowUp,
  insertPlan,
  mailText,
  NOON,
  TODAY,
} from './reminder-fixtures';

describe('reminder kinds: follow-ups, plans, consent, concerns', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let jobs: JobsHarness;

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'none' });
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

  beforeEach(() => {
    jobs.clock.current = NOON;
  });

  const mailsTo = (address: string): ReceivedMail[] =>
    smtp.mails.filter((m) => m.to.includes(address));
  const notificationsOf = (userId: string) =>
    t.dataSource.query<
      { kind: string; message_key: string; params: object; link: string | null }[]
    >(
      `SELECT kind, message_key, params, link FROM notifications WHERE recipient_id = $1
        ORDER BY created_at`,
      [userId],
    );
  const smsTo = (clientId: string): number => jobs.sms.sent.filter((id) => id === clientId).length;
  const outboxPayloads = (kind: string, subjectId: string) =>
    t.dataSource.query<{ payload: Record<string, string> }[]>(
      `SELECT payload FROM outbox WHERE job_name = 'reminder.deliver'
          AND payload->>'kind' = $1 AND payload->>'subjectId' = $2`,
      [kind, subjectId],
    );

  /** Runs every delivery job of a kind again, directly; returns what it delivered. */
  const redeliverAll = async (kind: string): Promise<string[]> => {
    const rows = await t.dataSource.query<{ payload: Record<string, string> }[]>(
      `SELECT payload FROM outbox WHERE job_name = 'reminder.deliver' AND payload->>'kind' = $1`,
      [kind],
    );
    const delivered: string[] = [];
    for (const row of rows)
      delivered.push(...(await jobs.deliver.deliver(row.payload as never)).delivered);
    return delivered;
  };

  it('reminds the responsible worker of a due follow-up, or the outcome’s recorder when the client has none, exactly once even when the job runs twice', async () => {
    const organisation = await fixtures.organisation();
    const site = await fixtures.site();
    const worker = await fixtures.user({
      roles: ['adviser'],
      organisation,
      sites: [site],
      language: 'sv',
    });
    const recorder = await fixtures.user({
      roles: ['adviser'],
      organisation,
      sites: [site],
      language: 'en',
    });
    const withWorker = await insertContactableClient(t.dataSource, {
      organisationId: organisation.id,
      responsibleWorkerId: worker.id,
    });
    const withoutWorker = await insertContactableClient(t.dataSource, {
      organisationId: organisation.id,
    });
    const due = await insertOutcomeWithFollowUp(t.dataSource, {
      clientId: withWorker,
      recorder,
      dueOn: day(0),
    });
    await insertOutcomeWithFollowUp(t.dataSource, {
      clientId: withoutWorker,
      recorder,
      dueOn: day(-1),
    });
    // Not due yet, already recorded, or fallen due long before: no reminder.
    await insertOutcomeWithFollowUp(t.dataSource, {
      clientId: withWorker,
      recorder,
      dueOn: day(10),
      months: 6,
    });
    await insertOutcomeWithFollowUp(t.dataSource, {
      clientId: withWorker,
      recorder,
      dueOn: day(-40),
      months: 12,
    });
    const recorded = await insertOutcomeWithFollowUp(t.dataSource, {
      clientId: withoutWorker,
      recorder,
      dueOn: day(-2),
      months: 6,
    });
    await t.dataSource.query(
      `UPDATE follow_ups SET recorded_at = now(), still_holds = true, recorded_by_user_id = $2
        WHERE id = $1`,
      [recorded.followUpId, recorder.id],
    );

    expect(await jobs.scan.scan('follow_up_due')).toEqual({ due: 2, enqueued: 2 });
    expect((await jobs.scan.scan('follow_up_due')).enqueued).toBe(0);
    await jobs.relay().drain();
    await waitFor(
      () => Promise.resolve(mailsTo(worker.email).length + mailsTo(recorder.email).length),
      (n) => n >= 2,
    );

    // The same job again, through the queue under another id and directly.
    const [{ payload }] = await outboxPayloads('follow_up_due', due.followUpId);
    const again = await jobs.queues
      .get('notifications')
      .add('reminder.deliver', payload, { jobId: `again-${due.followUpId}` });
    await waitFor(
      () => again.getState(),
      (s) => s === 'completed',
    );
    expect(await jobs.deliver.deliver(payload as never)).toEqual({ delivered: [] });

    const toWorker = await notificationsOf(worker.id);
    expect(toWorker).toEqual([
      {
        kind: 'follow_up_due',
        message_key: 'reminders.follow_up_due',
        params: { date: fiDate(day(0)) },
        link: `/clients/${withWorker}`,
      },
    ]);
    expect(await notificationsOf(recorder.id)).toEqual([
      expect.objectContaining({
        params: { date: fiDate(day(-1)) },
        link: `/clients/${withoutWorker}`,
      }),
    ]);
    expect(mailsTo(worker.email)).toHaveLength(1);
    expect(mailsTo(recorder.email)).toHaveLength(1);
    const swedish = mailText(mailsTo(worker.email)[0].raw);
    expect(swedish).toContain('uppföljningen av en övergång');
    expect(swedish).toContain(`http://localhost:3000/clients/${withWorker}`);
    const english = mailText(mailsTo(recorder.email)[0].raw);
    expect(english).toContain(`is due on ${fiDate(day(-1))}`);
    expect(english).not.toContain('Virtanen');
  });

  it('reminds of a plan review and of due actions: the named staff member, the responsible worker for an agency, and the young person by their chosen method with nothing but the date', async () => {
    const organisation = await fixtures.organisation();
    const agency = await fixtures.organisation('kela');
    const site = await fixtures.site();
    const worker = await fixtures.user({
      roles: ['adviser'],
      organisation,
      sites: [site],
      language: 'fi',
    });
    const named = await fixtures.user({
      roles: ['adviser'],
      organisation: agency,
      sites: [site],
      language: 'en',
    });
    const bySms = await insertContactableClient(t.dataSource, {
      organisationId: organisation.id,
      responsibleWorkerId: worker.id,
      preferredContact: 'sms',
      language: 'sv',
    });
    const byEmail = await insertContactableClient(t.dataSource, {
      organisationId: organisation.id,
      responsibleWorkerId: worker.id,
      preferredContact: 'email',
      language: 'en',
      email: `young-${bySms.slice(0, 8)}@example.test`,
    });
    const byCall = await insertContactableClient(t.dataSource, {
      organisationId: organisation.id,
      responsibleWorkerId: worker.id,
      preferredContact: 'phone',
    });
    const plan = await insertPlan(t.dataSource, {
      clientId: bySms,
      author: worker,
      startDate: day(-30),
      reviewDate: day(7),
      actions: [
        { what: 'Hakee yhteishaussa', responsible: { kind: 'young_person' }, dueDate: day(1) },
        {
          what: 'Varaa aika',
          responsible: { kind: 'staff', staffUserId: named.id },
          dueDate: day(2),
        },
        {
          what: 'Selvittää tuen',
          responsible: { kind: 'agency', organisationId: agency.id },
          dueDate: day(3),
        },
        // Done, too far ahead, or without a date: no reminder.
        {
          what: 'Tehty',
          responsible: { kind: 'staff', staffUserId: named.id },
          dueDate: day(1),
          status: 'done',
        },
        {
          what: 'Myöhemmin',
          responsible: { kind: 'staff', staffUserId: named.id },
          dueDate: day(10),
        },
        { what: 'Joskus', responsible: { kind: 'young_person' }, dueDate: null },
      ],
    });
    const emailPlan = await insertPlan(t.dataSource, {
      clientId: byEmail,
      author: worker,
      startDate: day(-30),
      reviewDate: day(30),
      actions: [
        { what: 'Hakee töitä', responsible: { kind: 'young_person' }, dueDate: day(0) },
        { what: 'Käy työpajalla', responsible: { kind: 'young_person' }, dueDate: day(0) },
      ],
    });
    await insertPlan(t.dataSource, {
      clientId: byCall,
      author: worker,
      startDate: day(-30),
      actions: [{ what: 'Soittaa', responsible: { kind: 'young_person' }, dueDate: day(1) }],
    });

    expect(await jobs.scan.scan('plan_review')).toMatchObject({ enqueued: 1 });
    // Staff, agency (→ responsible worker), the SMS client and the e-mail client (whose two
    // actions due the same day make one message); the client who wants calls gets none.
    expect(await jobs.scan.scan('plan_action_due')).toMatchObject({ enqueued: 4 });
    expect(await jobs.scan.scan('plan_action_due')).toMatchObject({ enqueued: 0 });
    await jobs.relay().drain();
    const youngAddress = `young-${bySms.slice(0, 8)}@example.test`;
    await waitFor(
      async () =>
        (await notificationsOf(worker.id)).length + mailsTo(youngAddress).length + smsTo(bySms),
      (n) => n >= 4,
    );
    await waitFor(
      () => Promise.resolve(mailsTo(named.email).length + mailsTo(worker.email).length),
      (n) => n >= 3,
    );

    expect((await notificationsOf(worker.id)).map((n) => [n.kind, n.params])).toEqual(
      expect.arrayContaining([
        ['plan_review', { date: fiDate(day(7)) }],
        ['plan_action_due', { date: fiDate(day(3)) }],
      ]),
    );
    expect(await notificationsOf(worker.id)).toHaveLength(2);
    expect(await notificationsOf(named.id)).toEqual([
      expect.objectContaining({
        kind: 'plan_action_due',
        params: { date: fiDate(day(2)) },
        link: `/clients/${bySms}`,
      }),
    ]);
    expect(mailText(mailsTo(named.email)[0].raw)).toContain(`is due on ${fiDate(day(2))}`);
    expect(smsTo(bySms)).toBe(1);
    expect(smsTo(byCall)).toBe(0);
    expect(await notificationsOf(bySms)).toEqual([]);
    const [smsLedger] = await t.dataSource.query(
      `SELECT delivery_key FROM deliveries WHERE recipient_id = $1`,
      [bySms],
    );
    expect(smsLedger.delivery_key).toBe(`plan_action_due|${plan}|${day(1)}|${bySms}|sms`);

    // The young person's e-mail: their language, the date, and nothing from the plan.
    const young = mailsTo(youngAddress);
    expect(young).toHaveLength(1);
    const text = mailText(young[0].raw);
    expect(text).toContain(`You have something agreed with Ohjaamo due on`);
    for (const secret of [
      'Hakee',
      'työpaja',
      'Virtanen',
      'Aino',
      '/clients/',
      emailPlan,
      byEmail,
    ]) {
      expect(text).not.toContain(secret);
    }
    // The SMS template: the same, in Swedish, with the date as its only parameter.
    const sms = new MessageTemplates().render('young-agreed-due.sms', 'sv', { date: '24.11.2026' });
    expect(sms.text).toBe(
      'Hej! Du har något som du kommit överens om med Ohjaamo och som gäller 24.11.2026.\n',
    );

    // Everything again: nothing new.
    for (const row of await outboxPayloads('plan_action_due', plan)) {
      expect(await jobs.deliver.deliver(row.payload as never)).toEqual({ delivered: [] });
    }
    expect(smsTo(bySms)).toBe(1);
  });

  it('postpones a young person’s SMS reminder found in quiet hours to 08:00, re-checks it then, and sends it once', async () => {
    const organisation = await fixtures.organisation();
    const worker = await fixtures.user({ roles: ['adviser'], organisation });
    const client = async () =>
      insertContactableClient(t.dataSource, {
        organisationId: organisation.id,
        responsibleWorkerId: worker.id,
        preferredContact: 'sms',
      });
    const [waits, changesMind] = [await client(), await client()];
    // 22:30 in Helsinki; the actions are due tomorrow.
    jobs.clock.current = parseHelsinkiLocal(`${TODAY}T22:30`)!;
    const morning = parseHelsinkiLocal(`${day(1)}T08:00`)!;
    for (const clientId of [waits, changesMind]) {
      await insertPlan(t.dataSource, {
        clientId,
        author: worker,
        startDate: day(-10),
        actions: [{ what: 'Hakee', responsible: { kind: 'young_person' }, dueDate: day(1) }],
      });
    }
    expect(await jobs.scan.scan('plan_action_due')).toMatchObject({ enqueued: 2 });
    await jobs.relay().drain();
    const postponed = () =>
      t.dataSource.query<{ available_at: Date; relayed_at: Date | null }[]>(
        `SELECT available_at, relayed_at FROM outbox
          WHERE payload->>'recipientId' = ANY($1) AND available_at > now() + interval '1 minute'`,
        [[waits, changesMind]],
      );
    const rows = await waitFor(postponed, (r) => r.length >= 2);
    expect(rows.map((r) => new Date(r.available_at).toISOString())).toEqual([
      morning.toISOString(),
      morning.toISOString(),
    ]);
    expect(smsTo(waits) + smsTo(changesMind)).toBe(0);

    // Overnight one action is marked done; at 08:00 only the other goes out.
    await t.dataSource.query(
      `UPDATE plans SET content = jsonb_set(content, '{actions,0,status}', '"done"') WHERE client_id = $1`,
      [changesMind],
    );
    jobs.clock.current = morning;
    await jobs.relay().drain();
    await waitFor(
      () => Promise.resolve(smsTo(waits)),
      (n) => n >= 1,
    );
    await waitFor(postponed, (r) => r.every((row) => row.relayed_at !== null));
    await new Promise((r) => setTimeout(r, 500));
    expect(smsTo(waits)).toBe(1);
    expect(smsTo(changesMind)).toBe(0);
  });

  it('tells the responsible worker of consents ending within 30 days and of ended ones, and the nightly job marks them expired', async () => {
    const organisation = await fixtures.organisation();
    const worker = await fixtures.user({ roles: ['adviser'], organisation, language: 'fi' });
    const clientId = await insertContactableClient(t.dataSource, {
      organisationId: organisation.id,
      responsibleWorkerId: worker.id,
    });
    const consent = (validUntil: string, status?: 'given' | 'withdrawn') =>
      insertConsent(t.dataSource, {
        clientId,
        recorder: worker,
        validFrom: day(-300),
        validUntil,
        status,
      });
    const ending = await consent(day(20));
    await consent(day(45));
    const ended = await consent(day(-1));
    await consent(day(-2), 'withdrawn');
    await consent(day(-40));

    expect(await jobs.scan.scan('consent_expiring')).toMatchObject({ due: 1, enqueued: 1 });
    expect(await jobs.scan.scan('consent_expired')).toMatchObject({ due: 1, enqueued: 1 });

    // The nightly job: only given consents past their last day (here the one ended
    // yesterday and the one of 40 days ago) turn expired, with history and audit.
    const expiry = new ConsentExpiryHandler(
      t.dataSource,
      new AuditService(t.dataSource),
      jobs.clock,
    );
    expect(await expiry.run()).toEqual({ expired: 2 });
    expect(await expiry.run()).toEqual({ expired: 0 });
    const statuses = await t.dataSource.query<{ id: string; status: string }[]>(
      `SELECT id, status FROM consents WHERE client_id = $1`,
      [clientId],
    );
    expect(statuses.find((s) => s.id === ended)?.status).toBe('expired');
    expect(statuses.find((s) => s.id === ending)?.status).toBe('given');
    const [audit] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'consent.expired' AND subject_id = $1`,
      [ended],
    );
    expect(audit.n).toBe(1);

    // Delivered after the status changed: an expired consent is still reported.
    await jobs.relay().drain();
    await waitFor(
      () => Promise.resolve(mailsTo(worker.email).length),
      (n) => n >= 2,
    );
    expect(
      (await notificationsOf(worker.id)).map((n) => [n.message_key, n.params, n.link]),
    ).toEqual(
      expect.arrayContaining([
        ['reminders.consent_expiring', { date: fiDate(day(20)) }, `/clients/${clientId}`],
        ['reminders.consent_expired', { date: fiDate(day(-1)) }, `/clients/${clientId}`],
      ]),
    );
    // Run twice: nothing more.
    expect(await redeliverAll('consent_expiring')).toEqual([]);
    expect(await redeliverAll('consent_expired')).toEqual([]);
    expect(await notificationsOf(worker.id)).toHaveLength(2);
    expect(mailsTo(worker.email)).toHaveLength(2);
    const texts = mailsTo(worker.email).map((m) => mailText(m.raw));
    expect(texts.some((x) => x.includes(`suostumus on voimassa ${fiDate(day(20))} asti`))).toBe(
      true,
    );
    expect(texts.some((x) => x.includes(`suostumus oli voimassa ${fiDate(day(-1))} asti`))).toBe(
      true,
    );
  });

  it('tells the coordinators of the concern’s site or organisation that its reaction deadline passed, linking their overview and without identifying the client', async () => {
    const raisingOrg = await fixtures.organisation();
    const [siteS, siteT] = [await fixtures.site(), await fixtures.site()];
    const adviser = await fixtures.user({
      roles: ['adviser'],
      organisation: raisingOrg,
      sites: [siteS],
    });
    const atSite = await fixtures.user({ roles: ['coordinator'], sites: [siteS], language: 'sv' });
    const ofOrg = await fixtures.user({
      roles: ['coordinator'],
      organisation: raisingOrg,
      sites: [siteT],
    });
    const elsewhere = await fixtures.user({ roles: ['coordinator'], sites: [siteT] });
    const clientId = await insertContactableClient(t.dataSource, {
      organisationId: raisingOrg.id,
      responsibleWorkerId: adviser.id,
    });
    const hour = 3600_000;
    const concern = (reactBy: Date) =>
      insertConcern(t.dataSource, {
        clientId,
        raisedBy: adviser,
        organisation: raisingOrg,
        site: siteS,
        raisedAt: new Date(reactBy.getTime() - 3 * 24 * hour),
        reactBy,
      });
    const overdue = await concern(new Date(NOON.getTime() - hour));
    await concern(new Date(NOON.getTime() + hour));
    const resolved = await concern(new Date(NOON.getTime() - 2 * hour));
    await t.dataSource.query(
      `UPDATE concerns SET resolved_at = now(), resolved_by_user_id = $2 WHERE id = $1`,
      [resolved, adviser.id],
    );

    expect(await jobs.scan.scan('concern_overdue')).toMatchObject({ enqueued: 2 });
    await jobs.relay().drain();
    await waitFor(
      () => Promise.resolve(mailsTo(atSite.email).length + mailsTo(ofOrg.email).length),
      (n) => n >= 2,
    );
    for (const coordinator of [atSite, ofOrg]) {
      expect(await notificationsOf(coordinator.id)).toEqual([
        {
          kind: 'concern_overdue',
          message_key: 'reminders.concern_overdue',
          params: { date: fiDate(day(0)) },
          link: '/tasks/overdue-concerns',
        },
      ]);
    }
    expect(await redeliverAll('concern_overdue')).toEqual([]);
    expect(mailsTo(atSite.email)).toHaveLength(1);
    expect(await notificationsOf(elsewhere.id)).toEqual([]);
    expect(await notificationsOf(adviser.id)).toEqual([]);
    // The coordinator's inbox, in Swedish: the deadline and a way to the overview of
    // overdue concerns (counts only), which they may open; no way into a record.
    const agent = await signedInAgent(t.app, atSite.email, TEST_PASSWORD);
    const inbox = (await agent.get('/notifications').expect(200)).text;
    expect(inbox).toContain(
      `Reaktionstiden för en oro gick ut ${fiDate(day(0))} och ingen har ännu reagerat på den.`,
    );
    expect(inbox).toContain('href="/tasks/overdue-concerns"');
    expect(inbox).not.toContain('/clients/');
    await agent.get('/tasks/overdue-concerns').expect(200);
    const text = mailText(mailsTo(atSite.email)[0].raw);
    expect(text).toContain('reaktionstiden för en oro gick ut');
    expect(text).toContain('http://localhost:3000/tasks/overdue-concerns');
    for (const secret of [clientId, overdue, 'Virtanen', 'Aino', 'sovitusti', '/clients/']) {
      expect(text).not.toContain(secret);
    }
  });

  it('keeps a burst of the new kinds while the queue backend is down and delivers each once when it is back', async () => {
    const organisation = await fixtures.organisation();
    const worker = await fixtures.user({ roles: ['adviser'], organisation, language: 'fi' });
    const followUps: string[] = [];
    const young: string[] = [];
    for (let i = 0; i < 6; i++) {
      const clientId = await insertContactableClient(t.dataSource, {
        organisationId: organisation.id,
        responsibleWorkerId: worker.id,
        preferredContact: 'sms',
      });
      const { followUpId } = await insertOutcomeWithFollowUp(t.dataSource, {
        clientId,
        recorder: worker,
        dueOn: day(0),
      });
      await insertPlan(t.dataSource, {
        clientId,
        author: worker,
        startDate: day(-10),
        actions: [{ what: 'Hakee', responsible: { kind: 'young_person' }, dueDate: day(2) }],
      });
      followUps.push(followUpId);
      young.push(clientId);
    }
    expect(await jobs.scan.scan('follow_up_due')).toMatchObject({ enqueued: 6 });
    expect(await jobs.scan.scan('plan_action_due')).toMatchObject({ enqueued: 6 });

    await jobs.relayWhileDown(4);
    const waiting = await t.dataSource.query(
      `SELECT id FROM outbox WHERE relayed_at IS NULL
          AND (payload->>'subjectId' = ANY($1) OR payload->>'recipientId' = ANY($2))`,
      [followUps, young],
    );
    expect(waiting).toHaveLength(12);
    expect(smsTo(young[0])).toBe(0);

    const up = jobs.relay({ batchSize: 4, listenUrl: t.databaseUrl });
    await up.start();
    await waitFor(
      async () => (await notificationsOf(worker.id)).length,
      (n) => n >= 6,
    );
    await waitFor(
      () => Promise.resolve(young.reduce((sum, id) => sum + smsTo(id), 0)),
      (n) => n >= 6,
    );
    await waitFor(
      () => Promise.resolve(mailsTo(worker.email).length),
      (n) => n >= 6,
    );
    // A second scan and more relay passes add nothing.
    expect((await jobs.scan.scan('follow_up_due')).enqueued).toBe(0);
    expect((await jobs.scan.scan('plan_action_due')).enqueued).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    await up.stop();
    expect(await notificationsOf(worker.id)).toHaveLength(6);
    expect(mailsTo(worker.email)).toHaveLength(6);
    for (const id of young) expect(smsTo(id)).toBe(1);
  });
});
