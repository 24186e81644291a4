import { Body, Controller, Get, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AppConfig } from '@ohjaamo/platform';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { AccessReportService } from './access-report.service';
import { ClientErasureService } from './client-erasure.service';
import { ClientExportService, type ClientExport } from './client-export.service';
import { clientLanguage } from './client-language';
import {
  AccessReportDto,
  ClientExportDto,
  EraseClientDto,
  ErasureBlockedDto,
  ErasureResultDto,
} from './client-rights.dto';

/**
 * The client's rights over their data: who has seen it, a copy of it, and erasure on
 * request. Advisers only ('clients.rights'); every call is audited. A client the caller
 * may not see answers 404, like an unknown one.
 */
@ApiTags('client rights')
@UseFilters(InvalidIdFilter)
@Controller('api/v1/clients/:id')
export class ClientRightsApiController {
  constructor(
    private readonly reports: AccessReportService,
    private readonly exports: ClientExportService,
    private readonly erasure: ClientErasureService,
    private readonly config: AppConfig,
  ) {}

  @Allow('clients.rights')
  @Get('access-report')
  @ApiOkResponse({ type: AccessReportDto, description: 'Who has seen the data, when and why' })
  @ApiNotFoundResponse()
  async accessReport(
    @Req() req: AuthedRequest,
    @IdParam() clientId: string,
  ): Promise<AccessReportDto> {
    const report = await this.reports.report(req.auth!.actor, clientId, 'json');
    return {
      clientId,
      language: clientLanguage(report.client.language, this.config.DEFAULT_LANGUAGE),
      from: report.from,
      to: report.to,
      items: report.rows,
    };
  }

  @Allow('clients.rights')
  @Get('export')
  @ApiOkResponse({ type: ClientExportDto, description: 'Everything about the client' })
  @ApiNotFoundResponse()
  export(@Req() req: AuthedRequest, @IdParam() clientId: string): Promise<ClientExport> {
    return this.exports.export(req.auth!.actor, clientId, 'json');
  }

  @Allow('clients.rights')
  @Post('erasure')
  @HttpCode(200)
  @ApiOkResponse({ type: ErasureResultDto, description: 'Anonymised; the reason is logged' })
  @ApiNotFoundResponse()
  @ApiForbiddenResponse({ description: 'Only the registering organisation erases' })
  @ApiConflictResponse({
    type: ErasureBlockedDto,
    description:
      'error "erasure_blocked": a retention rule forbids it (named in errors); ' +
      'error "client_already_anonymised"',
  })
  @ApiUnprocessableEntityResponse({ description: 'Field errors; nothing was changed' })
  erase(
    @Req() req: AuthedRequest,
    @IdParam() clientId: string,
    @Body() body: EraseClientDto,
  ): Promise<ErasureResultDto> {
    return this.erasure.erase(req.auth!.actor, clientId, body);
  }
}
