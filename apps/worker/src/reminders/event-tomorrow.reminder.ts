import { addDays, helsinkiDate } from '@ohjaamo/platform';
import type { EntityManager } from 'typeorm';
import { formatDay } from './format-day';
import { ReminderBase } from './reminder-base';
import type { DueReminder, ExternalContact } from './reminder-definition';

const HELSINKI_DAY = `(e.starts_at AT TIME ZONE 'Europe/Helsinki')::date`;
// A cancelled event has no tomorrow: nobody is reminded of it.
const NOT_CANCELLED = `e.status <> 'cancelled'`;

/**
 * A recruitment event starts tomorrow → every young person registered for it (a linked
 * client by their own preferred contact method; a guest who consented to be contacted, by
 * SMS or else e-mail) and every e-mail contact person of its employers. The due date is
 * the event's day, so each recipient hears once per event day, however often it is
 * scanned. Young people's messages name only the date; employers' name the event too.
 * No-shows marked in advance, and cancelled events, are left out.
 */
export class EventTomorrowReminder extends ReminderBase {
  readonly kind = 'event_tomorrow';
  // Staff get nothing: the recipients are all outside the staff.
  override readonly channels = [] as const;
  // Mid-morning, outside any quiet hours, so the day before is a day's notice.
  readonly schedule = '0 10 * * *';
  readonly messageKey = 'events.reminderTomorrow';
  readonly emailTemplate = 'event-tomorrow-employer.email';
  readonly youngPersonTemplate = 'event-tomorrow';

  link(): null {
    return null;
  }

  /** A guest registration or an employer's contact person, by id. */
  async externalContact(manager: EntityManager, due: DueReminder): Promise<ExternalContact | null> {
    const [guest] = await manager.query<
      { phone: string | null; email: string | null; language: string | null }[]
    >(
      `SELECT guest_phone AS phone, guest_email AS email, guest_language AS language
         FROM event_registrations WHERE id = $1 AND client_id IS NULL`,
      [due.recipientId],
    );
    if (guest) {
      const channel = guest.phone ? 'sms' : guest.email ? 'email' : null;
      if (!channel) return null;
      return {
        channel,
        address: (channel === 'sms' ? guest.phone : guest.email)!,
        language: guest.language,
        template: this.youngPersonTemplate,
        params: { date: formatDay(due.dueDate, guest.language) },
      };
    }
    const [contact] = await manager.query<
      { email: string; language: string; title: string; site: string; startsAt: Date }[]
    >(
      `SELECT c.email, c.language, e.title, s.name AS site, e.starts_at AS "startsAt"
         FROM employer_contacts c
         JOIN event_employers ee ON ee.employer_id = c.employer_id
         JOIN recruitment_events e ON e.id = ee.event_id
         JOIN sites s ON s.id = e.site_id
        WHERE c.id = $1 AND e.id = $2 AND c.email IS NOT NULL`,
      [due.recipientId, due.subjectId],
    );
    if (!contact) return null;
    return {
      channel: 'email',
      address: contact.email,
      language: contact.language,
      template: 'event-tomorrow-employer',
      params: {
        date: formatDay(due.dueDate, contact.language),
        time: helsinkiTime(new Date(contact.startsAt)),
        title: contact.title,
        site: contact.site,
      },
    };
  }

  protected async dueOf(
    manager: EntityManager,
    now: Date,
    eventId: string | null,
  ): Promise<DueReminder[]> {
    const tomorrow = addDays(helsinkiDate(now), 1);
    const rows = await manager.query<
      { event: string; recipient: string; type: 'client' | 'external'; day: string }[]
    >(
      `SELECT e.id AS event, r.client_id AS recipient, 'client' AS type,
              to_char(${HELSINKI_DAY}, 'YYYY-MM-DD') AS day
         FROM recruitment_events e JOIN event_registrations r ON r.event_id = e.id
        WHERE ${HELSINKI_DAY} = $1::date AND ($2::uuid IS NULL OR e.id = $2) AND ${NOT_CANCELLED}
          AND r.client_id IS NOT NULL AND r.attendance <> 'no_show'
       UNION ALL
       SELECT e.id, r.id, 'external', to_char(${HELSINKI_DAY}, 'YYYY-MM-DD')
         FROM recruitment_events e JOIN event_registrations r ON r.event_id = e.id
        WHERE ${HELSINKI_DAY} = $1::date AND ($2::uuid IS NULL OR e.id = $2) AND ${NOT_CANCELLED}
          AND r.client_id IS NULL AND r.guest_consent_to_contact
          AND (r.guest_phone IS NOT NULL OR r.guest_email IS NOT NULL)
          AND r.attendance <> 'no_show'
       UNION ALL
       SELECT e.id, c.id, 'external', to_char(${HELSINKI_DAY}, 'YYYY-MM-DD')
         FROM recruitment_events e
         JOIN event_employers ee ON ee.event_id = e.id
         JOIN employer_contacts c ON c.employer_id = ee.employer_id
        WHERE ${HELSINKI_DAY} = $1::date AND ($2::uuid IS NULL OR e.id = $2) AND ${NOT_CANCELLED}
          AND c.email IS NOT NULL AND ee.attendance <> 'no_show'
        ORDER BY 1, 2`,
      [tomorrow, eventId],
    );
    return rows.map((row) => ({
      subjectId: row.event,
      recipientId: row.recipient,
      dueDate: row.day,
      recipientType: row.type,
    }));
  }
}

function helsinkiTime(instant: Date): string {
  return new Intl.DateTimeFormat('fi-FI', {
    timeZone: 'Europe/Helsinki',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(instant)
    .replace('.', ':');
}
