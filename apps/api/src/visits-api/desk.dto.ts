import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  QUEUE_STATUSES,
  queueLabel,
  type DeskBoard,
  type DeskQueueEntry,
  type QueueStatus,
} from '@ohjaamo/visits';
import { IsOptional, IsUUID } from 'class-validator';
import { AgencyPresenceDto } from '../api-v1/admin-site.dto';

export class ArrivalDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The visit logged for this arrival.',
  })
  @IsOptional()
  @IsUUID()
  visitId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  clientId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The agency the visitor came for.',
  })
  @IsOptional()
  @IsUUID()
  requestedOrganisationId?: string | null;
}

export class WaitDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The agency the visitor waits for.',
  })
  @IsOptional()
  @IsUUID()
  requestedOrganisationId?: string | null;
}

export class CallDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Default: the caller's organisation." })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'Default: the caller, when calling for their own organisation; null: anyone of the agency.',
  })
  @IsOptional()
  @IsUUID()
  staffUserId?: string | null;
}

export class QueueEntryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  siteId!: string;

  @ApiProperty({ format: 'date' })
  queueDay!: string;

  @ApiProperty({
    example: 'A-014',
    description: 'Queue number; the only thing the board shows of a visitor.',
  })
  label!: string;

  @ApiProperty({ enum: QUEUE_STATUSES })
  status!: QueueStatus;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  visitId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  clientId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  requestedOrganisationId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  organisationId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  staffUserId!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  arrivedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  waitingAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  calledAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  doneAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  leftAt!: Date | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Seconds from arrival until called or until leaving.',
  })
  waitSeconds!: number | null;
}

export class WaitingEntryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'A-014' })
  label!: string;

  @ApiProperty({ enum: ['arrived', 'waiting'] })
  status!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  arrivedAt!: Date;

  @ApiProperty({ description: 'Seconds since arrival when the board was read.' })
  waitingSeconds!: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  requestedOrganisationId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  requestedOrganisationName!: string | null;
}

export class ServedEntryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'A-012' })
  label!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  calledAt!: Date;

  @ApiProperty()
  waitSeconds!: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  organisationId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  organisationName!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  staffUserId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  staffDisplayName!: string | null;
}

export class QueueDayCountsDto {
  @ApiProperty()
  arrived!: number;

  @ApiProperty()
  done!: number;

  @ApiProperty()
  leftUnserved!: number;
}

export class DeskBoardDto {
  @ApiProperty({ format: 'uuid' })
  siteId!: string;

  @ApiProperty({ format: 'date', description: 'Today on the calendar of Finland.' })
  day!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  generatedAt!: Date;

  @ApiProperty({ type: [WaitingEntryDto] })
  waiting!: WaitingEntryDto[];

  @ApiProperty({ type: [ServedEntryDto] })
  withProfessional!: ServedEntryDto[];

  @ApiProperty({
    type: [AgencyPresenceDto],
    description: "From the site's weekly agency calendar.",
  })
  agenciesPresent!: AgencyPresenceDto[];

  @ApiProperty({ type: QueueDayCountsDto })
  today!: QueueDayCountsDto;
}

export function toQueueEntryDto(entry: DeskQueueEntry): QueueEntryDto {
  return {
    id: entry.id,
    siteId: entry.siteId,
    queueDay: entry.queueDay,
    label: queueLabel(entry.queueNumber),
    status: entry.status,
    visitId: entry.visitId,
    clientId: entry.clientId,
    requestedOrganisationId: entry.requestedOrganisationId,
    organisationId: entry.organisationId,
    staffUserId: entry.staffUserId,
    arrivedAt: entry.arrivedAt,
    waitingAt: entry.waitingAt,
    calledAt: entry.calledAt,
    doneAt: entry.doneAt,
    leftAt: entry.leftAt,
    waitSeconds: entry.waitSeconds,
  };
}

export function toDeskBoardDto(board: DeskBoard): DeskBoardDto {
  return board;
}
