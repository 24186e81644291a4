import {
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  Req,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ConsentFormRenderer, ConsentsService, EVIDENCE_MAX_BYTES } from '@ohjaamo/consent';
import type { Response } from 'express';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { ConsentScopeDto, EvidenceUploadDto, WithdrawConsentDto } from './consent-requests.dto';
import {
  ConsentDto,
  ConsentEvidenceDto,
  ConsentListDto,
  toConsentDto,
} from './consent-responses.dto';
import { sendConsentForm } from '../client-pages/consent-form.response';
import { EvidenceTooLargeFilter } from './evidence-too-large.filter';

/** A client's written consents: record, withdraw, replace, evidence, printable form. */
@ApiTags('consents')
@UseFilters(InvalidIdFilter, EvidenceTooLargeFilter)
@Controller('api/v1')
export class ConsentsApiController {
  constructor(
    private readonly consents: ConsentsService,
    private readonly forms: ConsentFormRenderer,
  ) {}

  @Allow('consent.manage')
  @Get('clients/:id/consents')
  @ApiOkResponse({ type: ConsentListDto })
  @ApiNotFoundResponse()
  async list(@Req() req: AuthedRequest, @IdParam() clientId: string): Promise<ConsentListDto> {
    const items = await this.consents.listForClient(req.auth!.actor, clientId);
    return { items: items.map(toConsentDto) };
  }

  @Allow('consent.manage')
  @Post('clients/:id/consents')
  @ApiCreatedResponse({ type: ConsentDto, description: 'A given consent' })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'Field errors; nothing was stored' })
  async give(
    @Req() req: AuthedRequest,
    @IdParam() clientId: string,
    @Body() body: ConsentScopeDto,
  ): Promise<ConsentDto> {
    return toConsentDto(await this.consents.give(req.auth!.actor, clientId, body));
  }

  @Allow('consent.manage')
  @Get('consents/:id')
  @ApiOkResponse({ type: ConsentDto, description: 'With its status history and evidence' })
  @ApiNotFoundResponse()
  async get(@Req() req: AuthedRequest, @IdParam() id: string): Promise<ConsentDto> {
    return toConsentDto(await this.consents.get(req.auth!.actor, id));
  }

  @Allow('consent.manage')
  @Post('consents/:id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: ConsentDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Not in force (withdrawn, replaced or expired already)' })
  async withdraw(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @Body() body: WithdrawConsentDto,
  ): Promise<ConsentDto> {
    return toConsentDto(
      await this.consents.withdraw(req.auth!.actor, id, body.reason?.trim() || null),
    );
  }

  @Allow('consent.manage')
  @Post('consents/:id/replace')
  @ApiCreatedResponse({ type: ConsentDto, description: 'The new consent; the old one is replaced' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The consent is not in force' })
  @ApiUnprocessableEntityResponse({ description: 'Field errors; nothing was stored' })
  async replace(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @Body() body: ConsentScopeDto,
  ): Promise<ConsentDto> {
    return toConsentDto(await this.consents.replace(req.auth!.actor, id, body));
  }

  @Allow('consent.manage')
  @Post('consents/:id/evidence')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: EvidenceUploadDto })
  @ApiCreatedResponse({ type: [ConsentEvidenceDto] })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'Not PDF/PNG/JPEG, or over 10 MB' })
  // One byte over the limit is enough to refuse; multer stops reading there.
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: EVIDENCE_MAX_BYTES + 1, files: 1 } }),
  )
  async evidence(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ): Promise<ConsentEvidenceDto[]> {
    return (await this.consents.addEvidence(req.auth!.actor, id, file?.buffer)) ?? [];
  }

  @Allow('consent.manage')
  @Get('consents/:id/form')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The printable form in the language recorded' })
  @ApiNotFoundResponse()
  async form(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @Res() res: Response,
  ): Promise<void> {
    const consent = await this.consents.forForm(req.auth!.actor, id);
    sendConsentForm(res, await this.forms.render(consent));
  }
}
