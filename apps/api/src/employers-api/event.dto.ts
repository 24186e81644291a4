import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ATTENDANCE, MEETING_OUTCOMES } from '@ohjaamo/employers';
import { LANGUAGES } from '@ohjaamo/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

// Times, slot length and capacity are checked by the event rules (field-level 422).
export class CreateEventDto {
  @ApiProperty({ format: 'uuid', description: 'A site the user works at' })
  @IsUUID()
  siteId!: string;

  @ApiProperty({ maxLength: 200, example: 'Kaupan alan työnantajatreffit' })
  @IsString()
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ maxLength: 200, nullable: true, example: 'Kauppa' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  theme?: string | null;

  @ApiProperty({
    description: 'Finnish time "YYYY-MM-DDTHH:MM", or an ISO instant with its offset',
    example: '2026-12-03T13:00',
  })
  @IsString()
  startsAt!: string;

  @ApiPropertyOptional({ description: 'The end (as startsAt), or give durationMinutes' })
  @IsOptional()
  @IsString()
  endsAt?: string | null;

  @ApiPropertyOptional({ example: 120 })
  @IsOptional()
  @IsInt()
  durationMinutes?: number | null;

  @ApiPropertyOptional({ default: 15, description: 'Must divide the duration' })
  @IsOptional()
  @IsInt()
  slotMinutes?: number;

  @ApiProperty({ description: 'The most young people who may register', example: 40 })
  @IsInt()
  capacity!: number;
}

export class UpdateEventDto extends CreateEventDto {
  @ApiProperty({ description: 'The event version the user saw (optimistic locking)' })
  @IsInt()
  version!: number;

  @ApiPropertyOptional({
    default: false,
    description: 'Delete the stored timetable when the change would break it',
  })
  @IsOptional()
  @IsBoolean()
  clearTimetable?: boolean;
}

export class CancelEventDto {
  @ApiProperty({ maxLength: 500, example: 'Too few employers could come.' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}

export class AddEventEmployerDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  employerId!: string;

  @ApiPropertyOptional({ default: 1, maximum: 20 })
  @IsOptional()
  @IsInt()
  tables?: number;
}

export class GuestDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ maxLength: 40, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;

  @ApiPropertyOptional({ maxLength: 254, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'fi' })
  @IsOptional()
  @IsString()
  language?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  consentToContact?: boolean;
}

export class RegisterDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A client you may see; or give guest' })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ type: GuestDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => GuestDto)
  guest?: GuestDto;
}

export class PreferencesDto {
  @ApiProperty({ type: [String], description: 'Event-employer ids, most wanted first' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  eventEmployerIds!: string[];
}

export class InterestDto {
  @ApiProperty({ type: [String], description: 'Registration ids the employer wants to meet' })
  @IsArray()
  @ArrayMaxSize(2000)
  @IsUUID('all', { each: true })
  registrationIds!: string[];
}

export class VersionDto {
  @ApiProperty({ description: 'The event version the change was made on' })
  @IsInt()
  @Min(0)
  version!: number;
}

export class GenerateScheduleDto extends VersionDto {
  @ApiPropertyOptional({ default: false, description: 'Keep meetings set or moved by hand' })
  @IsOptional()
  @IsBoolean()
  keepFixed?: boolean;
}

export class AddMeetingDto extends VersionDto {
  @ApiProperty() @IsInt() round!: number;
  @ApiProperty({ format: 'uuid' }) @IsUUID() eventEmployerId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() registrationId!: string;
  @ApiProperty() @IsInt() table!: number;
}

export class MoveMeetingDto extends VersionDto {
  @ApiProperty() @IsInt() round!: number;
  @ApiProperty() @IsInt() table!: number;
  @ApiPropertyOptional({ format: 'uuid', description: "Another employer's table" })
  @IsOptional()
  @IsUUID()
  eventEmployerId?: string;
}

export class AttendanceDto {
  @ApiProperty({ enum: ATTENDANCE })
  @IsIn(ATTENDANCE)
  attendance!: string;
}

export class MeetingOutcomeDto {
  @ApiProperty({ enum: MEETING_OUTCOMES, nullable: true })
  @IsOptional()
  @IsIn(MEETING_OUTCOMES)
  outcome?: string | null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  openApplicationLeft?: boolean;
}

export class EventFollowUpDto {
  @ApiProperty({ enum: [1, 3] })
  @IsInt()
  months!: number;

  @ApiProperty()
  @IsBoolean()
  hired!: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'The participating employer' })
  @IsOptional()
  @IsUUID()
  eventEmployerId?: string | null;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsString()
  hiredOn?: string | null;
}

// Responses.
export class EventSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true }) theme!: string | null;
  @ApiProperty({ format: 'uuid' }) siteId!: string;
  @ApiProperty() siteName!: string;
  @ApiProperty() startsAt!: Date;
  @ApiProperty() endsAt!: Date;
  @ApiProperty() slotMinutes!: number;
  @ApiProperty() rounds!: number;
  @ApiProperty() capacity!: number;
  @ApiProperty() registered!: number;
  @ApiProperty() employers!: number;
  @ApiProperty({ enum: ['planned', 'cancelled'] }) status!: 'planned' | 'cancelled';
  @ApiProperty({ nullable: true }) cancelledAt!: Date | null;
  @ApiProperty({ nullable: true }) cancellationReason!: string | null;
}

export class EventListDto {
  @ApiProperty({ type: [EventSummaryDto], description: 'Upcoming first' })
  items!: EventSummaryDto[];
}

export class EventEmployerDto {
  @ApiProperty({ format: 'uuid', description: 'Event-employer id' }) id!: string;
  @ApiProperty({ format: 'uuid' }) employerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() tables!: number;
  @ApiProperty({ enum: ATTENDANCE }) attendance!: string;
  @ApiProperty({ type: [String] }) interest!: string[];
}

export class GuestResponseDto {
  @ApiProperty({ nullable: true }) phone!: string | null;
  @ApiProperty({ nullable: true }) email!: string | null;
  @ApiProperty({ enum: LANGUAGES }) language!: string;
  @ApiProperty() consentToContact!: boolean;
}

export class RegistrationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: number;
  @ApiProperty({ enum: ['client', 'guest'] }) kind!: string;
  @ApiProperty({ format: 'uuid', nullable: true }) clientId!: string | null;
  @ApiProperty({
    nullable: true,
    description: "A guest's name, or a linked client's if you may read the client",
  })
  name!: string | null;
  @ApiProperty({ type: GuestResponseDto, nullable: true }) guest!: GuestResponseDto | null;
  @ApiProperty({ enum: ATTENDANCE }) attendance!: string;
  @ApiProperty({ type: [String] }) preferences!: string[];
}

export class MeetingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() round!: number;
  @ApiProperty({ format: 'uuid' }) eventEmployerId!: string;
  @ApiProperty({ format: 'uuid' }) registrationId!: string;
  @ApiProperty() table!: number;
  @ApiProperty() fixed!: boolean;
  @ApiProperty({ enum: MEETING_OUTCOMES, nullable: true }) outcome!: string | null;
  @ApiProperty() openApplicationLeft!: boolean;
}

export class FollowUpResponseDto {
  @ApiProperty({ format: 'uuid' }) registrationId!: string;
  @ApiProperty() months!: number;
  @ApiProperty() hired!: boolean;
  @ApiProperty({ format: 'uuid', nullable: true }) eventEmployerId!: string | null;
  @ApiProperty({ format: 'date', nullable: true }) hiredOn!: string | null;
  @ApiProperty() recordedAt!: Date;
}

export class EventDetailDto extends EventSummaryDto {
  @ApiProperty() version!: number;
  @ApiProperty({ nullable: true }) scheduledAt!: Date | null;
  @ApiProperty({ type: Object, nullable: true, description: "The scheduler's score" })
  score!: Record<string, unknown> | null;
  @ApiProperty({ type: [Date] }) roundStarts!: Date[];
  @ApiProperty({ type: [EventEmployerDto] }) eventEmployers!: EventEmployerDto[];
  @ApiProperty({ type: [RegistrationDto] }) registrations!: RegistrationDto[];
  @ApiProperty({ type: [MeetingDto] }) meetings!: MeetingDto[];
  @ApiProperty({ type: [FollowUpResponseDto] }) followUps!: FollowUpResponseDto[];
}

export class CreatedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class EventReportDto {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() startsAt!: Date;
  @ApiProperty() registered!: number;
  @ApiProperty({ description: 'Arrived or late' }) participants!: number;
  @ApiProperty() noShows!: number;
  @ApiProperty() employers!: number;
  @ApiProperty() employersPresent!: number;
  @ApiProperty() meetingsScheduled!: number;
  @ApiProperty({ description: 'Both sides present' }) meetingsHeld!: number;
  @ApiProperty({ type: Object, description: 'Count per outcome' })
  outcomes!: Record<string, number>;
  @ApiProperty() openApplications!: number;
  @ApiProperty({ type: Object }) followUpsRecorded!: { months1: number; months3: number };
  @ApiProperty() hiredWithin3Months!: number;
  @ApiProperty({ nullable: true, description: 'Hired within 3 months / participants' })
  hiredShare!: number | null;
  @ApiProperty() overQuarterHired!: boolean;
}
