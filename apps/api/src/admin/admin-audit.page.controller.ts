import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AuditSearch } from '@ohjaamo/audit';
import { OrganisationsService, StaffUser, StaffUsersService } from '@ohjaamo/identity';
import { type FieldError, I18nService } from '@ohjaamo/platform';
import type { Response } from 'express';
import { DataSource, In } from 'typeorm';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { parseForm, validationErrorsOf } from '../ui/form';
import { PageRenderer } from '../ui/page-renderer';
import { withEmpty } from './admin-options';
import { AuditFilterForm, AuditSearchForm } from './admin-audit.form';
import { formErrors, text } from './form-errors';
import { addDays, helsinkiDayStart } from '@ohjaamo/platform';
import { hrefWith, pageNumber, pager } from './paging';

const PAGE_SIZE = 50;
const USER_CHOICES = 200;

interface AuditFilterValues {
  userId: string;
  clientId: string;
  action: string;
  from: string;
  to: string;
}

/**
 * The audit log search. Filters travel in the URL as ids and dates only: a search by
 * e-mail is posted, resolved to the user's id and redirected, so no address is in a URL.
 */
@ApiExcludeController()
@Controller('admin/audit')
export class AdminAuditPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly audit: AuditSearch,
    private readonly users: StaffUsersService,
    private readonly organisations: OrganisationsService,
    private readonly dataSource: DataSource,
    private readonly i18n: I18nService,
  ) {}

  @Allow('audit.search')
  @Get()
  async search(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const filter = filterValues(query);
    const parsed = await parseForm(AuditFilterForm, query);
    if (!parsed.ok) return this.render(req, res, filter, '', parsed.errors, 422);
    await this.render(req, res, filter, '', [], 200, pageNumber(query.page));
  }

  @Allow('audit.search')
  @Post()
  async submit(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const filter = filterValues(body);
    const email = text(body.email).trim();
    const parsed = await parseForm(AuditSearchForm, body);
    if (!parsed.ok) return this.render(req, res, filter, email, parsed.errors, 422);
    if (email) {
      const user = await this.users.findByEmail(email);
      if (!user) {
        const error: FieldError = {
          field: 'email',
          code: 'emailUnknown',
          messageKey: 'admin.audit.emailUnknown',
        };
        return this.render(req, res, filter, email, [error], 422);
      }
      filter.userId = user.id;
    }
    res.redirect(303, hrefWith('/admin/audit', { ...filter }));
  }

  private async render(
    req: AuthedRequest,
    res: Response,
    filter: AuditFilterValues,
    email: string,
    errors: FieldError[],
    status: number,
    page = 1,
  ): Promise<void> {
    let rows: Awaited<ReturnType<AuditSearch['search']>> = [];
    const shownErrors = [...errors];
    if (errors.length === 0) {
      const from = filter.from ? helsinkiDayStart(filter.from) : undefined;
      const to = filter.to ? helsinkiDayStart(addDays(filter.to, 1)) : undefined;
      if (from === null) shownErrors.push({ field: 'from', code: 'isDateString' });
      if (to === null) shownErrors.push({ field: 'to', code: 'isDateString' });
      if (from && to && filter.from > filter.to) {
        shownErrors.push({
          field: 'to',
          code: 'dateRangeReversed',
          messageKey: 'admin.audit.toBeforeFrom',
        });
      }
      if (shownErrors.length === 0) {
        try {
          rows = await this.audit.search({
            userId: filter.userId || undefined,
            clientId: filter.clientId || undefined,
            action: filter.action || undefined,
            from: from ?? undefined,
            to: to ?? undefined,
            limit: PAGE_SIZE + 1,
            offset: (page - 1) * PAGE_SIZE,
          });
        } catch (error) {
          const invalid = validationErrorsOf(error);
          if (!invalid) throw error;
          shownErrors.push(...invalid);
        }
      }
    }
    const hasMore = rows.length > PAGE_SIZE;
    rows = rows.slice(0, PAGE_SIZE);

    const [choices, organisations, actors] = await Promise.all([
      this.users.list({ limit: USER_CHOICES, offset: 0 }),
      this.organisations.list(),
      this.namesOf(rows.map((r) => r.actorUserId).filter((id): id is string => id !== null)),
    ]);
    const organisationNames = new Map(organisations.map((o) => [o.id, o.name]));
    const userOptions = choices.items.map((u) => ({
      value: u.id,
      label: `${u.displayName} (${u.email})`,
    }));
    if (filter.userId && !userOptions.some((o) => o.value === filter.userId)) {
      const chosen = await this.users.findById(filter.userId);
      if (chosen)
        userOptions.unshift({ value: chosen.id, label: `${chosen.displayName} (${chosen.email})` });
    }

    this.pages.render(
      req,
      res,
      'admin/audit',
      {
        filter,
        email,
        errors: this.pages.errors(formErrors(shownErrors)),
        searched: shownErrors.length === 0,
        userOptions: withEmpty(this.i18n.translate('admin.common.all'), userOptions),
        rows: rows.map((row) => ({
          occurredAt: row.occurredAt,
          action: row.action,
          outcome: this.i18n.translate(`admin.audit.outcomes.${row.outcome}`),
          failed: row.outcome !== 'success',
          user: row.actorUserId
            ? (actors.get(row.actorUserId) ?? row.actorUserId)
            : this.i18n.translate('admin.audit.system'),
          organisation: row.actorOrganisationId
            ? (organisationNames.get(row.actorOrganisationId) ?? '')
            : '',
          roles: row.actorRoles,
          subject: row.subjectType
            ? `${row.subjectType}${row.subjectId ? ` ${row.subjectId}` : ''}`
            : '',
          clientId: row.clientId ?? '',
          sections: row.sections.join(', '),
          legalBasis: row.legalBasis
            ? this.i18n.translate(`admin.audit.legalBases.${row.legalBasis}`)
            : '',
          consentId: row.consentId ?? '',
          requestId: row.requestId ?? '',
        })),
        pager: pager('/admin/audit', { ...filter }, page, PAGE_SIZE, rows.length, null, hasMore),
      },
      { titleKey: 'admin.audit.title', status: shownErrors.length > 0 ? 422 : status },
    );
  }

  private async namesOf(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const users = await this.dataSource.getRepository(StaffUser).find({
      select: { id: true, displayName: true },
      where: { id: In(unique) },
    });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }
}

function filterValues(source: Record<string, unknown>): AuditFilterValues {
  return {
    userId: text(source.userId),
    clientId: text(source.clientId).trim(),
    action: text(source.action).trim(),
    from: text(source.from),
    to: text(source.to),
  };
}
