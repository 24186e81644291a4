import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiUnprocessableEntityResponse, ApiTags } from '@nestjs/swagger';
import { DomainError, I18nService } from '@ohjaamo/platform';
import { ReportsService, scopeOptions } from '@ohjaamo/reports';
import { DataSource } from 'typeorm';
import { Allow } from '../auth/access.decorators';
import { ReportDto, ReportQueryDto } from './report.dto';
import { parseReportRequest, reportLanguage } from './report-request';

/** Monthly reports as data: the same suppressed figures as the page and the exports. */
@ApiTags('reports')
@Controller('api/v1/reports')
export class ReportsApiController {
  constructor(
    private readonly reports: ReportsService,
    private readonly i18n: I18nService,
    private readonly dataSource: DataSource,
  ) {}

  @Allow('reports.read')
  @Get()
  @ApiOkResponse({ type: ReportDto })
  @ApiUnprocessableEntityResponse({ description: 'Field errors (month, scope)' })
  async report(@Query() query: ReportQueryDto): Promise<ReportDto> {
    const parsed = parseReportRequest(
      { ...query },
      await scopeOptions(this.dataSource),
      new Date(),
    );
    if (!parsed.ok) throw DomainError.validation(parsed.errors);
    return this.reports.monthlyReport(
      parsed.value.scope,
      parsed.value.month,
      reportLanguage(this.i18n),
    );
  }
}
