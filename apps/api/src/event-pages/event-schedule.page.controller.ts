import { Body, Controller, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ScheduleService } from '@ohjaamo/employers';
import { DomainError, type FieldError } from '@ohjaamo/platform';
import type { Response } from 'express';
import { text } from '../admin/form-errors';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { PageRenderer } from '../ui/page-renderer';
import { EventOverview } from './event-overview';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLOT = /^([0-9a-f-]{36}):(\d{1,3})$/i;

// Errors on the manual forms name the form's own fields (the page has several forms).
const MOVE_FIELDS: Record<string, string> = {
  round: 'moveRound',
  table: 'moveSlot',
  eventEmployerId: 'moveSlot',
  registrationId: 'moveMeeting',
};
const ADD_FIELDS: Record<string, string> = {
  round: 'addRound',
  table: 'addSlot',
  eventEmployerId: 'addSlot',
  registrationId: 'addParticipant',
};

/** The event page's timetable forms: generate, and move, add or remove a meeting. */
@ApiExcludeController()
@UseFilters(InvalidIdFilter)
@Controller('events/:id')
export class EventSchedulePageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly schedule: ScheduleService,
    private readonly overview: EventOverview,
  ) {}

  @Allow('events.manage')
  @Post('schedule')
  async generate(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    await this.apply(req, res, id, {}, 'events.schedule.generated', (version) =>
      this.schedule.generate(req.auth!.actor, id, {
        version,
        keepFixed: body.keepFixed === 'true',
      }),
    )(body);
  }

  @Allow('events.manage')
  @Post('meetings/move')
  async move(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const meetingId = text(body.moveMeeting);
    const slot = SLOT.exec(text(body.moveSlot));
    const round = Number(text(body.moveRound));
    const errors: FieldError[] = [];
    if (!UUID.test(meetingId)) errors.push({ field: 'moveMeeting', code: 'isUUID' });
    if (!slot) errors.push({ field: 'moveSlot', code: 'isIn' });
    if (!Number.isInteger(round)) errors.push({ field: 'moveRound', code: 'isInt' });
    if (errors.length > 0 || !slot) return this.overview.render(req, res, id, errors, 422);
    await this.apply(req, res, id, MOVE_FIELDS, 'events.schedule.changed', (version) =>
      this.schedule.move(req.auth!.actor, id, meetingId, version, {
        round,
        eventEmployerId: slot[1],
        table: Number(slot[2]),
      }),
    )(body);
  }

  @Allow('events.manage')
  @Post('meetings/add')
  async add(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const registrationId = text(body.addParticipant);
    const slot = SLOT.exec(text(body.addSlot));
    const round = Number(text(body.addRound));
    const errors: FieldError[] = [];
    if (!UUID.test(registrationId)) errors.push({ field: 'addParticipant', code: 'isUUID' });
    if (!slot) errors.push({ field: 'addSlot', code: 'isIn' });
    if (!Number.isInteger(round)) errors.push({ field: 'addRound', code: 'isInt' });
    if (errors.length > 0 || !slot) return this.overview.render(req, res, id, errors, 422);
    await this.apply(req, res, id, ADD_FIELDS, 'events.schedule.changed', (version) =>
      this.schedule.add(req.auth!.actor, id, version, {
        round,
        eventEmployerId: slot[1],
        registrationId,
        table: Number(slot[2]),
      }),
    )(body);
  }

  @Allow('events.manage')
  @Post('meetings/remove')
  async remove(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const meetingId = text(body.removeMeeting);
    if (!UUID.test(meetingId)) {
      return this.overview.render(req, res, id, [{ field: 'removeMeeting', code: 'isUUID' }], 422);
    }
    await this.apply(
      req,
      res,
      id,
      { registrationId: 'removeMeeting' },
      'events.schedule.changed',
      (version) => this.schedule.remove(req.auth!.actor, id, meetingId, version),
    )(body);
  }

  /**
   * Runs a timetable change made on the version the page showed. A conflict re-renders
   * the page with the reasons next to the form's fields; a stale page gets a message and
   * the current timetable.
   */
  private apply(
    req: AuthedRequest,
    res: Response,
    id: string,
    fields: Record<string, string>,
    successKey: string,
    change: (version: number) => Promise<unknown>,
  ): (body: Record<string, unknown>) => Promise<void> {
    return async (body) => {
      try {
        await change(Number(text(body.version)));
        this.pages.flash(res, { kind: 'success', key: successKey });
        res.redirect(303, `/events/${id}#schedule`);
      } catch (error) {
        if (!(error instanceof DomainError) || error.kind === 'not_found') throw error;
        if (error.fieldErrors.length > 0) {
          const shown = error.fieldErrors.map((e) => ({
            ...e,
            field: fields[e.field] ?? Object.values(fields)[0] ?? e.field,
          }));
          return this.overview.render(req, res, id, shown, 409);
        }
        this.pages.flash(res, { kind: 'error', key: `events.errors.${error.code}` });
        res.redirect(303, `/events/${id}#schedule`);
      }
    };
  }
}
