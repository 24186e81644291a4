import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Outbox } from '@ohjaamo/jobs';
import { type FieldError, I18nService } from '@ohjaamo/platform';
import {
  addMonths,
  type MonthlyReport,
  monthOf,
  reportCsv,
  ReportsService,
  reportXlsx,
  scopeOptions,
  type ScopeOption,
} from '@ohjaamo/reports';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { PageRenderer } from '../ui/page-renderer';
import {
  monthLabel,
  parseReportRequest,
  type ReportRequest,
  reportLanguage,
  scopeName,
} from './report-request';
import { dashboardView, reportView } from './report-view';

/**
 * Coordinators' reports: the dashboard, the monthly report of a site, a region or the
 * whole deployment, and its exports. Everything comes from the rollups, suppressed; no
 * page here can show a client.
 */
@ApiExcludeController()
@Controller('reports')
export class ReportsPageController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly reports: ReportsService,
    private readonly i18n: I18nService,
    private readonly dataSource: DataSource,
  ) {}

  @Allow('reports.read')
  @Get()
  async dashboard(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const options = await scopeOptions(this.dataSource);
    const sites = options.filter((o) => o.kind === 'site');
    const site = typeof query.site === 'string' ? query.site : '';
    const chosen = sites.find((o) => o.value === `site:${site}`);
    const errors: FieldError[] =
      site !== '' && !chosen
        ? [{ field: 'site', code: 'invalid', messageKey: 'reports.form.scope_invalid' }]
        : [];
    const month = monthOf(new Date());
    const scope = chosen
      ? { kind: 'site' as const, siteId: site }
      : { kind: 'deployment' as const };
    const series = await this.reports.dashboard(scope, month, reportLanguage(this.i18n));
    this.pages.render(
      req,
      res,
      'reports/dashboard',
      {
        errors: this.pages.errors(errors),
        site: chosen ? site : '',
        siteOptions: [
          { value: '', label: this.i18n.translate('reports.dashboard.all_sites') },
          ...sites.map((o) => ({ value: o.value.slice('site:'.length), label: o.name })),
        ],
        charts: dashboardView(series, (key, params) => this.i18n.translate(key, params)),
        thisMonth: monthLabel(month),
        threshold: this.reports.threshold,
        reportLink: `/reports/month?month=${addMonths(month, -1)}&scope=${encodeURIComponent(chosen?.value ?? 'deployment')}`,
      },
      { titleKey: 'reports.dashboard.title', status: errors.length ? 422 : 200 },
    );
  }

  @Allow('reports.read')
  @Get('month')
  async report(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    return this.renderReport(req, res, query, false);
  }

  @Allow('reports.read')
  @Get('month/print')
  async print(
    @Req() req: AuthedRequest,
    @Res() res: Response,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    return this.renderReport(req, res, query, true);
  }

  @Allow('reports.read')
  @Get('month.csv')
  async csv(@Res() res: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const found = await this.exportable(query);
    if (!found) return void res.redirect(303, this.pageLink(query));
    res.setHeader('Cache-Control', 'no-store');
    res.type('text/csv; charset=utf-8');
    res.attachment(`${found.fileName}.csv`);
    res.send(reportCsv(found.report, found.headings));
  }

  @Allow('reports.read')
  @Get('month.xlsx')
  async xlsx(@Res() res: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const found = await this.exportable(query);
    if (!found) return void res.redirect(303, this.pageLink(query));
    res.setHeader('Cache-Control', 'no-store');
    res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.attachment(`${found.fileName}.xlsx`);
    res.send(await reportXlsx(found.report, found.headings));
  }

  private async renderReport(
    req: AuthedRequest,
    res: Response,
    query: Record<string, unknown>,
    print: boolean,
  ): Promise<void> {
    const options = await scopeOptions(this.dataSource);
    const now = new Date();
    const asked =
      query.month === undefined ? { ...query, month: addMonths(monthOf(now), -1) } : query;
    const parsed = parseReportRequest(asked, options, now);
    const form = (month: string, scope: string, errors: FieldError[]) => ({
      month,
      scope,
      errors: this.pages.errors(errors),
      scopeOptions: options.map((o) => ({ value: o.value, label: scopeName(o, this.i18n) })),
    });
    if (!parsed.ok) {
      this.pages.render(
        req,
        res,
        'reports/report',
        { form: form(parsed.month, parsed.scope, parsed.errors), report: null, print: false },
        { titleKey: 'reports.page.title', status: 422 },
      );
      return;
    }
    const { month, scopeValue } = parsed.value;
    const report = await this.reports.monthlyReport(
      parsed.value.scope,
      month,
      reportLanguage(this.i18n),
    );
    if (!report.built) await this.requestRollup(month);
    const queryString = `month=${month}&scope=${encodeURIComponent(scopeValue)}`;
    this.pages.render(
      req,
      res,
      'reports/report',
      {
        form: form(month, scopeValue, []),
        print,
        report: {
          heading: this.i18n.translate('reports.page.heading', {
            month: monthLabel(month),
            scope: scopeName(this.optionOf(options, scopeValue), this.i18n),
          }),
          built: report.built,
          threshold: report.threshold,
          ...reportView(report, (key, params) => this.i18n.translate(key, params)),
          links: {
            csv: `/reports/month.csv?${queryString}`,
            xlsx: `/reports/month.xlsx?${queryString}`,
            print: `/reports/month/print?${queryString}`,
            page: `/reports/month?${queryString}`,
          },
        },
      },
      { titleKey: 'reports.page.title', scripts: print ? ['reports-print.js'] : [] },
    );
  }

  /** The report for an export, or null when the request is invalid or not built yet. */
  private async exportable(query: Record<string, unknown>): Promise<{
    report: MonthlyReport;
    headings: Parameters<typeof reportCsv>[1];
    fileName: string;
  } | null> {
    const options = await scopeOptions(this.dataSource);
    const parsed = parseReportRequest(query, options, new Date());
    if (!parsed.ok) return null;
    const request: ReportRequest = parsed.value;
    const report = await this.reports.monthlyReport(
      request.scope,
      request.month,
      reportLanguage(this.i18n),
    );
    if (!report.built) return null;
    const option = this.optionOf(options, request.scopeValue);
    return {
      report,
      headings: {
        translate: (key, params) => this.i18n.translate(key, params),
        title: this.i18n.translate('reports.page.heading', {
          month: monthLabel(request.month),
          scope: scopeName(option, this.i18n),
        }),
        monthLabel,
      },
      // Ids and months only: a file name never carries a name of anything.
      fileName: `ohjaamo-report-${request.month}-${option?.kind ?? 'deployment'}`,
    };
  }

  private optionOf(options: readonly ScopeOption[], value: string): ScopeOption | undefined {
    return options.find((o) => o.value === value);
  }

  private pageLink(query: Record<string, unknown>): string {
    const month = typeof query.month === 'string' ? query.month : '';
    const scope = typeof query.scope === 'string' ? query.scope : 'deployment';
    return `/reports/month?month=${encodeURIComponent(month)}&scope=${encodeURIComponent(scope)}`;
  }

  /** A month nobody has built yet: the worker builds it (once, however often asked). */
  private async requestRollup(month: string): Promise<void> {
    await this.dataSource.transaction((manager) =>
      Outbox.enqueue(manager, 'reports.rollup', { month }, { dedupeKey: `report-rollup|${month}` }),
    );
  }
}
