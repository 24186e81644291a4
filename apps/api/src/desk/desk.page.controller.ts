import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ClientsService, type DeskClientSummary } from '@ohjaamo/clients';
import { helsinkiDate, requestContext, type FieldError } from '@ohjaamo/platform';
import { GENDERS, VISIT_CHANNELS, VisitsService } from '@ohjaamo/visits';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest, RequestAuth } from '../auth/request-auth';
import { validationErrorsOf } from '../ui/form';
import { PageRenderer } from '../ui/page-renderer';
import { DeskContext } from './desk-context';
import { defaultValues, DeskVisitValues, toVisitInput, valuesFromBody } from './desk-visit.form';

const LANGUAGE_OPTIONS = ['fi', 'sv', 'en', 'ru', 'et', 'so', 'ar', 'fa', 'uk'];

/**
 * The front desk: log a walk-in in seconds (defaults now, this site, walk-in; topic
 * chips; Enter saves), find a client, and see today's visits with edit and undo.
 */
@ApiExcludeController()
@Controller('desk')
export class DeskPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly context: DeskContext,
    private readonly visits: VisitsService,
    private readonly clients: ClientsService,
  ) {}

  @Allow('visits.log')
  @Get()
  async show(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Query('site') siteId?: string,
    @Query('client') clientId?: string,
  ): Promise<void> {
    await this.renderDesk(req, res, { siteId, clientId });
  }

  @Allow('visits.log')
  @Post('visits')
  async log(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const auth = req.auth!;
    const values = valuesFromBody(body);
    const { input, errors } = toVisitInput(values);
    if (errors.length === 0) {
      try {
        const { view } = await this.visits.log(auth.actor, input, {
          showClients: canIdentify(auth),
        });
        this.pages.flash(res, { kind: 'success', key: 'desk.visitLogged' });
        return res.redirect(303, `/desk?site=${view.visit.siteId}`);
      } catch (error) {
        const fieldErrors = validationErrorsOf(error);
        if (!fieldErrors) throw error;
        errors.push(...fieldErrors);
      }
    }
    await this.renderDesk(req, res, { siteId: values.siteId, values, errors, status: 422 });
  }

  @Allow('visits.log')
  @Post('visits/:id/undo')
  async undo(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Body('site') siteId?: string,
  ): Promise<void> {
    await this.visits.undo(req.auth!.actor, id);
    this.pages.flash(res, { kind: 'success', key: 'desk.visitUndone' });
    res.redirect(
      303,
      `/desk${typeof siteId === 'string' && /^[0-9a-f-]{36}$/i.test(siteId) ? `?site=${siteId}` : ''}`,
    );
  }

  /** Links an earlier anonymous visit to the client chosen at the desk. */
  @Allow('visits.log', 'clients.search')
  @Post('visits/:id/link')
  async link(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const auth = req.auth!;
    const clientId = typeof body.clientId === 'string' ? body.clientId : '';
    // The client must be one this user may see; the policy answers not found otherwise.
    await this.clients.get(auth.actor, clientId);
    const view = await this.visits.linkClient(auth.actor, id, clientId, {
      showClients: canIdentify(auth),
    });
    this.pages.flash(res, { kind: 'success', key: 'desk.visitLinked' });
    res.redirect(303, `/desk?site=${view.visit.siteId}&client=${clientId}`);
  }

  // Search criteria (names, identity codes) travel in the body, never in the URL.
  @Allow('clients.search')
  @Post('client-search')
  async search(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const text = (key: string): string | undefined => {
      const value = body[key];
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
    };
    const criteria = {
      name: text('name'),
      birthDate: text('birthDate'),
      phone: text('phone'),
      identityCode: text('identityCode'),
    };
    const siteId = text('site');
    try {
      const results = await this.clients.searchForDesk(req.auth!.actor, criteria);
      await this.renderDesk(req, res, { siteId, search: { criteria, results, errors: [] } });
    } catch (error) {
      const fieldErrors = validationErrorsOf(error);
      if (!fieldErrors) throw error;
      await this.renderDesk(req, res, {
        siteId,
        search: { criteria, results: null, errors: fieldErrors },
        status: 422,
      });
    }
  }

  private async renderDesk(
    req: AuthedRequest,
    res: Response,
    options: {
      siteId?: string;
      clientId?: string;
      values?: DeskVisitValues;
      errors?: FieldError[];
      status?: number;
      search?: {
        criteria: Record<string, string | undefined>;
        results: DeskClientSummary[] | null;
        errors: FieldError[];
      };
    },
  ): Promise<void> {
    const auth = req.auth!;
    const chosen = await this.context.site(auth.actor, options.siteId);
    if (!chosen) {
      return this.pages.render(req, res, 'desk/no-sites', {}, { titleKey: 'desk.title' });
    }
    const { site, sites } = chosen;
    const language = requestContext.current()?.language ?? 'fi';
    const values = options.values ?? defaultValues(site.id, randomUUID(), site.municipality);
    const showClients = canIdentify(auth);
    if (
      !options.values &&
      options.clientId &&
      showClients &&
      /^[0-9a-f-]{36}$/i.test(options.clientId)
    ) {
      values.clientId = options.clientId;
    }
    const [topics, organisations, agenciesToday, today, selectedClient] = await Promise.all([
      this.context.topicOptions(language),
      this.context.organisationOptions(),
      this.context.agenciesToday(site.id),
      this.visits.list(
        auth.actor,
        { siteId: site.id, day: helsinkiDate(new Date()), limit: 200 },
        { showClients },
      ),
      values.clientId && showClients
        ? this.clientName(auth, values.clientId)
        : Promise.resolve(null),
    ]);
    const topicLabels = new Map(topics.map((t) => [t.code, t.label]));
    const errors = this.pages.errors(options.errors ?? []);
    this.pages.render(
      req,
      res,
      'desk/index',
      {
        site,
        sites: sites.map((s) => ({ id: s.id, name: s.name, selected: s.id === site.id })),
        multipleSites: sites.length > 1,
        values,
        errors,
        hasErrors: errors.length > 0,
        selectedClient,
        topics: topics.map((t) => ({ ...t, checked: values.topics.includes(t.code) })),
        channels: VISIT_CHANNELS.map((code) => ({ code, checked: values.channel === code })),
        genders: GENDERS.map((code) => ({ code, selected: values.gender === code })),
        languages: LANGUAGE_OPTIONS.map((code) => ({ code, selected: values.language === code })),
        agencies: organisations.map((o) => ({
          ...o,
          checked: values.agencyIds.includes(o.id),
          presentToday: agenciesToday.some((a) => a.organisationId === o.id),
        })),
        referrals: organisations.map((o) => ({
          ...o,
          selected: values.referralOrganisationId === o.id,
        })),
        agenciesToday,
        today: today.items.map((view) => ({
          id: view.visit.id,
          startedAt: view.visit.startedAt,
          channel: view.visit.channel,
          client: view.client,
          clientLinked: view.clientLinked,
          ageBand: view.visit.ageBand ?? '',
          topics: view.visit.topics.map((code) => topicLabels.get(code) ?? code).join(', '),
          editable: view.editable,
          linkable: view.editable && !view.clientLinked && Boolean(selectedClient),
        })),
        canSearch: auth.permissions.has('clients.search'),
        canCreateClient: auth.permissions.has('clients.create'),
        search: {
          searched: Boolean(options.search?.results),
          results: options.search?.results ?? [],
          errors: this.pages.errors(options.search?.errors ?? []),
          criteria: {
            name: options.search?.criteria.name ?? '',
            birthDate: options.search?.criteria.birthDate ?? '',
            phone: options.search?.criteria.phone ?? '',
          },
        },
      },
      { titleKey: 'desk.title', scripts: ['desk.js'], status: options.status },
    );
  }

  private async clientName(
    auth: RequestAuth,
    clientId: string,
  ): Promise<{ id: string; name: string } | null> {
    try {
      const view = await this.clients.get(auth.actor, clientId);
      return { id: clientId, name: `${view.firstName} ${view.lastName}` };
    } catch {
      return null;
    }
  }
}

/** Whether the user may see who a visit's client is (basic identification). */
export function canIdentify(auth: RequestAuth): boolean {
  return auth.permissions.has('clients.search');
}
