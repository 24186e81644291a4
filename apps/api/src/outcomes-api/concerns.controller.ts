import { Body, Controller, Get, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ConcernsService } from '@ohjaamo/outcomes';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import {
  ConcernDto,
  ConcernListDto,
  OverdueSummaryDto,
  RaiseConcernDto,
  ResolveConcernDto,
} from './concern.dto';

/** Flagging a concern about a client, with a reaction deadline. */
@ApiTags('concerns')
@UseFilters(InvalidIdFilter)
@Controller('api/v1/clients/:id/concerns')
export class ClientConcernsApiController {
  constructor(private readonly concerns: ConcernsService) {}

  @Allow('plans.read')
  @Get()
  @ApiOkResponse({ type: ConcernListDto, description: 'Open concerns first, by deadline' })
  @ApiNotFoundResponse()
  async list(@Req() req: AuthedRequest, @IdParam() id: string): Promise<ConcernListDto> {
    return { items: await this.concerns.list(req.auth!.actor, id) };
  }

  @Allow('concerns.write')
  @Post()
  @ApiCreatedResponse({ type: ConcernDto })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'Field errors; nothing was saved' })
  async raise(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @Body() body: RaiseConcernDto,
  ): Promise<ConcernDto> {
    return this.concerns.raise(req.auth!.actor, id, body);
  }
}

@ApiTags('concerns')
@UseFilters(InvalidIdFilter)
@Controller('api/v1/concerns')
export class ConcernsApiController {
  constructor(private readonly concerns: ConcernsService) {}

  /** For coordinators: counts and ids per site and organisation, never client data. */
  @Allow('concerns.overdue')
  @Get('overdue-summary')
  @ApiOkResponse({ type: OverdueSummaryDto })
  async overdueSummary(@Req() req: AuthedRequest): Promise<OverdueSummaryDto> {
    return this.concerns.overdueSummary(req.auth!.actor);
  }

  @Allow('concerns.write')
  @Post(':id/resolve')
  @HttpCode(200)
  @ApiOkResponse({ type: ConcernDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'error "concern_already_resolved"' })
  async resolve(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @Body() body: ResolveConcernDto,
  ): Promise<ConcernDto> {
    return this.concerns.resolve(req.auth!.actor, id, body.resolution ?? null);
  }
}
