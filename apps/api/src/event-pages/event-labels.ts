import type { EventDetail, MeetingView } from '@ohjaamo/employers';
import { type I18nService, formatHelsinkiLocal } from '@ohjaamo/platform';

/**
 * How an event's people and meetings are named on its pages: a young person by name when
 * the user may see it, otherwise by participant number; an employer table by employer
 * name and table number.
 */
export class EventLabels {
  private readonly people = new Map<string, string>();
  private readonly employers = new Map<string, string>();

  constructor(
    private readonly event: EventDetail,
    private readonly i18n: I18nService,
  ) {
    for (const r of event.registrations) {
      this.people.set(
        r.id,
        r.name ?? i18n.translate('events.registrations.participant', { number: r.number }),
      );
    }
    for (const e of event.eventEmployers) this.employers.set(e.id, e.name);
  }

  person(registrationId: string): string {
    return this.people.get(registrationId) ?? '';
  }

  employer(eventEmployerId: string): string {
    return this.employers.get(eventEmployerId) ?? '';
  }

  table(eventEmployerId: string, table: number): string {
    return this.i18n.translate('events.schedule.tableOf', {
      employer: this.employer(eventEmployerId),
      n: table,
    });
  }

  /** "HH:MM" in Helsinki of a round's start (rounds count from 1). */
  roundTime(round: number): string {
    const start = this.event.roundStarts[round - 1];
    return start ? formatHelsinkiLocal(start).slice(11) : '';
  }

  meeting(m: MeetingView): string {
    return this.i18n.translate('events.outcomes.meetingLabel', {
      round: m.round,
      participant: this.person(m.registrationId),
      employer: this.table(m.eventEmployerId, m.table),
    });
  }

  /** The event's day and times: "12.3.2026 13:00–15:00". */
  when(): string {
    const start = formatHelsinkiLocal(this.event.startsAt);
    const end = formatHelsinkiLocal(this.event.endsAt);
    const [y, m, d] = start.slice(0, 10).split('-').map(Number);
    return this.i18n.translate('events.when', {
      day: `${d}.${m}.${y}`,
      start: start.slice(11),
      end: end.slice(11),
    });
  }

  /** Every employer table of the event, in order: the timetable's columns. */
  tables(): { eventEmployerId: string; table: number; label: string; value: string }[] {
    return this.event.eventEmployers.flatMap((e) =>
      Array.from({ length: e.tables }, (_, i) => ({
        eventEmployerId: e.id,
        table: i + 1,
        label: this.table(e.id, i + 1),
        value: `${e.id}:${i + 1}`,
      })),
    );
  }
}
