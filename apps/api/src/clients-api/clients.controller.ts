import { Body, Controller, Get, HttpCode, Patch, Post, Req, UseFilters } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ClientsService } from '@ohjaamo/clients';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { ClientsApiErrorFilter } from './clients-api-error.filter';
import {
  ClientSearchDto,
  CreateClientDto,
  EndClientDto,
  UpdateClientDto,
} from './client-requests.dto';
import {
  ClientDto,
  ClientSearchResultDto,
  IdentityCodeDto,
  PossibleDuplicatesDto,
  toClientDto,
  toDeskClientSummaryDto,
} from './client-responses.dto';

/**
 * The client registry. Names, identity codes and phone numbers travel in request bodies
 * only, never in URLs. A client the caller may not see answers 404, like an unknown one.
 */
@ApiTags('clients')
@UseFilters(InvalidIdFilter, ClientsApiErrorFilter)
@Controller('api/v1/clients')
export class ClientsApiController {
  constructor(private readonly clients: ClientsService) {}

  @Allow('clients.create')
  @Post()
  @ApiCreatedResponse({ type: ClientDto })
  @ApiConflictResponse({
    type: PossibleDuplicatesDto,
    description:
      'error "identity_code_taken": the identity code is registered already; ' +
      'error "possible_duplicates": likely duplicates, send acknowledgeDuplicates to create anyway',
  })
  @ApiUnprocessableEntityResponse({ description: 'Field errors; nothing was saved' })
  async create(@Req() req: AuthedRequest, @Body() body: CreateClientDto): Promise<ClientDto> {
    const { acknowledgeDuplicates, ...input } = body;
    return toClientDto(
      await this.clients.create(req.auth!.actor, input, { acknowledgeDuplicates }),
    );
  }

  /** The desk's look-up: identification only, at most 20. POST keeps criteria out of URLs. */
  @Allow('clients.search')
  @Post('search')
  @HttpCode(200)
  @ApiOkResponse({ type: ClientSearchResultDto })
  @ApiUnprocessableEntityResponse({ description: 'No criteria, or criteria that cannot be used' })
  async search(
    @Req() req: AuthedRequest,
    @Body() body: ClientSearchDto,
  ): Promise<ClientSearchResultDto> {
    const items = await this.clients.searchForDesk(req.auth!.actor, body);
    return { items: items.map(toDeskClientSummaryDto) };
  }

  @Allow('clients.read')
  @Get(':id')
  @ApiOkResponse({ type: ClientDto, description: 'Details only for those who may see them' })
  @ApiNotFoundResponse()
  async get(@Req() req: AuthedRequest, @IdParam() id: string): Promise<ClientDto> {
    return toClientDto(await this.clients.get(req.auth!.actor, id));
  }

  @Allow('clients.update')
  @Patch(':id')
  @ApiOkResponse({ type: ClientDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Saved by someone else since `version`' })
  @ApiUnprocessableEntityResponse({ description: 'Field errors; nothing was saved' })
  async update(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @Body() body: UpdateClientDto,
  ): Promise<ClientDto> {
    const { version, ...input } = body;
    return toClientDto(await this.clients.update(req.auth!.actor, id, input, version));
  }

  @Allow('clients.relationship')
  @Post(':id/end')
  @HttpCode(200)
  @ApiOkResponse({ type: ClientDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Already ended' })
  async end(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @Body() body: EndClientDto,
  ): Promise<ClientDto> {
    return toClientDto(await this.clients.end(req.auth!.actor, id, body.reason));
  }

  @Allow('clients.relationship')
  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOkResponse({ type: ClientDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Not ended' })
  async reopen(@Req() req: AuthedRequest, @IdParam() id: string): Promise<ClientDto> {
    return toClientDto(await this.clients.reopen(req.auth!.actor, id));
  }

  /** The decrypted code, for advisers; anyone else gets 404. Every read is audited. */
  @Allow('clients.read')
  @Get(':id/identity-code')
  @ApiOkResponse({ type: IdentityCodeDto })
  @ApiNotFoundResponse()
  async identityCode(@Req() req: AuthedRequest, @IdParam() id: string): Promise<IdentityCodeDto> {
    return { identityCode: await this.clients.identityCodeOf(req.auth!.actor, id) };
  }
}
