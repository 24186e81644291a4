import { DeliveryLedger, EmailSender, MessageTemplates } from '@ohjaamo/jobs';
import { RollupBuilder } from '@ohjaamo/reports';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { ReminderCatalogue } from '../../apps/worker/src/reminders/reminder-catalogue';
import { ReminderDeliverHandler } from '../../apps/worker/src/reminders/reminder-deliver.handler';
import { ReminderScanHandler } from '../../apps/worker/src/reminders/reminder-scan.handler';
import { MonthlyReportHandler } from '../../apps/worker/src/reports/monthly-report.handler';
import { ReportReadyReminder } from '../../apps/worker/src/reports/report-ready.reminder';
import { ReportRollupHandler } from '../../apps/worker/src/reports/report-rollup.handler';
import { REPORT_VOCABULARY } from '@ohjaamo/db';
import { Fixtures } from '../helpers/fixtures';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { TestClock } from './jobs-harness';

// The worker's report jobs: rollups of recent months, and on the 1st the final report of
// last month with an in-app notice and an e-mail to every active coordinator, once.
describe('report jobs in the worker', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  let mails: string[];
  let email: EmailSender;
  // 1 December 2026, 06:00 Helsinki (04:00 UTC): the monthly job's hour.
  const clock = new TestClock(new Date('2026-12-01T04:00:00Z'));

  beforeAll(async () => {
    t = await createTestApp();
    mails = [];
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push(
            `${session.envelope.rcptTo.map((r) => r.address).join(',')}\n${Buffer.concat(chunks).toString('utf8')}`,
          );
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    email = new EmailSender(
      `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      'Ohjaamo <no-reply@ohjaamo.test>',
    );
  });
  afterAll(async () => {
    email?.close();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
    await t?.close();
  });

  it('builds this month and the previous one on the frequent schedule', async () => {
    const handler = new ReportRollupHandler(
      new RollupBuilder(t.dataSource, REPORT_VOCABULARY),
      clock,
    );
    expect(await handler.run({ window: 'recent' })).toEqual({ built: ['2026-11', '2026-12'] });
    expect((await handler.run({ window: 'year' })).built).toHaveLength(13);
    // A month in the future is never built.
    expect(await handler.run({ month: '2027-01' })).toEqual({ built: [] });
  });

  it('finalises last month and tells each active coordinator once, in the app and by e-mail', async () => {
    const fixtures = new Fixtures(t.app);
    const organisation = await fixtures.organisation();
    const site = await fixtures.site();
    const coordinator = await fixtures.user({
      roles: ['coordinator'],
      organisation,
      sites: [site],
      language: 'fi',
    });
    const gone = await fixtures.user({ roles: ['coordinator'], organisation, sites: [site] });
    await t.dataSource.query(`UPDATE staff_users SET active = false WHERE id = $1`, [gone.id]);
    const adviser = await fixtures.user({ roles: ['adviser'], organisation, sites: [site] });

    const builder = new RollupBuilder(t.dataSource, REPORT_VOCABULARY);
    const monthly = new MonthlyReportHandler(t.dataSource, builder, clock);
    expect(await monthly.run()).toEqual({ month: '2026-11' });
    expect(await monthly.run()).toEqual({ month: '2026-11' }); // a retry changes nothing
    const [finalised] = await t.dataSource.query<{ finalised_at: Date | null }[]>(
      `SELECT finalised_at FROM report_months WHERE month = '2026-11-01'`,
    );
    expect(finalised.finalised_at).toBeInstanceOf(Date);
    const scans = await t.dataSource.query<{ payload: unknown }[]>(
      `SELECT payload FROM outbox WHERE job_name = 'reminder.scan'`,
    );
    expect(scans).toEqual([{ payload: { kind: 'report_ready' } }]);

    // What the relay would run next: the scan, then each delivery.
    const catalogue = new ReminderCatalogue([new ReportReadyReminder()]);
    const scan = new ReminderScanHandler(t.dataSource, catalogue, clock);
    expect(await scan.scan('report_ready')).toEqual({ due: 1, enqueued: 1 });
    const deliveries = await t.dataSource.query<{ payload: Record<string, string> }[]>(
      `SELECT payload FROM outbox WHERE job_name = 'reminder.deliver'`,
    );
    expect(deliveries.map((d) => d.payload)).toEqual([
      {
        kind: 'report_ready',
        subjectId: '2026-11',
        recipientId: coordinator.id,
        dueDate: '2026-11-01',
      },
    ]);
    const deliver = new ReminderDeliverHandler(
      t.dataSource,
      catalogue,
      new DeliveryLedger(t.dataSource),
      new MessageTemplates(),
      email,
      { PUBLIC_URL: 'http://localhost:3000' },
      clock,
    );
    const payload = deliveries[0].payload as unknown as Parameters<typeof deliver.deliver>[0];
    expect(await deliver.deliver(payload)).toEqual({ delivered: ['in_app', 'email'] });
    expect(await deliver.deliver(payload)).toEqual({ delivered: [] });
    const notices = await t.dataSource.query<
      { recipient_id: string; message_key: string; link: string; params: unknown }[]
    >(`SELECT recipient_id, message_key, link, params FROM notifications`);
    expect(notices).toEqual([
      {
        recipient_id: coordinator.id,
        message_key: 'reports.ready_message',
        link: '/reports/month?month=2026-11',
        params: { month: '2026-11' },
      },
    ]);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain(coordinator.email);
    expect(mails[0]).toContain('kuukausiraportti 2026-11 on valmis');
    expect(mails.join()).not.toContain(adviser.email);
    // A later daily scan finds the same announcement and adds nothing.
    expect(await scan.scan('report_ready')).toEqual({ due: 1, enqueued: 0 });
  });
});
