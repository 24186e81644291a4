import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  AppConfig,
  DomainError,
  type FieldError,
  I18nService,
  type Language,
  requestContext,
} from '@ohjaamo/platform';
import type { Response } from 'express';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { formErrors, text } from '../admin/form-errors';
import { parseForm, validationErrorsOf } from '../ui/form';
import { PageRenderer } from '../ui/page-renderer';
import { AccessReportService, type AccessReportRow } from './access-report.service';
import { ClientErasureService, ERASURE_REASONS } from './client-erasure.service';
import { ClientExportService } from './client-export.service';
import { clientLanguage } from './client-language';
import { EraseClientForm } from './erase-client.form';

const PRINT_SCRIPTS = ['client-rights.js'];

/**
 * The client's rights as pages: the printable access report and export, in the client's
 * language (the page is handed to the young person), and the erasure confirm page.
 */
@ApiExcludeController()
@UseFilters(InvalidIdFilter)
@Controller('clients/:id')
export class ClientRightsPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly reports: AccessReportService,
    private readonly exports: ClientExportService,
    private readonly erasure: ClientErasureService,
    private readonly i18n: I18nService,
    private readonly config: AppConfig,
  ) {}

  @Allow('clients.rights')
  @Get('access-report')
  async accessReport(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
  ): Promise<void> {
    const report = await this.reports.report(req.auth!.actor, id, 'html');
    const language = clientLanguage(report.client.language, this.config.DEFAULT_LANGUAGE);
    this.renderIn(
      language,
      req,
      res,
      'client-rights/access-report',
      {
        client: report.client,
        from: report.from,
        to: report.to,
        rows: report.rows.map((row) => this.reportRow(row, language)),
      },
      'clientRights.report.title',
    );
  }

  @Allow('clients.rights')
  @Get('export')
  async export(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
  ): Promise<void> {
    const data = await this.exports.export(req.auth!.actor, id, 'html');
    const language = clientLanguage(data.client.language, this.config.DEFAULT_LANGUAGE);
    this.renderIn(
      language,
      req,
      res,
      'client-rights/export',
      {
        data,
        recordEntries: data.recordEntries.map((e) => ({
          ...e,
          sectionLabel: this.section(e.section, language),
        })),
        withheld: data.withheld.map((w) => ({
          ...w,
          sectionLabel: this.section(w.section, language),
        })),
        consents: data.consents.map((c) => ({
          ...c,
          sectionLabels: c.sections.map((s) => this.section(s, language)).join(', '),
          history: c.history ?? [],
          evidence: c.evidence ?? [],
        })),
        planGoals: data.plan?.goals ?? [],
        accessRows: data.accessReport.rows.map((row) => this.reportRow(row, language)),
      },
      'clientRights.export.title',
    );
  }

  @Allow('clients.rights')
  @Get('erase')
  async eraseForm(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
  ): Promise<void> {
    const client = await this.reports.openFullEntry(req.auth!.actor, id);
    const rules = await this.erasure.check(req.auth!.actor, id);
    this.renderEraseForm(req, res, client, { reason: '', requestReference: '' }, [], rules, 200);
  }

  @Allow('clients.rights')
  @Post('erase')
  async erase(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @IdParam() id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const actor = req.auth!.actor;
    const client = await this.reports.openFullEntry(actor, id);
    const values = { reason: text(body.reason), requestReference: text(body.requestReference) };
    const parsed = await parseForm(EraseClientForm, body);
    if (!parsed.ok) {
      return this.renderEraseForm(req, res, client, values, ownMessages(parsed.errors), [], 422);
    }
    try {
      const result = await this.erasure.erase(actor, id, parsed.value);
      this.pages.render(
        req,
        res,
        'client-rights/erased',
        { result, clientId: id },
        {
          titleKey: 'clientRights.erasure.doneTitle',
        },
      );
    } catch (error) {
      const fieldErrors = validationErrorsOf(error);
      if (fieldErrors) return this.renderEraseForm(req, res, client, values, fieldErrors, [], 422);
      if (error instanceof DomainError && error.code === 'erasure_blocked') {
        const rules = error.fieldErrors.map((e) => e.code);
        return this.renderEraseForm(req, res, client, values, error.fieldErrors, rules, 409);
      }
      throw error;
    }
  }

  private renderEraseForm(
    req: AuthedRequest,
    res: Response,
    client: { id: string; firstName: string; lastName: string },
    values: { reason: string; requestReference: string },
    errors: FieldError[],
    rules: string[],
    status: number,
  ): void {
    this.pages.render(
      req,
      res,
      'client-rights/erase',
      {
        client,
        form: values,
        errors: this.pages.errors(formErrors(errors.filter((e) => e.field !== 'rules'))),
        // The retention rules that block erasure, each with its explanation.
        rules: rules.map((rule) => ({
          code: rule,
          message: this.i18n.translate(`clientRights.erasure.rules.${rule}`),
        })),
        reasonOptions: [
          { value: '', label: this.i18n.translate('clientRights.erasure.chooseReason') },
          ...ERASURE_REASONS.map((r) => ({
            value: r,
            label: this.i18n.translate(`clientRights.erasure.reasons.${r}`),
          })),
        ],
      },
      { titleKey: 'clientRights.erasure.title', status },
    );
  }

  /** Renders the whole page in the client's language: it is printed for the client. */
  private renderIn(
    language: Language,
    req: AuthedRequest,
    res: Response,
    page: string,
    data: Record<string, unknown>,
    titleKey: string,
  ): void {
    const context = requestContext.current()!;
    requestContext.run({ ...context, language }, () =>
      this.pages.render(req, res, page, data, { titleKey, scripts: PRINT_SCRIPTS }),
    );
  }

  private reportRow(row: AccessReportRow, language: Language) {
    const t = (key: string, params: Record<string, string> = {}): string =>
      this.i18n.translate(key, params, language);
    return {
      occurredAt: row.occurredAt,
      staff: row.staffName ?? t('clientRights.report.system'),
      organisation: row.organisationName ?? '',
      what: t(`clientRights.report.kinds.${row.kind}`),
      sections: row.sections.map((s) => this.section(s, language)).join(', '),
      basis: row.legalBasis
        ? row.legalBasis === 'consent' && row.consentId
          ? t('clientRights.report.bases.consentWithId', { id: row.consentId })
          : t(`clientRights.report.bases.${row.legalBasis}`)
        : t('clientRights.report.bases.none'),
    };
  }

  private section(code: string, language: Language): string {
    const key = `clientRights.sections.${code}`;
    return this.i18n.has(key, language) ? this.i18n.translate(key, {}, language) : code;
  }
}

// The form's fields with messages of their own rather than the generic ones.
function ownMessages(errors: FieldError[]): FieldError[] {
  const keys: Record<string, string> = {
    reason: 'clientRights.erasure.fieldErrors.reasonRequired',
    requestReference: 'clientRights.erasure.fieldErrors.requestReference',
    confirm: 'clientRights.erasure.fieldErrors.confirmRequired',
  };
  return errors.map((e) => (keys[e.field] ? { ...e, messageKey: keys[e.field] } : e));
}
