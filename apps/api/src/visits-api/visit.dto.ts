import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGE_BANDS,
  GENDERS,
  MAX_AGE,
  MAX_DURATION_MINUTES,
  MIN_AGE,
  NOTE_MAX_LENGTH,
  VISIT_CHANNELS,
  VISIT_LIST_MAX_LIMIT,
  type AgeBand,
  type Gender,
  type VisitChannel,
  type VisitView,
} from '@ohjaamo/visits';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ToInt } from '../api-v1/transforms';

// The edge checks types; the domain rules (visit-rules.ts) check ranges and references
// and answer with their own messages, the same for every caller.

class VisitFieldsDto {
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'Default: now. At most 5 minutes ahead, at most 14 days back.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  startedAt?: string;

  @ApiPropertyOptional({ enum: VISIT_CHANNELS, default: 'walk_in' })
  @IsOptional()
  @IsString()
  channel?: VisitChannel;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: MIN_AGE, maximum: MAX_AGE })
  @IsOptional()
  @IsInt()
  age?: number | null;

  @ApiPropertyOptional({
    enum: AGE_BANDS,
    nullable: true,
    description: 'Filled in from the age when the age is given.',
  })
  @IsOptional()
  @IsString()
  ageBand?: AgeBand | null;

  @ApiPropertyOptional({ enum: GENDERS, nullable: true })
  @IsOptional()
  @IsString()
  gender?: Gender | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'fi',
    description: 'ISO 639-1 code.',
  })
  @IsOptional()
  @IsString()
  language?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 100,
    description: 'Municipality of residence.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  municipality?: string | null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  firstVisit?: boolean;

  @ApiPropertyOptional({
    type: [String],
    example: ['work', 'housing'],
    description: 'Codes of active visit topics.',
  })
  @IsOptional()
  @IsArray()
  topics?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Organisations (agencies) that took part.',
  })
  @IsOptional()
  @IsArray()
  agencyIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Staff users who took part.',
  })
  @IsOptional()
  @IsArray()
  professionalIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Short labels, at most 100 characters each, at most 20.',
  })
  @IsOptional()
  @IsArray()
  servicesGiven?: string[];

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Referred to this agency.',
  })
  @IsOptional()
  @IsUUID()
  referralOrganisationId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  referralNote?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: MAX_DURATION_MINUTES })
  @IsOptional()
  @IsInt()
  durationMinutes?: number | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: NOTE_MAX_LENGTH,
    description: 'Short and non-sensitive: no health, social or case details.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string | null;
}

export class LogVisitDto extends VisitFieldsDto {
  @ApiProperty({ format: 'uuid', description: 'A site the caller works at.' })
  @IsString()
  siteId!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Leave out for an anonymous visit.',
  })
  @IsOptional()
  @IsUUID()
  clientId?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Or the Idempotency-Key header: a repeat with the same key returns the first visit (200).',
  })
  @IsOptional()
  @IsString()
  idempotencyKey?: string;
}

export class UpdateVisitDto extends VisitFieldsDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsString()
  siteId?: string;

  @ApiProperty({ description: 'The version read; a newer one on the server answers 409.' })
  @IsInt()
  version!: number;
}

export class LinkClientDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clientId!: string;
}

export class VisitListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Default: every site of the caller.' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-03-02',
    description: 'Day of the start time on the calendar of Finland.',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  day?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only for callers who may identify clients.',
  })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ enum: VISIT_CHANNELS })
  @IsOptional()
  @IsIn(VISIT_CHANNELS)
  channel?: VisitChannel;

  @ApiPropertyOptional({ example: 'work' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  topic?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: VISIT_LIST_MAX_LIMIT })
  @IsOptional()
  @ToInt()
  @IsInt()
  @Min(1)
  @Max(VISIT_LIST_MAX_LIMIT)
  limit: number = 50;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @ToInt()
  @IsInt()
  @Min(0)
  offset: number = 0;
}

export class ClientVisitsQueryDto {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: VISIT_LIST_MAX_LIMIT })
  @IsOptional()
  @ToInt()
  @IsInt()
  @Min(1)
  @Max(VISIT_LIST_MAX_LIMIT)
  limit: number = 50;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @ToInt()
  @IsInt()
  @Min(0)
  offset: number = 0;
}

/** A linked client as the desk sees it: identification only. */
export class VisitClientDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  firstName!: string;

  @ApiProperty()
  lastName!: string;
}

export class VisitDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  siteId!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  startedAt!: Date;

  @ApiProperty({ enum: VISIT_CHANNELS })
  channel!: VisitChannel;

  @ApiProperty({
    description: 'Whether a client is linked (also for callers who may not see who).',
  })
  clientLinked!: boolean;

  @ApiProperty({
    type: VisitClientDto,
    nullable: true,
    description: 'Only for callers who may identify clients.',
  })
  client!: VisitClientDto | null;

  @ApiProperty({ type: Number, nullable: true })
  age!: number | null;

  @ApiProperty({ enum: AGE_BANDS, nullable: true })
  ageBand!: AgeBand | null;

  @ApiProperty({ enum: GENDERS, nullable: true })
  gender!: Gender | null;

  @ApiProperty({ type: String, nullable: true })
  language!: string | null;

  @ApiProperty({ type: String, nullable: true })
  municipality!: string | null;

  @ApiProperty()
  firstVisit!: boolean;

  @ApiProperty({ type: [String] })
  topics!: string[];

  @ApiProperty({ type: [String], format: 'uuid' })
  agencyIds!: string[];

  @ApiProperty({ type: [String], format: 'uuid' })
  professionalIds!: string[];

  @ApiProperty({ type: [String] })
  servicesGiven!: string[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  referralOrganisationId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  referralNote!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  durationMinutes!: number | null;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;

  @ApiProperty({ format: 'uuid' })
  loggedByUserId!: string;

  @ApiProperty({ format: 'uuid' })
  loggedByOrganisationId!: string;

  @ApiProperty({ description: 'The caller logged it today and may still edit or undo it.' })
  editable!: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;

  @ApiProperty({ description: 'Send back with PATCH.' })
  version!: number;
}

export class VisitPageDto {
  @ApiProperty({ type: [VisitDto] })
  items!: VisitDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  limit!: number;

  @ApiProperty()
  offset!: number;
}

export function toVisitDto(view: VisitView): VisitDto {
  const v = view.visit;
  return {
    id: v.id,
    siteId: v.siteId,
    startedAt: v.startedAt,
    channel: v.channel,
    clientLinked: view.clientLinked,
    client: view.client,
    age: v.age,
    ageBand: v.ageBand,
    gender: v.gender,
    language: v.language,
    municipality: v.municipality,
    firstVisit: v.firstVisit,
    topics: v.topics,
    agencyIds: v.agencyIds,
    professionalIds: v.professionalIds,
    servicesGiven: v.servicesGiven,
    referralOrganisationId: v.referralOrganisationId,
    referralNote: v.referralNote,
    durationMinutes: v.durationMinutes,
    note: v.note,
    loggedByUserId: v.loggedByUserId,
    loggedByOrganisationId: v.loggedByOrganisationId,
    editable: view.editable,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    version: v.version,
  };
}
