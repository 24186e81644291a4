import { Body, Controller, Get, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { DeskQueueService } from '@ohjaamo/visits';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import {
  ArrivalDto,
  CallDto,
  DeskBoardDto,
  QueueEntryDto,
  toDeskBoardDto,
  toQueueEntryDto,
  WaitDto,
} from './desk.dto';

/** The front-desk queue of a site. Transitions out of order answer 409. */
@ApiTags('desk')
@UseFilters(InvalidIdFilter)
@Controller('api/v1')
export class DeskApiController {
  constructor(private readonly desk: DeskQueueService) {}

  @Allow('desk.queue')
  @Get('sites/:siteId/desk')
  @ApiOkResponse({ type: DeskBoardDto })
  @ApiNotFoundResponse({ description: 'A site the caller does not work at' })
  async board(@Req() req: AuthedRequest, @IdParam('siteId') siteId: string): Promise<DeskBoardDto> {
    return toDeskBoardDto(await this.desk.board(req.auth!.actor, siteId));
  }

  /** A visitor arrives; they get the next queue number of the day. */
  @Allow('desk.queue')
  @Post('sites/:siteId/desk/arrivals')
  @ApiCreatedResponse({ type: QueueEntryDto })
  @ApiNotFoundResponse({ description: 'A site the caller does not work at' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown visit, client or agency' })
  async arrive(
    @Req() req: AuthedRequest,
    @IdParam('siteId') siteId: string,
    @Body() body: ArrivalDto,
  ): Promise<QueueEntryDto> {
    return toQueueEntryDto(await this.desk.arrive(req.auth!.actor, siteId, body));
  }

  @Allow('desk.queue')
  @Get('desk/entries/:id')
  @ApiOkResponse({ type: QueueEntryDto })
  @ApiNotFoundResponse()
  async get(@Req() req: AuthedRequest, @IdParam() id: string): Promise<QueueEntryDto> {
    return toQueueEntryDto(await this.desk.get(req.auth!.actor, id));
  }

  /** arrived → waiting (optionally for a named agency). */
  @Allow('desk.queue')
  @Post('desk/entries/:id/wait')
  @HttpCode(200)
  @ApiOkResponse({ type: QueueEntryDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Not in the arrived state' })
  async wait(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @Body() body: WaitDto,
  ): Promise<QueueEntryDto> {
    return toQueueEntryDto(await this.desk.wait(req.auth!.actor, id, body.requestedOrganisationId));
  }

  /** A professional takes the visitor in; the waiting time is stored. */
  @Allow('desk.queue')
  @Post('desk/entries/:id/call')
  @HttpCode(200)
  @ApiOkResponse({ type: QueueEntryDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Already called, done or gone' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown agency or staff user' })
  async call(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @Body() body: CallDto,
  ): Promise<QueueEntryDto> {
    return toQueueEntryDto(await this.desk.call(req.auth!.actor, id, body));
  }

  @Allow('desk.queue')
  @Post('desk/entries/:id/finish')
  @HttpCode(200)
  @ApiOkResponse({ type: QueueEntryDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Not with a professional' })
  async finish(@Req() req: AuthedRequest, @IdParam() id: string): Promise<QueueEntryDto> {
    return toQueueEntryDto(await this.desk.finish(req.auth!.actor, id));
  }

  /** The visitor left before anyone could see them. */
  @Allow('desk.queue')
  @Post('desk/entries/:id/left')
  @HttpCode(200)
  @ApiOkResponse({ type: QueueEntryDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Already called, done or gone' })
  async left(@Req() req: AuthedRequest, @IdParam() id: string): Promise<QueueEntryDto> {
    return toQueueEntryDto(await this.desk.leftUnserved(req.auth!.actor, id));
  }
}
