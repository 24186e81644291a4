import { Body, Controller, Get, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ConcernsService, FollowUpsService, OutcomesService } from '@ohjaamo/outcomes';
import { PlanTasksService } from '@ohjaamo/plans';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import {
  FollowUpResultDto,
  OutcomeDto,
  OutcomeListDto,
  RecordFollowUpDto,
  RecordOutcomeDto,
  TaskListDto,
  toOutcomeInput,
} from './outcome.dto';

/** Outcomes (transitions) of a client, each with its follow-up points. */
@ApiTags('outcomes')
@UseFilters(InvalidIdFilter)
@Controller('api/v1/clients/:id/outcomes')
export class OutcomesApiController {
  constructor(private readonly outcomes: OutcomesService) {}

  @Allow('plans.read')
  @Get()
  @ApiOkResponse({ type: OutcomeListDto })
  @ApiNotFoundResponse()
  async list(@Req() req: AuthedRequest, @IdParam() id: string): Promise<OutcomeListDto> {
    return { items: await this.outcomes.list(req.auth!.actor, id) };
  }

  @Allow('outcomes.write')
  @Post()
  @ApiCreatedResponse({ type: OutcomeDto, description: 'With its follow-up points' })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'Field errors; nothing was saved' })
  async record(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @Body() body: RecordOutcomeDto,
  ): Promise<OutcomeDto> {
    return this.outcomes.record(req.auth!.actor, id, toOutcomeInput(body));
  }
}

/** Recording a follow-up: does the outcome still hold, and if not, what now. */
@ApiTags('outcomes')
@UseFilters(InvalidIdFilter)
@Controller('api/v1/follow-ups')
export class FollowUpsApiController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Allow('outcomes.write')
  @Post(':id')
  @HttpCode(200)
  @ApiOkResponse({ type: FollowUpResultDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'error "follow_up_already_recorded"' })
  @ApiUnprocessableEntityResponse({ description: 'Field errors; nothing was saved' })
  async record(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @Body() body: RecordFollowUpDto,
  ): Promise<FollowUpResultDto> {
    return this.followUps.record(req.auth!.actor, id, {
      stillHolds: body.stillHolds,
      newSituation: body.newSituation ?? null,
      newOutcome: body.newOutcome ? toOutcomeInput(body.newOutcome) : null,
    });
  }
}

/**
 * The signed-in worker's tasks: open follow-ups of the clients they are responsible for,
 * plan actions they are named for, plan reviews due, and open concerns with deadlines.
 */
@ApiTags('outcomes')
@Controller('api/v1/me/tasks')
export class TasksApiController {
  constructor(
    private readonly followUps: FollowUpsService,
    private readonly planTasks: PlanTasksService,
    private readonly concerns: ConcernsService,
  ) {}

  @Allow('outcomes.write')
  @Get()
  @ApiOkResponse({ type: TaskListDto })
  async list(@Req() req: AuthedRequest): Promise<TaskListDto> {
    const actor = req.auth!.actor;
    const followUps = await this.followUps.tasks(actor);
    const plans = await this.planTasks.tasks(actor);
    const concerns = await this.concerns.tasks(actor);
    return { followUps, planActions: plans.actions, planReviews: plans.reviews, concerns };
  }
}
