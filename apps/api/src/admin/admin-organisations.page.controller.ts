import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type Organisation, type OrganisationKind, OrganisationsService } from '@ohjaamo/identity';
import { type FieldError, I18nService } from '@ohjaamo/platform';
import type { Response } from 'express';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { parseForm, validationErrorsOf } from '../ui/form';
import { PageRenderer } from '../ui/page-renderer';
import { kindLabel, kindOptions, withEmpty } from './admin-options';
import { OrganisationForm } from './admin-organisation.form';
import { formErrors, text } from './form-errors';

interface OrganisationFormValues {
  name: string;
  kind: string;
  active: boolean;
}

/** Agencies: list, create, edit (name, kind, active). */
@ApiExcludeController()
@UseFilters(InvalidIdFilter)
@Controller('admin/organisations')
export class AdminOrganisationsPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly organisations: OrganisationsService,
    private readonly i18n: I18nService,
  ) {}

  @Allow('admin.organisations')
  @Get()
  async list(@Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    const organisations = await this.organisations.list();
    this.pages.render(
      req,
      res,
      'admin/organisations',
      {
        organisations: organisations.map((o) => ({
          id: o.id,
          name: o.name,
          kind: kindLabel(this.i18n, o.kind),
          active: o.active,
        })),
      },
      { titleKey: 'admin.organisations.title' },
    );
  }

  @Allow('admin.organisations')
  @Get('new')
  newForm(@Req() req: AuthedRequest, @Res() res: Response): void {
    this.renderForm(req, res, null, { name: '', kind: '', active: true }, [], 200);
  }

  @Allow('admin.organisations')
  @Post()
  async create(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const values = formValues(body, true);
    const parsed = await parseForm(OrganisationForm, body);
    if (!parsed.ok) return this.renderForm(req, res, null, values, parsed.errors, 422);
    try {
      await this.organisations.create({
        name: parsed.value.name,
        kind: parsed.value.kind as OrganisationKind,
      });
      this.pages.flash(res, { kind: 'success', key: 'admin.organisations.created' });
      res.redirect(303, '/admin/organisations');
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      this.renderForm(req, res, null, values, errors, 422);
    }
  }

  @Allow('admin.organisations')
  @Get(':id')
  async editForm(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
  ): Promise<void> {
    const organisation = await this.organisations.get(id);
    this.renderForm(
      req,
      res,
      organisation,
      formValues(organisation as unknown as Record<string, unknown>, organisation.active),
      [],
      200,
    );
  }

  @Allow('admin.organisations')
  @Post(':id')
  async update(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const organisation = await this.organisations.get(id);
    const values = formValues(body, body.active === 'true');
    const parsed = await parseForm(OrganisationForm, body);
    if (!parsed.ok) return this.renderForm(req, res, organisation, values, parsed.errors, 422);
    try {
      await this.organisations.update(id, {
        name: parsed.value.name,
        kind: parsed.value.kind as OrganisationKind,
        active: parsed.value.active === 'true',
      });
      this.pages.flash(res, { kind: 'success', key: 'admin.organisations.saved' });
      res.redirect(303, '/admin/organisations');
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      this.renderForm(req, res, organisation, values, errors, 422);
    }
  }

  private renderForm(
    req: AuthedRequest,
    res: Response,
    organisation: Organisation | null,
    values: OrganisationFormValues,
    errors: FieldError[],
    status: number,
  ): void {
    this.pages.render(
      req,
      res,
      'admin/organisation-form',
      {
        organisation: organisation ? { id: organisation.id, name: organisation.name } : null,
        action: organisation ? `/admin/organisations/${organisation.id}` : '/admin/organisations',
        form: values,
        errors: this.pages.errors(formErrors(errors)),
        kindOptions: withEmpty(
          this.i18n.translate('admin.organisations.chooseKind'),
          kindOptions(this.i18n),
        ),
      },
      organisation
        ? {
            titleKey: 'admin.organisations.editTitle',
            titleParams: { name: organisation.name },
            status,
          }
        : { titleKey: 'admin.organisations.newTitle', status },
    );
  }
}

function formValues(source: Record<string, unknown>, active: boolean): OrganisationFormValues {
  return { name: text(source.name), kind: text(source.kind), active };
}
