import { Body, Controller, Get, HttpCode, Post, Query, Req, UseFilters } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RecordEntriesService } from '@ohjaamo/clients';
import { I18nService, requestContext } from '@ohjaamo/platform';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import {
  AddRecordEntryDto,
  CorrectRecordEntryDto,
  DeleteRecordEntryDto,
  RecordEntriesQueryDto,
} from './record-requests.dto';
import { RecordEntryDto, RecordEntryListDto, VisibilityDto } from './record-responses.dto';

/**
 * The shared client record. What the caller's organisation may not see (no consent, or a
 * role that reads no records) answers 404, exactly like something that does not exist.
 */
@ApiTags('record')
@UseFilters(InvalidIdFilter)
@Controller('api/v1/clients/:id')
export class RecordApiController {
  constructor(
    private readonly record: RecordEntriesService,
    private readonly i18n: I18nService,
  ) {}

  @Allow('record.read')
  @Get('record/entries')
  @ApiOkResponse({ type: RecordEntryListDto, description: 'Only entries the caller may see' })
  @ApiNotFoundResponse()
  async list(
    @Req() req: AuthedRequest,
    @IdParam() clientId: string,
    @Query() query: RecordEntriesQueryDto,
  ): Promise<RecordEntryListDto> {
    return { items: await this.record.list(req.auth!.actor, clientId, query.section) };
  }

  @Allow('record.write')
  @Post('record/entries')
  @ApiCreatedResponse({ type: RecordEntryDto })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'Field errors; nothing was saved' })
  add(
    @Req() req: AuthedRequest,
    @IdParam() clientId: string,
    @Body() body: AddRecordEntryDto,
  ): Promise<RecordEntryDto> {
    return this.record.add(req.auth!.actor, clientId, body);
  }

  @Allow('record.read')
  @Get('record/entries/:entryId')
  @ApiOkResponse({ type: RecordEntryDto })
  @ApiNotFoundResponse()
  get(
    @Req() req: AuthedRequest,
    @IdParam() clientId: string,
    @IdParam('entryId') entryId: string,
  ): Promise<RecordEntryDto> {
    return this.record.get(req.auth!.actor, clientId, entryId);
  }

  @Allow('record.write')
  @Post('record/entries/:entryId/corrections')
  @ApiCreatedResponse({ type: RecordEntryDto, description: 'The new version' })
  @ApiNotFoundResponse()
  @ApiForbiddenResponse({ description: "Another organisation's entry" })
  @ApiUnprocessableEntityResponse({ description: 'Field errors; nothing was saved' })
  correct(
    @Req() req: AuthedRequest,
    @IdParam() clientId: string,
    @IdParam('entryId') entryId: string,
    @Body() body: CorrectRecordEntryDto,
  ): Promise<RecordEntryDto> {
    return this.record.correct(req.auth!.actor, clientId, entryId, body);
  }

  @Allow('record.write')
  @Post('record/entries/:entryId/delete')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Marked deleted with the reason; kept in the history' })
  @ApiNotFoundResponse()
  @ApiForbiddenResponse({ description: "Another organisation's entry" })
  async remove(
    @Req() req: AuthedRequest,
    @IdParam() clientId: string,
    @IdParam('entryId') entryId: string,
    @Body() body: DeleteRecordEntryDto,
  ): Promise<void> {
    await this.record.remove(req.auth!.actor, clientId, entryId, body.reason);
  }

  @Allow('record.read')
  @Get('visibility')
  @ApiOkResponse({
    type: VisibilityDto,
    description: 'Per section and recording agency: shown to the caller or hidden, and why',
  })
  @ApiNotFoundResponse()
  async visibility(@Req() req: AuthedRequest, @IdParam() clientId: string): Promise<VisibilityDto> {
    const language = requestContext.current()?.language;
    const items = await this.record.visibility(req.auth!.actor, clientId);
    return {
      items: items.map((item) => ({
        ...item,
        note: this.i18n.translate(
          item.visible ? `record.visible.${item.legalBasis}` : `record.hidden.${item.hiddenReason}`,
          {
            organisation: item.organisationName,
            section: this.i18n.translate(`sections.${item.section}`, {}, language),
          },
          language,
        ),
      })),
    };
  }
}
