import { Body, Controller, Delete, Post, Put, Req, UseFilters } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ScheduleService } from '@ohjaamo/employers';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import {
  AddMeetingDto,
  EventDetailDto,
  GenerateScheduleDto,
  MoveMeetingDto,
  VersionDto,
} from './event.dto';

const VERSION_CONFLICT =
  'error "schedule_version_conflict" (someone changed the event: reload), "schedule_conflict" ' +
  'with the conflicts as field errors; nothing was changed';

/**
 * The timetable: generate (optionally around meetings set by hand), then add, move or
 * remove meetings. Each change names the event version it was made on.
 */
@ApiTags('events')
@UseFilters(InvalidIdFilter)
@Controller('api/v1/events/:id')
export class EventScheduleApiController {
  constructor(private readonly schedule: ScheduleService) {}

  @Allow('events.manage')
  @Post('schedule')
  @ApiOkResponse({ type: EventDetailDto, description: 'With the meetings and their score' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: `${VERSION_CONFLICT}; "schedule_has_outcomes"` })
  generate(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @Body() body: GenerateScheduleDto,
  ): Promise<EventDetailDto> {
    return this.schedule.generate(req.auth!.actor, id, {
      version: body.version,
      keepFixed: body.keepFixed ?? false,
    });
  }

  @Allow('events.manage')
  @Post('meetings')
  @ApiOkResponse({ type: EventDetailDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: VERSION_CONFLICT })
  add(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @Body() body: AddMeetingDto,
  ): Promise<EventDetailDto> {
    const { version, ...placement } = body;
    return this.schedule.add(req.auth!.actor, id, version, placement);
  }

  @Allow('events.manage')
  @Put('meetings/:meetingId')
  @ApiOkResponse({ type: EventDetailDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: VERSION_CONFLICT })
  move(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @IdParam('meetingId') meetingId: string,
    @Body() body: MoveMeetingDto,
  ): Promise<EventDetailDto> {
    return this.schedule.move(req.auth!.actor, id, meetingId, body.version, {
      round: body.round,
      table: body.table,
      eventEmployerId: body.eventEmployerId,
    });
  }

  // A body on DELETE carries the version, as the other changes do.
  @Allow('events.manage')
  @Delete('meetings/:meetingId')
  @ApiOkResponse({ type: EventDetailDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: `${VERSION_CONFLICT}; "meeting_has_outcome"` })
  remove(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @IdParam('meetingId') meetingId: string,
    @Body() body: VersionDto,
  ): Promise<EventDetailDto> {
    return this.schedule.remove(req.auth!.actor, id, meetingId, body.version);
  }
}
