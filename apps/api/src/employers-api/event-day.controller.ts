import { Body, Controller, Get, HttpCode, Post, Put, Req, UseFilters } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { EventDayService, EventReportService, type MeetingOutcome } from '@ohjaamo/employers';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { AttendanceDto, EventFollowUpDto, EventReportDto, MeetingOutcomeDto } from './event.dto';

/** Event day and after: check-in, meeting outcomes, follow-ups and the report. */
@ApiTags('events')
@UseFilters(InvalidIdFilter)
@Controller('api/v1/events/:id')
export class EventDayApiController {
  constructor(
    private readonly day: EventDayService,
    private readonly reports: EventReportService,
  ) {}

  @Allow('events.checkin')
  @Put('registrations/:registrationId/attendance')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async checkIn(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @IdParam('registrationId') registrationId: string,
    @Body() body: AttendanceDto,
  ): Promise<void> {
    await this.day.checkIn(req.auth!.actor, id, registrationId, body.attendance);
  }

  @Allow('events.checkin')
  @Put('employers/:eventEmployerId/attendance')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async checkInEmployer(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @IdParam('eventEmployerId') eventEmployerId: string,
    @Body() body: AttendanceDto,
  ): Promise<void> {
    await this.day.checkInEmployer(req.auth!.actor, id, eventEmployerId, body.attendance);
  }

  @Allow('events.manage')
  @Put('meetings/:meetingId/outcome')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'eventNotStarted' })
  async recordOutcome(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @IdParam('meetingId') meetingId: string,
    @Body() body: MeetingOutcomeDto,
  ): Promise<void> {
    await this.day.recordOutcome(req.auth!.actor, id, meetingId, {
      outcome: (body.outcome ?? null) as MeetingOutcome | null,
      openApplicationLeft: body.openApplicationLeft ?? false,
    });
  }

  @Allow('events.manage')
  @Post('registrations/:registrationId/follow-ups')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Recorded (again: replaces the earlier answer)' })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'Field errors; nothing was saved' })
  async recordFollowUp(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @IdParam('registrationId') registrationId: string,
    @Body() body: EventFollowUpDto,
  ): Promise<void> {
    await this.day.recordFollowUp(req.auth!.actor, id, registrationId, body);
  }

  @Allow('events.report')
  @Get('report')
  @ApiOkResponse({ type: EventReportDto, description: 'Aggregate figures only' })
  @ApiNotFoundResponse()
  report(@Req() req: AuthedRequest, @IdParam() id: string): Promise<EventReportDto> {
    return this.reports.report(req.auth!.actor, id);
  }
}
