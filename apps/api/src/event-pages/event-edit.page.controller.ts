import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type EventDetail, EventReader, EventsService } from '@ohjaamo/employers';
import { SitesService } from '@ohjaamo/identity';
import { DomainError, type FieldError, formatHelsinkiLocal } from '@ohjaamo/platform';
import type { Response } from 'express';
import { formErrors, text } from '../admin/form-errors';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { validationErrorsOf } from '../ui/form';
import { PageRenderer } from '../ui/page-renderer';

interface EditValues {
  siteId: string;
  title: string;
  theme: string;
  startsAt: string;
  durationMinutes: string;
  slotMinutes: string;
  capacity: string;
  clearTimetable: boolean;
  reason: string;
}

/**
 * Changing an event after it was created, and cancelling it, on one page. A change that
 * would break the stored timetable comes back with the error and a box to confirm
 * clearing it; a change made by someone else in the meantime is told, not overwritten.
 */
@ApiExcludeController()
@UseFilters(InvalidIdFilter)
@Controller('events')
export class EventEditPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly events: EventsService,
    private readonly reader: EventReader,
    private readonly sites: SitesService,
  ) {}

  @Allow('events.manage')
  @Get(':id/edit')
  async form(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
  ): Promise<void> {
    const event = await this.reader.detail(req.auth!.actor, id);
    await this.renderEdit(req, res, event, valuesOf(event), event.version, [], 200);
  }

  @Allow('events.manage')
  @Post(':id/edit')
  async save(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const values: EditValues = {
      siteId: text(body.siteId),
      title: text(body.title),
      theme: text(body.theme),
      startsAt: text(body.startsAt),
      durationMinutes: text(body.durationMinutes),
      slotMinutes: text(body.slotMinutes),
      capacity: text(body.capacity),
      clearTimetable: body.clearTimetable === 'true',
      reason: '',
    };
    const version = wholeNumber(text(body.version)) ?? -1;
    try {
      await this.events.update(req.auth!.actor, id, {
        siteId: values.siteId,
        title: values.title,
        theme: values.theme,
        startsAt: values.startsAt,
        durationMinutes: wholeNumber(values.durationMinutes),
        slotMinutes: wholeNumber(values.slotMinutes) ?? undefined,
        capacity: wholeNumber(values.capacity) ?? 0,
        version,
        clearTimetable: values.clearTimetable,
      });
      this.pages.flash(res, { kind: 'success', key: 'eventEdit.saved' });
      res.redirect(303, `/events/${id}`);
    } catch (error) {
      if (this.refusedAsFlash(res, id, error)) return;
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      const shown = errors.map((e) =>
        e.field === 'endsAt' ? { ...e, field: 'durationMinutes' } : e,
      );
      const event = await this.reader.detail(req.auth!.actor, id);
      await this.renderEdit(req, res, event, values, version, shown, 422);
    }
  }

  @Allow('events.manage')
  @Post(':id/cancel')
  async cancel(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const reason = text(body.reason);
    try {
      await this.events.cancel(req.auth!.actor, id, reason);
      this.pages.flash(res, { kind: 'success', key: 'eventEdit.cancelled' });
      res.redirect(303, `/events/${id}`);
    } catch (error) {
      if (this.refusedAsFlash(res, id, error)) return;
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      const event = await this.reader.detail(req.auth!.actor, id);
      const values = { ...valuesOf(event), reason };
      await this.renderEdit(req, res, event, values, event.version, errors, 422);
    }
  }

  // A conflict (cancelled already, changed by someone else, outcomes recorded) is told
  // on the event page; nothing was changed.
  private refusedAsFlash(res: Response, id: string, error: unknown): boolean {
    if (!(error instanceof DomainError) || error.kind !== 'conflict') return false;
    this.pages.flash(res, { kind: 'error', key: `events.errors.${error.code}` });
    res.redirect(303, `/events/${id}`);
    return true;
  }

  private async renderEdit(
    req: AuthedRequest,
    res: Response,
    event: EventDetail,
    values: EditValues,
    version: number,
    errors: FieldError[],
    status: number,
  ): Promise<void> {
    const mine = new Set(req.auth!.actor.siteIds);
    const sites = (await this.sites.list({ active: true })).filter((s) => mine.has(s.id));
    this.pages.render(
      req,
      res,
      'events/edit',
      {
        event: { id: event.id, title: event.title },
        cancelled: event.status === 'cancelled',
        hasTimetable: event.meetings.length > 0,
        form: values,
        version,
        sites: sites.map((s) => ({ value: s.id, label: s.name })),
        errors: this.pages.errors(formErrors(errors)),
      },
      { titleKey: 'eventEdit.title', titleParams: { title: event.title }, status },
    );
  }
}

function valuesOf(event: EventDetail): EditValues {
  return {
    siteId: event.siteId,
    title: event.title,
    theme: event.theme ?? '',
    startsAt: formatHelsinkiLocal(event.startsAt),
    durationMinutes: String((event.endsAt.getTime() - event.startsAt.getTime()) / 60_000),
    slotMinutes: String(event.slotMinutes),
    capacity: String(event.capacity),
    clearTimetable: false,
    reason: '',
  };
}

function wholeNumber(value: string): number | null {
  return /^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : null;
}
