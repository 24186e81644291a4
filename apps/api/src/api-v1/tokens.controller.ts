import { Body, Controller, Delete, Get, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AccessTokenService } from '@ohjaamo/identity';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { assertScopesWithinRequest } from '../profile/token-scopes';
import { IdParam, InvalidIdFilter } from './id-param';
import {
  AccessTokenDto,
  CreateAccessTokenDto,
  CreatedAccessTokenDto,
  toAccessTokenDto,
} from './token.dto';

/** The caller's own personal access tokens. */
@ApiTags('tokens')
@UseFilters(InvalidIdFilter)
@Controller('api/v1/tokens')
export class TokensApiController {
  constructor(private readonly tokens: AccessTokenService) {}

  @Allow('tokens.manage')
  @Get()
  @ApiOkResponse({ type: [AccessTokenDto] })
  async list(@Req() req: AuthedRequest): Promise<AccessTokenDto[]> {
    return (await this.tokens.listForUser(req.auth!.user.id)).map(toAccessTokenDto);
  }

  /** The answer carries the token itself; it cannot be retrieved again. */
  @Allow('tokens.manage')
  @Post()
  @ApiCreatedResponse({ type: CreatedAccessTokenDto })
  @ApiUnprocessableEntityResponse({
    description: 'Field errors (e.g. a scope the caller does not hold)',
  })
  async create(
    @Req() req: AuthedRequest,
    @Body() body: CreateAccessTokenDto,
  ): Promise<CreatedAccessTokenDto> {
    const auth = req.auth!;
    const input = { name: body.name, scopes: body.scopes, expiresAt: new Date(body.expiresAt) };
    assertScopesWithinRequest(auth, input);
    const created = await this.tokens.create(auth.user, input);
    return { ...toAccessTokenDto(created.record), token: created.token };
  }

  @Allow('tokens.manage')
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async revoke(@Req() req: AuthedRequest, @IdParam() id: string): Promise<void> {
    await this.tokens.revoke(req.auth!.user.id, id);
  }
}
