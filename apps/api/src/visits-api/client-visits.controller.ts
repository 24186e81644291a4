import { Controller, Get, Query, Req, UseFilters } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@ohjaamo/platform';
import { VisitsService } from '@ohjaamo/visits';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { ClientVisitsQueryDto, toVisitDto, VisitPageDto } from './visit.dto';

/** The visit history on a client's page. */
@ApiTags('visits')
@UseFilters(InvalidIdFilter)
@Controller('api/v1/clients')
export class ClientVisitsApiController {
  constructor(private readonly visits: VisitsService) {}

  /** Visits of the client at the caller's sites, newest first. Needs clients.read as well. */
  @Allow('visits.read')
  @Get(':clientId/visits')
  @ApiOkResponse({ type: VisitPageDto })
  @ApiNotFoundResponse()
  async history(
    @Req() req: AuthedRequest,
    @IdParam('clientId') clientId: string,
    @Query() query: ClientVisitsQueryDto,
  ): Promise<VisitPageDto> {
    // A client record the caller may not read reads as not found.
    if (!req.auth!.permissions.has('clients.read')) throw DomainError.notFound('client_not_found');
    const page = await this.visits.historyForClient(req.auth!.actor, clientId, query);
    return { ...page, items: page.items.map(toVisitDto) };
  }
}
