import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Put,
  Req,
  UseFilters,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { EventReader, EventsService } from '@ohjaamo/employers';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import {
  AddEventEmployerDto,
  CancelEventDto,
  CreatedDto,
  CreateEventDto,
  EventDetailDto,
  EventListDto,
  InterestDto,
  PreferencesDto,
  RegisterDto,
  UpdateEventDto,
} from './event.dto';

/**
 * Recruitment events at the user's sites: the event, its employers and tables, the young
 * people registered, their preferences and the employers' interest.
 */
@ApiTags('events')
@UseFilters(InvalidIdFilter)
@Controller('api/v1/events')
export class EventsApiController {
  constructor(
    private readonly events: EventsService,
    private readonly reader: EventReader,
  ) {}

  @Allow('events.manage')
  @Get()
  @ApiOkResponse({ type: EventListDto })
  async list(@Req() req: AuthedRequest): Promise<EventListDto> {
    return { items: await this.reader.list(req.auth!.actor) };
  }

  @Allow('events.manage')
  @Post()
  @ApiCreatedResponse({ type: CreatedDto })
  @ApiUnprocessableEntityResponse({
    description: 'Field errors (inThePast, slotNotDivisor, siteNotYours ...); nothing was saved',
  })
  async create(@Req() req: AuthedRequest, @Body() body: CreateEventDto): Promise<CreatedDto> {
    const event = await this.events.create(req.auth!.actor, body);
    return { id: event.id };
  }

  @Allow('events.manage')
  @Get(':id')
  @ApiOkResponse({ type: EventDetailDto, description: "Linked clients' names per access" })
  @ApiNotFoundResponse()
  get(@Req() req: AuthedRequest, @IdParam() id: string): Promise<EventDetailDto> {
    return this.reader.detail(req.auth!.actor, id);
  }

  @Allow('events.manage')
  @Put(':id')
  @ApiOkResponse({ type: EventDetailDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({
    description:
      'error "schedule_version_conflict", "event_cancelled", or "schedule_has_outcomes" when clearing',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'Field errors as for a new event, capacityBelowRegistered, timetableWouldBreak (send clearTimetable)',
  })
  async update(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @Body() body: UpdateEventDto,
  ): Promise<EventDetailDto> {
    await this.events.update(req.auth!.actor, id, body);
    return this.reader.detail(req.auth!.actor, id);
  }

  @Allow('events.manage')
  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: EventDetailDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'error "event_cancelled": cancelled already' })
  @ApiUnprocessableEntityResponse({ description: 'reasonRequired' })
  async cancel(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @Body() body: CancelEventDto,
  ): Promise<EventDetailDto> {
    await this.events.cancel(req.auth!.actor, id, body.reason);
    return this.reader.detail(req.auth!.actor, id);
  }

  @Allow('events.manage')
  @Post(':id/employers')
  @ApiCreatedResponse({ type: CreatedDto, description: 'The event-employer id' })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'Unknown employer, already in, bad tables' })
  async addEmployer(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @Body() body: AddEventEmployerDto,
  ): Promise<CreatedDto> {
    const added = await this.events.addEmployer(req.auth!.actor, id, {
      employerId: body.employerId,
      tables: body.tables ?? 1,
    });
    return { id: added.id };
  }

  @Allow('events.manage')
  @Delete(':id/employers/:eventEmployerId')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'error "event_employer_has_outcomes"' })
  async removeEmployer(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @IdParam('eventEmployerId') eventEmployerId: string,
  ): Promise<void> {
    await this.events.removeEmployer(req.auth!.actor, id, eventEmployerId);
  }

  @Allow('events.manage')
  @Put(':id/employers/:eventEmployerId/interest')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'A registration not of this event' })
  async setInterest(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @IdParam('eventEmployerId') eventEmployerId: string,
    @Body() body: InterestDto,
  ): Promise<void> {
    await this.events.setInterest(req.auth!.actor, id, eventEmployerId, body.registrationIds);
  }

  @Allow('events.manage')
  @Post(':id/registrations')
  @ApiCreatedResponse({ type: CreatedDto, description: 'The registration id' })
  @ApiNotFoundResponse({ description: 'No such event, or a client you may not see' })
  @ApiConflictResponse({ description: 'error "event_full": the capacity is reached' })
  @ApiUnprocessableEntityResponse({ description: 'alreadyRegistered, guest field errors' })
  async register(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @Body() body: RegisterDto,
  ): Promise<CreatedDto> {
    const registration = await this.events.register(req.auth!.actor, id, {
      clientId: body.clientId ?? null,
      guest: body.guest ?? null,
    });
    return { id: registration.id };
  }

  @Allow('events.manage')
  @Delete(':id/registrations/:registrationId')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'error "registration_has_outcomes"' })
  async removeRegistration(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @IdParam('registrationId') registrationId: string,
  ): Promise<void> {
    await this.events.removeRegistration(req.auth!.actor, id, registrationId);
  }

  @Allow('events.manage')
  @Put(':id/registrations/:registrationId/preferences')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'An employer not of this event, or repeated' })
  async setPreferences(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @IdParam('registrationId') registrationId: string,
    @Body() body: PreferencesDto,
  ): Promise<void> {
    await this.events.setPreferences(req.auth!.actor, id, registrationId, body.eventEmployerIds);
  }
}
