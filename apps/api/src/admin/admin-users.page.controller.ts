import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  OrganisationsService,
  type Role,
  SitesService,
  type StaffUser,
  StaffUsersService,
} from '@ohjaamo/identity';
import { DomainError, type FieldError, I18nService, type Language } from '@ohjaamo/platform';
import type { Response } from 'express';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { asList, parseForm, validationErrorsOf } from '../ui/form';
import { PageRenderer } from '../ui/page-renderer';
import { languageOptions, type Option, roleOptions, withEmpty } from './admin-options';
import { UserCreateForm, UserEditForm, UserFilterForm } from './admin-user.form';
import { formErrors, text } from './form-errors';
import { pageNumber, pager } from './paging';

const PAGE_SIZE = 20;
const LIST_FIELDS = ['roles', 'siteIds'] as const;

interface UserFormValues {
  email: string;
  displayName: string;
  organisationId: string;
  roles: string[];
  siteIds: string[];
  language: string;
}

/** Staff accounts: list, create, edit, deactivate, reactivate, reset two-factor. */
@ApiExcludeController()
@UseFilters(InvalidIdFilter)
@Controller('admin/users')
export class AdminUsersPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly users: StaffUsersService,
    private readonly organisations: OrganisationsService,
    private readonly sites: SitesService,
    private readonly i18n: I18nService,
  ) {}

  @Allow('admin.users')
  @Get()
  async list(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const parsed = await parseForm(UserFilterForm, query);
    const filter = {
      q: text(query.q),
      organisationId: text(query.organisationId),
      active: text(query.active),
    };
    const page = pageNumber(query.page);
    const organisations = await this.organisations.list();
    const result = parsed.ok
      ? await this.users.list({
          search: filter.q.trim() || undefined,
          organisationId: filter.organisationId || undefined,
          active: filter.active === '' ? undefined : filter.active === 'true',
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        })
      : { items: [], total: 0 };
    const names = new Map(organisations.map((o) => [o.id, o.name]));
    this.pages.render(
      req,
      res,
      'admin/users',
      {
        filter,
        errors: parsed.ok ? [] : this.pages.errors(formErrors(parsed.errors)),
        organisationOptions: withEmpty(
          this.i18n.translate('admin.common.all'),
          organisations.map((o) => ({ value: o.id, label: o.name })),
        ),
        activeOptions: [
          { value: '', label: this.i18n.translate('admin.common.all') },
          { value: 'true', label: this.i18n.translate('ui.active') },
          { value: 'false', label: this.i18n.translate('ui.inactive') },
        ],
        users: result.items.map((user) => ({
          id: user.id,
          displayName: user.displayName,
          email: user.email,
          organisationName: names.get(user.organisationId) ?? '',
          roles: user.roles,
          active: user.active,
          mfa: user.totpEnabledAt !== null,
          lastSignInAt: user.lastSignInAt ?? '',
        })),
        pager: pager('/admin/users', filter, page, PAGE_SIZE, result.items.length, result.total),
      },
      { titleKey: 'admin.users.title', status: parsed.ok ? 200 : 422 },
    );
  }

  @Allow('admin.users')
  @Get('new')
  async newForm(@Req() req: AuthedRequest, @Res() res: Response): Promise<void> {
    const values: UserFormValues = {
      email: '',
      displayName: '',
      organisationId: '',
      roles: [],
      siteIds: [],
      language: 'fi',
    };
    await this.renderCreate(req, res, values, [], 200);
  }

  @Allow('admin.users')
  @Post()
  async create(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const input = { ...body, roles: asList(body.roles), siteIds: asList(body.siteIds) };
    const values = formValues(input);
    const parsed = await parseForm(UserCreateForm, input);
    if (!parsed.ok) return this.renderCreate(req, res, values, parsed.errors, 422);
    try {
      const user = await this.users.create({
        organisationId: parsed.value.organisationId,
        email: parsed.value.email,
        displayName: parsed.value.displayName,
        password: parsed.value.password,
        roles: parsed.value.roles as Role[],
        siteIds: parsed.value.siteIds,
        language: parsed.value.language as Language,
      });
      this.pages.flash(res, { kind: 'success', key: 'admin.users.created' });
      res.redirect(303, `/admin/users/${user.id}`);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      await this.renderCreate(req, res, values, errors, 422);
    }
  }

  @Allow('admin.users')
  @Get(':id')
  async editForm(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
  ): Promise<void> {
    const user = await this.requireUser(id);
    const siteIds = await this.users.siteIdsOf(id);
    await this.renderEdit(req, res, user, { ...formValues(user), siteIds }, [], 200);
  }

  @Allow('admin.users')
  @Post(':id')
  async update(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const user = await this.requireUser(id);
    const input = { ...body, roles: asList(body.roles), siteIds: asList(body.siteIds) };
    const values = { ...formValues(input), email: user.email };
    const parsed = await parseForm(UserEditForm, input);
    if (!parsed.ok) return this.renderEdit(req, res, user, values, parsed.errors, 422);
    try {
      await this.users.update(id, {
        displayName: parsed.value.displayName,
        organisationId: parsed.value.organisationId,
        roles: parsed.value.roles as Role[],
        siteIds: parsed.value.siteIds,
        language: parsed.value.language as Language,
      });
      this.pages.flash(res, { kind: 'success', key: 'admin.users.saved' });
      res.redirect(303, `/admin/users/${id}`);
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      await this.renderEdit(req, res, user, values, errors, 422);
    }
  }

  /** Ends the user's sessions and revokes their tokens at once (the service does both). */
  @Allow('admin.users')
  @Post(':id/deactivate')
  async deactivate(@Res() res: Response, @IdParam() id: string): Promise<void> {
    try {
      await this.users.deactivate(id);
      this.pages.flash(res, { kind: 'success', key: 'admin.users.deactivated' });
    } catch (error) {
      const errors = validationErrorsOf(error);
      if (!errors) throw error;
      this.pages.flash(res, { kind: 'error', key: errors[0]?.messageKey ?? 'errors.validation' });
    }
    res.redirect(303, `/admin/users/${id}`);
  }

  @Allow('admin.users')
  @Post(':id/reactivate')
  async reactivate(@Res() res: Response, @IdParam() id: string): Promise<void> {
    await this.users.reactivate(id);
    this.pages.flash(res, { kind: 'success', key: 'admin.users.reactivated' });
    res.redirect(303, `/admin/users/${id}`);
  }

  @Allow('admin.users')
  @Post(':id/reset-mfa')
  async resetMfa(@Res() res: Response, @IdParam() id: string): Promise<void> {
    await this.users.resetMfa(id);
    this.pages.flash(res, { kind: 'success', key: 'admin.users.mfaReset' });
    res.redirect(303, `/admin/users/${id}`);
  }

  private async requireUser(id: string): Promise<StaffUser> {
    const user = await this.users.findById(id);
    if (!user) throw DomainError.notFound('user_not_found');
    return user;
  }

  private async renderCreate(
    req: AuthedRequest,
    res: Response,
    values: UserFormValues,
    errors: FieldError[],
    status: number,
  ): Promise<void> {
    this.pages.render(
      req,
      res,
      'admin/user-new',
      {
        form: values,
        errors: this.pages.errors(formErrors(errors, LIST_FIELDS)),
        ...(await this.choices(values)),
      },
      { titleKey: 'admin.users.newTitle', status },
    );
  }

  private async renderEdit(
    req: AuthedRequest,
    res: Response,
    user: StaffUser,
    values: UserFormValues,
    errors: FieldError[],
    status: number,
  ): Promise<void> {
    this.pages.render(
      req,
      res,
      'admin/user-edit',
      {
        user: {
          id: user.id,
          email: user.email,
          displayName: user.displayName,
          active: user.active,
          mfa: user.totpEnabledAt !== null,
          lastSignInAt: user.lastSignInAt ?? '',
          deactivatedAt: user.deactivatedAt ?? '',
          lockedUntil: user.lockedUntil && user.lockedUntil > new Date() ? user.lockedUntil : '',
          createdAt: user.createdAt,
          isSelf: user.id === req.auth?.user.id,
        },
        form: values,
        errors: this.pages.errors(formErrors(errors, LIST_FIELDS)),
        ...(await this.choices(values)),
      },
      { titleKey: 'admin.users.editTitle', titleParams: { name: user.displayName }, status },
    );
  }

  // Active organisations and sites, plus the inactive ones the user already has, so an
  // edit never drops them silently.
  private async choices(values: UserFormValues): Promise<Record<string, Option[]>> {
    const [organisations, sites] = await Promise.all([
      this.organisations.list(),
      this.sites.list(),
    ]);
    return {
      organisationOptions: withEmpty(
        this.i18n.translate('admin.users.chooseOrganisation'),
        organisations
          .filter((o) => o.active || o.id === values.organisationId)
          .map((o) => ({
            value: o.id,
            label: o.active ? o.name : `${o.name} (${this.i18n.translate('ui.inactive')})`,
          })),
      ),
      siteOptions: sites
        .filter((s) => s.active || values.siteIds.includes(s.id))
        .map((s) => ({
          value: s.id,
          label: s.active ? s.name : `${s.name} (${this.i18n.translate('ui.inactive')})`,
        })),
      roleOptions: roleOptions(this.i18n),
      languageOptions: languageOptions(this.i18n),
    };
  }
}

function formValues(source: Record<string, unknown> | StaffUser): UserFormValues {
  const input = source as unknown as Record<string, unknown>;
  return {
    email: text(input.email),
    displayName: text(input.displayName),
    organisationId: text(input.organisationId),
    roles: asList(input.roles),
    siteIds: asList(input.siteIds),
    language: text(input.language),
  };
}
