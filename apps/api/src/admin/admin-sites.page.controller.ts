import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type Site, SitesService, OrganisationsService, WEEKDAYS } from '@ohjaamo/identity';
import { type FieldError, I18nService } from '@ohjaamo/platform';
import type { Response } from 'express';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { asList, parseForm, validationErrorsOf } from '../ui/form';
import { PageRenderer } from '../ui/page-renderer';
import { weekdays } from './admin-options';
import { SiteForm } from './admin-site.form';
import { formErrors, text } from './form-errors';
import {
  type HoursRows,
  hoursErrorsToInputs,
  MIN_ROWS,
  openingHoursOf,
  rowsOf,
  splitHoursInputs,
} from './opening-hours-form';

interface SiteFormValues {
  name: string;
  streetAddress: string;
  postalCode: string;
  municipality: string;
  region: string;
  active: boolean;
  hours: HoursRows;
}

const PRESENCE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([1-7])$/i;

/** Ohjaamo locations: list, create, edit with opening hours, and the weekly agency calendar. */
@ApiExcludeController()
@UseFilters(InvalidIdFilter)
@Controller('admin/sites')
export class AdminSitesPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly sites: SitesService,
    private readonly organisations: OrganisationsService,
    private readonly i18n: I18nService,
  ) {}

  @Allow('admin.sites')
  @Get()
  async list(@Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    const sites = await this.sites.list();
    this.pages.render(
      req,
      res,
      'admin/sites',
      {
        sites: sites.map((s) => ({
          id: s.id,
          name: s.name,
          address: `${s.streetAddress}, ${s.postalCode} ${s.municipality}`,
          region: s.region ?? '',
          active: s.active,
        })),
      },
      { titleKey: 'admin.sites.title' },
    );
  }

  @Allow('admin.sites')
  @Get('new')
  newForm(@Req() req: AuthedRequest, @Res() res: Response): void {
    const values: SiteFormValues = {
      name: '',
      streetAddress: '',
      postalCode: '',
      municipality: '',
      region: '',
      active: true,
      hours: {},
    };
    this.renderForm(req, res, null, values, [], 200);
  }

  @Allow('admin.sites')
  @Post()
  async create(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const { rows, rest } = splitHoursInputs(body);
    const values = formValues(rest, rows, true);
    const parsed = await parseForm(SiteForm, rest);
    if (!parsed.ok) return this.renderForm(req, res, null, values, parsed.errors, 422);
    const { hours, rowOf } = openingHoursOf(rows);
    try {
      const site = await this.sites.create({
        name: parsed.value.name,
        streetAddress: parsed.value.streetAddress,
        postalCode: parsed.value.postalCode,
        municipality: parsed.value.municipality,
        region: parsed.value.region ?? null,
        openingHours: hours,
      });
      this.pages.flash(res, { kind: 'success', key: 'admin.sites.created' });
      res.redirect(303, `/admin/sites/${site.id}`);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      this.renderForm(req, res, null, values, hoursErrorsToInputs(errors, rowOf), 422);
    }
  }

  @Allow('admin.sites')
  @Get(':id')
  async editForm(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
  ): Promise<void> {
    const site = await this.sites.get(id);
    const values = formValues(
      site as unknown as Record<string, unknown>,
      rowsOf(site.openingHours),
      site.active,
    );
    this.renderForm(req, res, site, values, [], 200);
  }

  @Allow('admin.sites')
  @Post(':id')
  async update(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const site = await this.sites.get(id);
    const { rows, rest } = splitHoursInputs(body);
    const values = formValues(rest, rows, rest.active === 'true');
    const parsed = await parseForm(SiteForm, rest);
    if (!parsed.ok) return this.renderForm(req, res, site, values, parsed.errors, 422);
    const { hours, rowOf } = openingHoursOf(rows);
    try {
      await this.sites.update(id, {
        name: parsed.value.name,
        streetAddress: parsed.value.streetAddress,
        postalCode: parsed.value.postalCode,
        municipality: parsed.value.municipality,
        region: parsed.value.region ?? null,
        openingHours: hours,
        active: parsed.value.active === 'true',
      });
      this.pages.flash(res, { kind: 'success', key: 'admin.sites.saved' });
      res.redirect(303, `/admin/sites/${id}`);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      this.renderForm(req, res, site, values, hoursErrorsToInputs(errors, rowOf), 422);
    }
  }

  @Allow('admin.sites')
  @Get(':id/calendar')
  async calendarForm(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
  ): Promise<void> {
    const site = await this.sites.get(id);
    const calendar = await this.sites.calendar(id);
    const present = calendar.map((e) => `${e.organisationId}:${e.weekday}`);
    await this.renderCalendar(req, res, site, present, [], 200);
  }

  /** Replaces the whole weekly calendar; hours already set for a kept day stay as they were. */
  @Allow('admin.sites')
  @Post(':id/calendar')
  async saveCalendar(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const site = await this.sites.get(id);
    const presence = asList(body.presence);
    if (presence.some((value) => !PRESENCE.test(value))) {
      return this.renderCalendar(
        req,
        res,
        site,
        presence,
        [{ field: 'presence', code: 'isIn' }],
        422,
      );
    }
    const before = new Map(
      (await this.sites.calendar(id)).map((e) => [`${e.organisationId}:${e.weekday}`, e]),
    );
    const entries = [...new Set(presence.map((v) => v.toLowerCase()))].map((value) => {
      const [, organisationId, weekday] = PRESENCE.exec(value)!;
      const kept = before.get(value);
      return {
        organisationId,
        weekday: Number(weekday),
        starts: kept?.starts ?? null,
        ends: kept?.ends ?? null,
      };
    });
    try {
      await this.sites.setCalendar(id, entries);
      this.pages.flash(res, { kind: 'success', key: 'admin.sites.calendarSaved' });
      res.redirect(303, `/admin/sites/${id}/calendar`);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      const shown = errors.map((e) => ({ ...e, field: 'presence' }));
      await this.renderCalendar(req, res, site, presence, shown, 422);
    }
  }

  private renderForm(
    req: AuthedRequest,
    res: Response,
    site: Site | null,
    values: SiteFormValues,
    errors: FieldError[],
    status: number,
  ): void {
    const days = weekdays(this.i18n).map(({ day, name }) => {
      const given = values.hours[day] ?? [];
      const count = Math.max(MIN_ROWS, given.length);
      return {
        day,
        name,
        rows: Array.from({ length: count }, (_, row) => {
          const suffix =
            row === 0 ? '' : ` ${this.i18n.translate('admin.sites.period', { n: row + 1 })}`;
          return {
            opens: {
              name: `opens-${day}-${row}`,
              label: this.i18n.translate('admin.sites.opens') + suffix,
              value: given[row]?.opens ?? '',
            },
            closes: {
              name: `closes-${day}-${row}`,
              label: this.i18n.translate('admin.sites.closes') + suffix,
              value: given[row]?.closes ?? '',
            },
          };
        }),
      };
    });
    this.pages.render(
      req,
      res,
      'admin/site-form',
      {
        site: site ? { id: site.id, name: site.name } : null,
        action: site ? `/admin/sites/${site.id}` : '/admin/sites',
        form: values,
        days,
        errors: this.pages.errors(formErrors(errors)),
      },
      site
        ? { titleKey: 'admin.sites.editTitle', titleParams: { name: site.name }, status }
        : { titleKey: 'admin.sites.newTitle', status },
    );
  }

  private async renderCalendar(
    req: AuthedRequest,
    res: Response,
    site: Site,
    present: string[],
    errors: FieldError[],
    status: number,
  ): Promise<void> {
    const [organisations, calendar] = await Promise.all([
      this.organisations.list(),
      this.sites.calendar(site.id),
    ]);
    const hours = new Map(
      calendar
        .filter((e) => e.starts && e.ends)
        .map((e) => [`${e.organisationId}:${e.weekday}`, `${e.starts}–${e.ends}`]),
    );
    const onCalendar = new Set(calendar.map((e) => e.organisationId));
    const checked = new Set(present.map((v) => v.toLowerCase()));
    const days = weekdays(this.i18n);
    let first = true;
    const rows = organisations
      .filter((o) => o.active || onCalendar.has(o.id))
      .map((o) => ({
        name: o.active ? o.name : `${o.name} (${this.i18n.translate('ui.inactive')})`,
        cells: WEEKDAYS.map((day) => {
          const value = `${o.id}:${day}`;
          const id = first ? 'field-presence' : `presence-${o.id}-${day}`;
          first = false;
          return {
            id,
            value,
            checked: checked.has(value),
            label: this.i18n.translate('admin.sites.presentOn', {
              organisation: o.name,
              day: days[day - 1].name,
            }),
            hours: hours.get(value) ?? '',
          };
        }),
      }));
    this.pages.render(
      req,
      res,
      'admin/site-calendar',
      {
        site: { id: site.id, name: site.name },
        days,
        rows,
        errors: this.pages.errors(formErrors(errors)),
      },
      { titleKey: 'admin.sites.calendarTitle', titleParams: { name: site.name }, status },
    );
  }
}

function formValues(
  source: Record<string, unknown>,
  hours: HoursRows,
  active: boolean,
): SiteFormValues {
  return {
    name: text(source.name),
    streetAddress: text(source.streetAddress),
    postalCode: text(source.postalCode),
    municipality: text(source.municipality),
    region: text(source.region),
    active,
    hours,
  };
}
