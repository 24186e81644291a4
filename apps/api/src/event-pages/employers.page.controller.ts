import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  EmployersService,
  type EmployerView,
  VACANCY_KINDS,
  type VacancyInput,
} from '@ohjaamo/employers';
import {
  DomainError,
  type FieldError,
  helsinkiDate,
  I18nService,
  LANGUAGES,
} from '@ohjaamo/platform';
import type { Response } from 'express';
import { formErrors, text } from '../admin/form-errors';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { validationErrorsOf } from '../ui/form';
import { PageRenderer } from '../ui/page-renderer';
import {
  CONTACT_ROWS,
  contactFieldOf,
  emptyEmployerForm,
  type EmployerFormValues,
  employerFormFrom,
  toEmployerInput,
  vacancyFormFrom,
} from './employer.form';

/** Employers: the list, the form with contact persons, and vacancies. */
@ApiExcludeController()
@UseFilters(InvalidIdFilter)
@Controller('employers')
export class EmployersPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly employers: EmployersService,
    private readonly i18n: I18nService,
  ) {}

  @Allow('employers.manage')
  @Get()
  async list(@Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    const employers = await this.employers.list();
    this.pages.render(
      req,
      res,
      'employers/list',
      {
        employers: employers.map((e) => ({
          ...e,
          industry: e.industry ?? '',
        })),
      },
      { titleKey: 'employers.title' },
    );
  }

  @Allow('employers.manage')
  @Get('new')
  newForm(@Req() req: AuthedRequest, @Res() res: Response): void {
    this.renderForm(req, res, null, emptyEmployerForm(), [], 200);
  }

  @Allow('employers.manage')
  @Post()
  async create(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const values = employerFormFrom(body);
    const { input, rowOf } = toEmployerInput(values);
    try {
      const employer = await this.employers.create(req.auth!.actor, input);
      this.pages.flash(res, { kind: 'success', key: 'employers.created' });
      res.redirect(303, `/employers/${employer.id}`);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      const shown = errors.map((e) => ({ ...e, field: contactFieldOf(e.field, rowOf) }));
      this.renderForm(req, res, null, values, shown, 422);
    }
  }

  @Allow('employers.manage')
  @Get(':id')
  async show(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
  ): Promise<void> {
    const employer = await this.employers.get(id);
    this.renderForm(req, res, employer, valuesOf(employer), [], 200);
  }

  @Allow('employers.manage')
  @Post(':id')
  async update(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const employer = await this.employers.get(id);
    const values = employerFormFrom(body);
    const { input, rowOf } = toEmployerInput(values);
    const version = Number(text(body.version));
    try {
      await this.employers.update(id, version, input);
      this.pages.flash(res, { kind: 'success', key: 'employers.saved' });
      res.redirect(303, `/employers/${id}`);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'employer_version_conflict') {
        this.pages.flash(res, { kind: 'error', key: 'employers.errors.employer_version_conflict' });
        return res.redirect(303, `/employers/${id}`);
      }
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      const shown = errors.map((e) => ({ ...e, field: contactFieldOf(e.field, rowOf) }));
      this.renderForm(req, res, employer, values, shown, 422);
    }
  }

  @Allow('employers.manage')
  @Post(':id/vacancies')
  async addVacancy(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const vacancy = vacancyFormFrom(body);
    try {
      await this.employers.addVacancy(id, vacancy);
      this.pages.flash(res, { kind: 'success', key: 'employers.vacancies.added' });
      res.redirect(303, `/employers/${id}#vacancies`);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      const employer = await this.employers.get(id);
      const shown = errors.map((e) => ({ ...e, field: `vacancy-${e.field}` }));
      this.renderForm(req, res, employer, valuesOf(employer), shown, 422, vacancy);
    }
  }

  @Allow('employers.manage')
  @Post(':id/vacancies/:vacancyId/delete')
  async removeVacancy(
    @Res() res: Response,
    @IdParam() id: string,
    @IdParam('vacancyId') vacancyId: string,
  ): Promise<void> {
    await this.employers.removeVacancy(id, vacancyId);
    this.pages.flash(res, { kind: 'success', key: 'employers.vacancies.removed' });
    res.redirect(303, `/employers/${id}#vacancies`);
  }

  private renderForm(
    req: AuthedRequest,
    res: Response,
    employer: EmployerView | null,
    values: EmployerFormValues,
    errors: FieldError[],
    status: number,
    vacancy: VacancyInput = { kind: 'job', title: '', opensOn: helsinkiDate(new Date()) },
  ): void {
    const languages = LANGUAGES.map((l) => ({
      value: l,
      label: this.i18n.translate(`languages.${l}`),
    }));
    this.pages.render(
      req,
      res,
      'employers/form',
      {
        employer: employer
          ? {
              id: employer.id,
              name: employer.name,
              version: employer.version,
              vacancies: employer.vacancies.map((v) => ({
                ...v,
                kindLabel: this.i18n.translate(`employers.kinds.${v.kind}`),
                closesOn: v.closesOn ?? '',
              })),
            }
          : null,
        action: employer ? `/employers/${employer.id}` : '/employers',
        form: values,
        contactRows: values.contacts.length,
        contacts: values.contacts.map((c, i) => ({
          ...c,
          legend: this.i18n.translate('employers.fields.contact', { n: i + 1 }),
          prefix: `contact-${i}-`,
          names: {
            name: `contact-${i}-name`,
            email: `contact-${i}-email`,
            phone: `contact-${i}-phone`,
            language: `contact-${i}-language`,
          },
        })),
        languages,
        vacancy: { ...vacancy, closesOn: vacancy.closesOn ?? '' },
        kinds: VACANCY_KINDS.map((k) => ({
          value: k,
          label: this.i18n.translate(`employers.kinds.${k}`),
        })),
        errors: this.pages.errors(formErrors(errors)),
      },
      employer
        ? { titleKey: 'employers.title', status }
        : { titleKey: 'employers.newTitle', status },
    );
  }
}

function valuesOf(employer: EmployerView): EmployerFormValues {
  const form = emptyEmployerForm(Math.max(CONTACT_ROWS, employer.contacts.length + 1));
  employer.contacts.forEach((c, i) => {
    form.contacts[i] = {
      name: c.name,
      email: c.email ?? '',
      phone: c.phone ?? '',
      language: c.language,
    };
  });
  return {
    ...form,
    name: employer.name,
    businessId: employer.businessId,
    industry: employer.industry ?? '',
    notes: employer.notes ?? '',
    consentToContact: employer.consentToContact,
    consentDate: employer.consentDate ?? '',
  };
}
