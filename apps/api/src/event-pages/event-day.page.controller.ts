import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  ATTENDANCE,
  EventDayService,
  EventReader,
  EventReportService,
  MEETING_OUTCOMES,
  type MeetingOutcome,
} from '@ohjaamo/employers';
import { type FieldError, I18nService } from '@ohjaamo/platform';
import type { Response } from 'express';
import { formErrors, text } from '../admin/form-errors';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { validationErrorsOf } from '../ui/form';
import { PageRenderer } from '../ui/page-renderer';
import { EventLabels } from './event-labels';

const CHECK_IN_CHOICES = ATTENDANCE.filter((a) => a !== 'registered');

/**
 * The event day and after: the check-in page (tablet-sized buttons), printable
 * timetables, outcomes of each meeting with the follow-ups, and the report.
 */
@ApiExcludeController()
@UseFilters(InvalidIdFilter)
@Controller('events/:id')
export class EventDayPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly reader: EventReader,
    private readonly day: EventDayService,
    private readonly reports: EventReportService,
    private readonly i18n: I18nService,
  ) {}

  @Allow('events.checkin')
  @Get('check-in')
  async checkIn(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
  ): Promise<void> {
    const event = await this.reader.detail(req.auth!.actor, id);
    const labels = new EventLabels(event, this.i18n);
    const buttons = (current: string, name: string) =>
      CHECK_IN_CHOICES.map((value) => ({
        value,
        label: this.i18n.translate(`events.attendance.${value}`),
        name,
        pressed: current === value,
      }));
    this.pages.render(
      req,
      res,
      'events/check-in',
      {
        event: { id: event.id, title: event.title, when: labels.when() },
        mayManage: req.auth!.permissions.has('events.manage'),
        participants: event.registrations.map((r) => {
          const name = labels.person(r.id);
          return {
            id: r.id,
            name,
            status: this.i18n.translate(`events.attendance.${r.attendance}`),
            arrived: r.attendance === 'arrived' || r.attendance === 'late',
            buttons: buttons(r.attendance, name),
          };
        }),
        employers: event.eventEmployers.map((e) => ({
          id: e.id,
          name: e.name,
          status: this.i18n.translate(`events.attendance.${e.attendance}`),
          arrived: e.attendance === 'arrived' || e.attendance === 'late',
          buttons: buttons(e.attendance, e.name),
        })),
      },
      { titleKey: 'events.checkIn.title', titleParams: { event: event.title } },
    );
  }

  @Allow('events.checkin')
  @Post('check-in/registrations/:registrationId')
  async markParticipant(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @IdParam('registrationId') registrationId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    await this.day.checkIn(req.auth!.actor, id, registrationId, text(body.attendance));
    res.redirect(303, `/events/${id}/check-in#p-${registrationId}`);
  }

  @Allow('events.checkin')
  @Post('check-in/employers/:eventEmployerId')
  async markEmployer(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @IdParam('eventEmployerId') eventEmployerId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    await this.day.checkInEmployer(req.auth!.actor, id, eventEmployerId, text(body.attendance));
    res.redirect(303, `/events/${id}/check-in#e-${eventEmployerId}`);
  }

  @Allow('events.checkin')
  @Get('timetables')
  async timetables(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
  ): Promise<void> {
    const event = await this.reader.detail(req.auth!.actor, id);
    const labels = new EventLabels(event, this.i18n);
    const byTable = labels.tables().map((t) => ({
      label: t.label,
      rows: event.meetings
        .filter((m) => m.eventEmployerId === t.eventEmployerId && m.table === t.table)
        .map((m) => ({
          round: m.round,
          time: labels.roundTime(m.round),
          partner: labels.person(m.registrationId),
        })),
    }));
    const byParticipant = event.registrations.map((r) => ({
      label: labels.person(r.id),
      rows: event.meetings
        .filter((m) => m.registrationId === r.id)
        .map((m) => ({
          round: m.round,
          time: labels.roundTime(m.round),
          partner: labels.table(m.eventEmployerId, m.table),
        })),
    }));
    this.pages.render(
      req,
      res,
      'events/timetables',
      {
        event: { id: event.id, title: event.title, when: labels.when(), siteName: event.siteName },
        byTable,
        byParticipant,
      },
      {
        titleKey: 'events.timetables.title',
        titleParams: { event: event.title },
        scripts: ['events.js'],
      },
    );
  }

  @Allow('events.manage')
  @Get('outcomes')
  async outcomes(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
  ): Promise<void> {
    await this.renderOutcomes(req, res, id, [], 200);
  }

  @Allow('events.manage')
  @Post('meetings/:meetingId/outcome')
  async recordOutcome(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @IdParam('meetingId') meetingId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const outcome = text(body.outcome);
    try {
      await this.day.recordOutcome(req.auth!.actor, id, meetingId, {
        outcome: outcome === '' ? null : (outcome as MeetingOutcome),
        openApplicationLeft: body.openApplicationLeft === 'true',
      });
      this.pages.flash(res, { kind: 'success', key: 'events.outcomes.saved' });
      res.redirect(303, `/events/${id}/outcomes#m-${meetingId}`);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      const shown = errors.map((e) => ({ ...e, field: `outcome-${meetingId}` }));
      await this.renderOutcomes(req, res, id, shown, 422);
    }
  }

  @Allow('events.manage')
  @Post('registrations/:registrationId/follow-up')
  async recordFollowUp(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @IdParam('registrationId') registrationId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const hired = body.hired === 'true';
    try {
      await this.day.recordFollowUp(req.auth!.actor, id, registrationId, {
        months: Number(text(body.months)),
        hired,
        eventEmployerId: hired ? text(body.eventEmployerId) || null : null,
        hiredOn: hired ? text(body.hiredOn) || null : null,
      });
      this.pages.flash(res, { kind: 'success', key: 'events.followUps.saved' });
      res.redirect(303, `/events/${id}/outcomes#f-${registrationId}`);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      const shown = errors.map((e) => ({ ...e, field: `${e.field}-${registrationId}` }));
      await this.renderOutcomes(req, res, id, shown, 422);
    }
  }

  @Allow('events.report')
  @Get('report')
  async report(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
  ): Promise<void> {
    const report = await this.reports.report(req.auth!.actor, id);
    this.pages.render(
      req,
      res,
      'events/report',
      {
        report: {
          ...report,
          share:
            report.hiredShare === null ? null : `${Math.round(report.hiredShare * 1000) / 10} %`,
        },
        outcomes: MEETING_OUTCOMES.map((o) => ({
          label: this.i18n.translate(`events.outcomes.kinds.${o}`),
          count: report.outcomes[o],
        })),
        mayManage: req.auth!.permissions.has('events.manage'),
      },
      { titleKey: 'events.report.title', titleParams: { event: report.title } },
    );
  }

  private async renderOutcomes(
    req: AuthedRequest,
    res: Response,
    id: string,
    errors: FieldError[],
    status: number,
  ): Promise<void> {
    const event = await this.reader.detail(req.auth!.actor, id);
    const labels = new EventLabels(event, this.i18n);
    const outcomeOptions = [
      { value: '', label: this.i18n.translate('events.outcomes.none') },
      ...MEETING_OUTCOMES.map((o) => ({
        value: o,
        label: this.i18n.translate(`events.outcomes.kinds.${o}`),
      })),
    ];
    const employerOptions = [
      { value: '', label: '' },
      ...event.eventEmployers.map((e) => ({ value: e.id, label: e.name })),
    ];
    const translated = this.pages.errors(formErrors(errors));
    this.pages.render(
      req,
      res,
      'events/outcomes',
      {
        event: { id: event.id, title: event.title, when: labels.when() },
        meetings: event.meetings.map((m) => ({
          id: m.id,
          label: labels.meeting(m),
          field: `outcome-${m.id}`,
          options: outcomeOptions.map((o) => ({ ...o, selected: o.value === (m.outcome ?? '') })),
          openApplicationLeft: m.openApplicationLeft,
          error: translated.find((e) => e.field === `outcome-${m.id}`)?.message ?? null,
        })),
        participants: event.registrations.map((r) => ({
          id: r.id,
          label: labels.person(r.id),
          recorded: event.followUps
            .filter((f) => f.registrationId === r.id)
            .map((f) =>
              this.i18n.translate('events.followUps.recorded', {
                months: f.months,
                answer: f.hired
                  ? this.i18n.translate('events.followUps.yes', {
                      employer: labels.employer(f.eventEmployerId ?? ''),
                      date: f.hiredOn ?? '',
                    })
                  : this.i18n.translate('events.followUps.no'),
              }),
            ),
          employerOptions,
          fieldErrors: Object.fromEntries(
            ['months', 'eventEmployerId', 'hiredOn'].map((f) => [
              f,
              translated.find((e) => e.field === `${f}-${r.id}`)?.message ?? null,
            ]),
          ),
        })),
        monthOptions: [1, 3].map((n) => ({
          value: String(n),
          label: this.i18n.translate('events.followUps.monthsN', { months: n }),
        })),
        errors: translated,
      },
      { titleKey: 'events.outcomes.title', titleParams: { event: event.title }, status },
    );
  }
}
