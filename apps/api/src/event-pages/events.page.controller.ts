import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { eventError, EventReader, EventsService } from '@ohjaamo/employers';
import { ClientsService } from '@ohjaamo/clients';
import { SitesService } from '@ohjaamo/identity';
import { DomainError, type FieldError, formatHelsinkiLocal, I18nService } from '@ohjaamo/platform';
import type { Response } from 'express';
import { formErrors, text } from '../admin/form-errors';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { asList, validationErrorsOf } from '../ui/form';
import { PageRenderer } from '../ui/page-renderer';
import { EventLabels } from './event-labels';
import { EventOverview } from './event-overview';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface NewEventValues {
  siteId: string;
  title: string;
  theme: string;
  startsAt: string;
  durationMinutes: string;
  slotMinutes: string;
  capacity: string;
}

// The guest form's fields as the domain names them; a client registration's errors are
// shown on the client search, where the client was picked.
const GUEST_FIELDS: Record<string, string> = {
  'guest.name': 'guestName',
  'guest.phone': 'guestPhone',
  'guest.email': 'guestEmail',
  'guest.language': 'guestLanguage',
  clientId: 'searchName',
};

// The desk search's fields as the event page names them.
const SEARCH_FIELDS: Record<string, string> = {
  name: 'searchName',
  birthDate: 'searchBirthDate',
  phone: 'searchPhone',
};

/** Recruitment events: the list, a new event, and the event page's own forms. */
@ApiExcludeController()
@UseFilters(InvalidIdFilter)
@Controller('events')
export class EventsPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly events: EventsService,
    private readonly reader: EventReader,
    private readonly overview: EventOverview,
    private readonly sites: SitesService,
    private readonly i18n: I18nService,
    private readonly clients: ClientsService,
  ) {}

  // The front desk reaches the check-in pages from here.
  @Allow('events.checkin')
  @Get()
  async list(@Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    const events = await this.reader.list(req.auth!.actor);
    this.pages.render(
      req,
      res,
      'events/list',
      {
        mayManage: req.auth!.permissions.has('events.manage'),
        events: events.map((e) => ({
          ...e,
          theme: e.theme ?? '',
          cancelled: e.status === 'cancelled',
          places: this.i18n.translate('events.places', {
            registered: e.registered,
            capacity: e.capacity,
          }),
        })),
      },
      { titleKey: 'events.title' },
    );
  }

  @Allow('events.manage')
  @Get('new')
  async newForm(@Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    const values: NewEventValues = {
      siteId: req.auth!.actor.siteIds[0] ?? '',
      title: '',
      theme: '',
      startsAt: '',
      durationMinutes: '120',
      slotMinutes: '15',
      capacity: '30',
    };
    await this.renderNew(req, res, values, [], 200);
  }

  @Allow('events.manage')
  @Post()
  async create(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const values: NewEventValues = {
      siteId: text(body.siteId),
      title: text(body.title),
      theme: text(body.theme),
      startsAt: text(body.startsAt),
      durationMinutes: text(body.durationMinutes),
      slotMinutes: text(body.slotMinutes),
      capacity: text(body.capacity),
    };
    try {
      const event = await this.events.create(req.auth!.actor, {
        siteId: values.siteId,
        title: values.title,
        theme: values.theme,
        startsAt: values.startsAt,
        durationMinutes: wholeNumber(values.durationMinutes),
        slotMinutes: wholeNumber(values.slotMinutes) ?? undefined,
        capacity: wholeNumber(values.capacity) ?? 0,
      });
      this.pages.flash(res, { kind: 'success', key: 'events.created' });
      res.redirect(303, `/events/${event.id}`);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      // The form asks for a duration; "end or duration" is the duration's error here.
      const shown = errors.map((e) =>
        e.field === 'endsAt' ? { ...e, field: 'durationMinutes' } : e,
      );
      await this.renderNew(req, res, values, shown, 422);
    }
  }

  @Allow('events.manage')
  @Get(':id')
  async show(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
  ): Promise<void> {
    await this.overview.render(req, res, id);
  }

  @Allow('events.manage')
  @Post(':id/employers')
  async addEmployer(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const employerId = text(body.employerId);
    const tables = text(body.tables);
    try {
      if (!UUID.test(employerId)) {
        throw DomainError.validation([eventError('employerId', 'unknownEmployer')]);
      }
      await this.events.addEmployer(req.auth!.actor, id, {
        employerId,
        tables: wholeNumber(tables) ?? 0,
      });
      this.pages.flash(res, { kind: 'success', key: 'events.employers.added' });
      res.redirect(303, `/events/${id}#employers`);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      await this.overview.render(req, res, id, errors, 422, { employerId, tables });
    }
  }

  @Allow('events.manage')
  @Post(':id/employers/:eventEmployerId/delete')
  async removeEmployer(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @IdParam('eventEmployerId') eventEmployerId: string,
  ): Promise<void> {
    await this.refusedAsFlash(
      res,
      () => this.events.removeEmployer(req.auth!.actor, id, eventEmployerId),
      'events.employers.removed',
    );
    res.redirect(303, `/events/${id}#employers`);
  }

  @Allow('events.manage')
  @Post(':id/guests')
  async registerGuest(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const values = {
      guestName: text(body.guestName),
      guestPhone: text(body.guestPhone),
      guestEmail: text(body.guestEmail),
      guestLanguage: text(body.guestLanguage) || 'fi',
      guestConsent: body.guestConsent === 'true',
    };
    await this.register(req, res, id, values, {
      guest: {
        name: values.guestName,
        phone: values.guestPhone || null,
        email: values.guestEmail || null,
        language: values.guestLanguage,
        consentToContact: values.guestConsent,
      },
    });
  }

  /**
   * Finds clients to register with the desk's search (its rules, its limit, its one audit
   * row). Criteria come in the body, never in the URL; the hits are shown with a button
   * each that registers that client.
   */
  @Allow('events.manage')
  @Post(':id/client-search')
  async searchClients(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const values = {
      searchName: text(body.searchName).trim(),
      searchBirthDate: text(body.searchBirthDate).trim(),
      searchPhone: text(body.searchPhone).trim(),
    };
    try {
      const results = await this.clients.searchForDesk(req.auth!.actor, {
        name: values.searchName || undefined,
        birthDate: values.searchBirthDate || undefined,
        phone: values.searchPhone || undefined,
      });
      await this.overview.render(req, res, id, [], 200, values, results);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      const shown = errors.map((e) => ({ ...e, field: SEARCH_FIELDS[e.field] ?? 'searchName' }));
      await this.overview.render(req, res, id, shown, 422, values);
    }
  }

  @Allow('events.manage')
  @Post(':id/clients')
  async registerClient(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const clientId = text(body.clientId).trim();
    if (!UUID.test(clientId)) {
      const errors = [{ field: 'searchName', code: 'isUUID' }];
      return this.overview.render(req, res, id, errors, 422);
    }
    await this.register(req, res, id, {}, { clientId });
  }

  @Allow('events.manage')
  @Post(':id/registrations/:registrationId/delete')
  async removeRegistration(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @IdParam('registrationId') registrationId: string,
  ): Promise<void> {
    await this.refusedAsFlash(
      res,
      () => this.events.removeRegistration(req.auth!.actor, id, registrationId),
      'events.registrations.removed',
    );
    res.redirect(303, `/events/${id}#registrations`);
  }

  @Allow('events.manage')
  @Get(':id/registrations/:registrationId/preferences')
  async preferencesForm(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @IdParam('registrationId') registrationId: string,
  ): Promise<void> {
    await this.renderPreferences(req, res, id, registrationId, null, [], 200);
  }

  @Allow('events.manage')
  @Post(':id/registrations/:registrationId/preferences')
  async savePreferences(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @IdParam('registrationId') registrationId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const chosen = Object.keys(body)
      .filter((k) => /^choice-\d+$/.test(k))
      .sort((a, b) => Number(a.slice(7)) - Number(b.slice(7)))
      .map((k) => text(body[k]));
    const ranking = chosen.filter((v) => v !== '');
    try {
      if (ranking.some((v) => !UUID.test(v))) {
        throw DomainError.validation([eventError('eventEmployerIds', 'notInEvent')]);
      }
      await this.events.setPreferences(req.auth!.actor, id, registrationId, ranking);
      this.pages.flash(res, { kind: 'success', key: 'events.registrations.preferencesSaved' });
      res.redirect(303, `/events/${id}#registrations`);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      const shown = errors.map((e) => ({ ...e, field: 'choice-1' }));
      await this.renderPreferences(req, res, id, registrationId, chosen, shown, 422);
    }
  }

  @Allow('events.manage')
  @Get(':id/employers/:eventEmployerId/interest')
  async interestForm(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @IdParam('eventEmployerId') eventEmployerId: string,
  ): Promise<void> {
    await this.renderInterest(req, res, id, eventEmployerId, null, [], 200);
  }

  @Allow('events.manage')
  @Post(':id/employers/:eventEmployerId/interest')
  async saveInterest(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @IdParam('eventEmployerId') eventEmployerId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const chosen = asList(body.registrationIds);
    try {
      if (chosen.some((v) => !UUID.test(v))) {
        throw DomainError.validation([eventError('registrationIds', 'notInEvent')]);
      }
      await this.events.setInterest(req.auth!.actor, id, eventEmployerId, chosen);
      this.pages.flash(res, { kind: 'success', key: 'events.employers.interestSaved' });
      res.redirect(303, `/events/${id}#employers`);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      await this.renderInterest(req, res, id, eventEmployerId, chosen, errors, 422);
    }
  }

  // A refused removal (outcomes recorded) is told on the page it came from.
  private async refusedAsFlash(
    res: Response,
    work: () => Promise<void>,
    successKey: string,
  ): Promise<void> {
    try {
      await work();
      this.pages.flash(res, { kind: 'success', key: successKey });
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind !== 'conflict') throw error;
      this.pages.flash(res, { kind: 'error', key: `events.errors.${error.code}` });
    }
  }

  private async register(
    req: AuthedRequest,
    res: Response,
    id: string,
    values: Record<string, string | boolean>,
    input: Parameters<EventsService['register']>[2],
  ): Promise<void> {
    try {
      await this.events.register(req.auth!.actor, id, input);
      this.pages.flash(res, { kind: 'success', key: 'events.registrations.registered' });
      res.redirect(303, `/events/${id}#registrations`);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      const shown = errors.map((e) => ({ ...e, field: GUEST_FIELDS[e.field] ?? e.field }));
      await this.overview.render(req, res, id, shown, 422, values);
    }
  }

  private async renderNew(
    req: AuthedRequest,
    res: Response,
    values: NewEventValues,
    errors: FieldError[],
    status: number,
  ): Promise<void> {
    const mine = new Set(req.auth!.actor.siteIds);
    const sites = (await this.sites.list({ active: true })).filter((s) => mine.has(s.id));
    this.pages.render(
      req,
      res,
      'events/new',
      {
        form: values,
        sites: sites.map((s) => ({ value: s.id, label: s.name })),
        minStart: formatHelsinkiLocal(new Date()),
        errors: this.pages.errors(formErrors(errors)),
      },
      { titleKey: 'events.newTitle', status },
    );
  }

  private async renderPreferences(
    req: AuthedRequest,
    res: Response,
    id: string,
    registrationId: string,
    chosen: string[] | null,
    errors: FieldError[],
    status: number,
  ): Promise<void> {
    const event = await this.reader.detail(req.auth!.actor, id);
    const registration = event.registrations.find((r) => r.id === registrationId);
    if (!registration) throw DomainError.notFound('registration_not_found');
    const labels = new EventLabels(event, this.i18n);
    const current = chosen ?? registration.preferences;
    const options = [
      { value: '', label: this.i18n.translate('events.registrations.noChoice') },
      ...event.eventEmployers.map((e) => ({ value: e.id, label: e.name })),
    ];
    const name = labels.person(registration.id);
    this.pages.render(
      req,
      res,
      'events/preferences',
      {
        event: { id: event.id, title: event.title },
        registrationId,
        name,
        choices: event.eventEmployers.map((_, i) => ({
          name: `choice-${i + 1}`,
          label: this.i18n.translate('events.registrations.choice', { n: i + 1 }),
          value: current[i] ?? '',
          options,
        })),
        errors: this.pages.errors(formErrors(errors)),
      },
      { titleKey: 'events.registrations.preferencesTitle', titleParams: { name }, status },
    );
  }

  private async renderInterest(
    req: AuthedRequest,
    res: Response,
    id: string,
    eventEmployerId: string,
    chosen: string[] | null,
    errors: FieldError[],
    status: number,
  ): Promise<void> {
    const event = await this.reader.detail(req.auth!.actor, id);
    const employer = event.eventEmployers.find((e) => e.id === eventEmployerId);
    if (!employer) throw DomainError.notFound('event_employer_not_found');
    const labels = new EventLabels(event, this.i18n);
    this.pages.render(
      req,
      res,
      'events/interest',
      {
        event: { id: event.id, title: event.title },
        eventEmployerId,
        legend: this.i18n.translate('events.employers.interestLabel', { employer: employer.name }),
        options: event.registrations.map((r) => ({ value: r.id, label: labels.person(r.id) })),
        selected: chosen ?? employer.interest,
        errors: this.pages.errors(formErrors(errors)),
      },
      {
        titleKey: 'events.employers.interestTitle',
        titleParams: { employer: employer.name },
        status,
      },
    );
  }
}

function wholeNumber(value: string): number | null {
  return /^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : null;
}
