import { Body, Controller, Get, Put, Req, UseFilters } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { PlansService } from '@ohjaamo/plans';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { SavePlanDto, toPlanInput } from './plan-requests.dto';
import { PlanDto, PlanVersionListDto } from './plan-responses.dto';

/** A client's one shared plan. A client the caller may not see answers 404. */
@ApiTags('plans')
@UseFilters(InvalidIdFilter)
@Controller('api/v1/clients/:id/plan')
export class PlansApiController {
  constructor(private readonly plans: PlansService) {}

  @Allow('plans.read')
  @Get()
  @ApiOkResponse({ type: PlanDto })
  @ApiNotFoundResponse({ description: 'No such client, not visible, or no plan yet' })
  async get(@Req() req: AuthedRequest, @IdParam() id: string): Promise<PlanDto> {
    return this.plans.get(req.auth!.actor, id);
  }

  @Allow('plans.write')
  @Put()
  @ApiOkResponse({ type: PlanDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({
    description:
      'error "plan_version_conflict": saved by someone else since `version`; nothing changed',
  })
  @ApiUnprocessableEntityResponse({ description: 'Field errors; nothing was saved' })
  async save(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @Body() body: SavePlanDto,
  ): Promise<PlanDto> {
    return this.plans.save(req.auth!.actor, id, toPlanInput(body), body.version);
  }

  @Allow('plans.read')
  @Get('versions')
  @ApiOkResponse({ type: PlanVersionListDto })
  @ApiNotFoundResponse()
  async versions(@Req() req: AuthedRequest, @IdParam() id: string): Promise<PlanVersionListDto> {
    return { items: await this.plans.versions(req.auth!.actor, id) };
  }
}
