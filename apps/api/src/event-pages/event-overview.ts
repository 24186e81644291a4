import { Injectable } from '@nestjs/common';
import type { DeskClientSummary } from '@ohjaamo/clients';
import { EmployersService, EventReader, type EventDetail } from '@ohjaamo/employers';
import { type FieldError, helsinkiDate, I18nService, LANGUAGES } from '@ohjaamo/platform';
import type { Response } from 'express';
import { formErrors } from '../admin/form-errors';
import type { AuthedRequest } from '../auth/request-auth';
import { PageRenderer } from '../ui/page-renderer';
import { EventLabels } from './event-labels';

/** What the event page's forms held when they come back with errors. */
export interface OverviewValues {
  employerId?: string;
  tables?: string;
  guestName?: string;
  guestPhone?: string;
  guestEmail?: string;
  guestLanguage?: string;
  guestConsent?: boolean;
  searchName?: string;
  searchBirthDate?: string;
  searchPhone?: string;
}

/**
 * The event page: details, employers and tables, young people, the timetable with its
 * score and the forms that change it. Shared by the controllers whose forms it holds.
 */
@Injectable()
export class EventOverview {
  constructor(
    private readonly pages: PageRenderer,
    private readonly reader: EventReader,
    private readonly employers: EmployersService,
    private readonly i18n: I18nService,
  ) {}

  async render(
    req: AuthedRequest,
    res: Response,
    eventId: string,
    errors: FieldError[] = [],
    status = 200,
    values: OverviewValues = {},
    clientResults: DeskClientSummary[] | null = null,
  ): Promise<void> {
    const event = await this.reader.detail(req.auth!.actor, eventId);
    const labels = new EventLabels(event, this.i18n);
    const inEvent = new Set(event.eventEmployers.map((e) => e.employerId));
    const allEmployers = await this.employers.list();
    const tables = labels.tables();
    const rounds = Array.from({ length: event.rounds }, (_, i) => i + 1);
    this.pages.render(
      req,
      res,
      'events/show',
      {
        event: {
          id: event.id,
          title: event.title,
          theme: event.theme ?? '',
          siteName: event.siteName,
          when: labels.when(),
          rounds: this.i18n.translate('events.rounds', {
            rounds: event.rounds,
            slot: event.slotMinutes,
          }),
          places: this.i18n.translate('events.places', {
            registered: event.registered,
            capacity: event.capacity,
          }),
          version: event.version,
          cancelled: event.status === 'cancelled',
          cancelledOn: event.cancelledAt ? helsinkiDate(event.cancelledAt) : '',
          cancellationReason: event.cancellationReason ?? '',
        },
        employers: event.eventEmployers.map((e) => ({
          id: e.id,
          name: e.name,
          tables: e.tables,
          interest: e.interest.map((id) => labels.person(id)).join(', '),
        })),
        employerOptions: [
          { value: '', label: '' },
          ...allEmployers
            .filter((e) => !inEvent.has(e.id))
            .map((e) => ({ value: e.id, label: `${e.name} (${e.businessId})` })),
        ],
        registrations: event.registrations.map((r) => ({
          id: r.id,
          number: r.number,
          label: labels.person(r.id),
          kind: this.i18n.translate(`events.registrations.${r.kind}`),
          attendance: this.i18n.translate(`events.attendance.${r.attendance}`),
          preferences: r.preferences.map((id) => labels.employer(id)).join(', '),
        })),
        languages: LANGUAGES.map((l) => ({
          value: l,
          label: this.i18n.translate(`languages.${l}`),
        })),
        schedule: this.schedule(event, labels, rounds, tables),
        roundOptions: rounds.map((n) => ({
          value: String(n),
          label: this.i18n.translate('events.schedule.roundAt', { n, time: labels.roundTime(n) }),
        })),
        slotOptions: tables.map((t) => ({ value: t.value, label: t.label })),
        meetingOptions: event.meetings.map((m) => ({ value: m.id, label: labels.meeting(m) })),
        participantOptions: event.registrations.map((r) => ({
          value: r.id,
          label: labels.person(r.id),
        })),
        searched: clientResults !== null,
        clientResults: clientResults ? this.clientResults(event, clientResults) : [],
        values: {
          tables: '1',
          guestLanguage: 'fi',
          ...values,
        },
        errors: this.pages.errors(formErrors(errors)),
      },
      { titleKey: 'events.title', status },
    );
  }

  // Search hits to pick from; those registered already are marked, not offered again.
  private clientResults(
    event: EventDetail,
    results: DeskClientSummary[],
  ): Record<string, unknown>[] {
    const registered = new Set(event.registrations.map((r) => r.clientId));
    return results.map((c) => ({
      id: c.id,
      name: `${c.lastName}, ${c.firstName}`,
      details: [c.birthYear, c.municipality].filter((v) => v !== null).join(', '),
      registered: registered.has(c.id),
    }));
  }

  private schedule(
    event: EventDetail,
    labels: EventLabels,
    rounds: number[],
    tables: ReturnType<EventLabels['tables']>,
  ): Record<string, unknown> | null {
    if (!event.score) return null;
    const score = event.score as {
      total?: number;
      meetings?: number;
      meetingsPerParticipant?: { min: number; max: number; mean: number };
      participantsWithoutMeeting?: number;
      choicesMet?: { first: number };
      provenOptimal?: boolean;
    };
    const seat = new Map(
      event.meetings.map((m) => [`${m.round}|${m.eventEmployerId}:${m.table}`, m]),
    );
    const per = score.meetingsPerParticipant;
    return {
      total: Math.round((score.total ?? 0) * 100) / 100,
      meetings: score.meetings ?? event.meetings.length,
      perParticipant: per ? `${per.min}–${per.max}, ${Math.round(per.mean * 10) / 10}` : '',
      withoutMeeting: score.participantsWithoutMeeting ?? 0,
      firstChoice:
        score.choicesMet === undefined ? '' : `${Math.round(score.choicesMet.first * 100)} %`,
      optimal: score.provenOptimal === true,
      columns: tables.map((t) => t.label),
      rows: rounds.map((round) => ({
        label: this.i18n.translate('events.schedule.roundAt', {
          n: round,
          time: labels.roundTime(round),
        }),
        cells: tables.map((t) => {
          const m = seat.get(`${round}|${t.value}`);
          return m ? { person: labels.person(m.registrationId), fixed: m.fixed } : null;
        }),
      })),
    };
  }
}
