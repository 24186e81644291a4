import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AUDIT_LEGAL_BASES,
  AUDIT_OUTCOMES,
  AUDIT_SEARCH_MAX_LIMIT,
  type AuditLogEntry,
} from '@ohjaamo/audit';
import {
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
import { ToInt } from './transforms';

export class AuditQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The acting user.' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The client whose data was touched.' })
  @IsOptional()
  @IsUUID()
  clientId?: string;

  @ApiPropertyOptional({ example: 'admin.user_created' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9_.]+$/)
  action?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Inclusive.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Exclusive.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: AUDIT_SEARCH_MAX_LIMIT })
  @IsOptional()
  @ToInt()
  @IsInt()
  @Min(1)
  @Max(AUDIT_SEARCH_MAX_LIMIT)
  limit: number = 50;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @ToInt()
  @IsInt()
  @Min(0)
  offset: number = 0;
}

/** One audit row, without the ip address and the chain hashes. */
export class AuditEntryDto {
  @ApiProperty({ description: 'Position in the append-only log (a bigint, as text).' })
  id!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  occurredAt!: Date;

  @ApiProperty({ example: 'admin.user_created' })
  action!: string;

  @ApiProperty({ enum: AUDIT_OUTCOMES })
  outcome!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorUserId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorOrganisationId!: string | null;

  @ApiProperty({ type: [String] })
  actorRoles!: string[];

  @ApiProperty({ type: String, nullable: true })
  subjectType!: string | null;

  @ApiProperty({ type: String, nullable: true })
  subjectId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  clientId!: string | null;

  @ApiProperty({ type: [String] })
  sections!: string[];

  @ApiProperty({ enum: AUDIT_LEGAL_BASES, nullable: true })
  legalBasis!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  consentId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  purpose!: string | null;

  @ApiProperty({ type: String, nullable: true })
  requestId!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Non-personal facts: fields changed, counts.',
  })
  details!: Record<string, unknown>;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] })
  items!: AuditEntryDto[];

  @ApiProperty()
  limit!: number;

  @ApiProperty()
  offset!: number;
}

export function toAuditEntryDto(row: AuditLogEntry): AuditEntryDto {
  return {
    id: row.id,
    occurredAt: row.occurredAt,
    action: row.action,
    outcome: row.outcome,
    actorUserId: row.actorUserId,
    actorOrganisationId: row.actorOrganisationId,
    actorRoles: row.actorRoles,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    clientId: row.clientId,
    sections: row.sections,
    legalBasis: row.legalBasis,
    consentId: row.consentId,
    purpose: row.purpose,
    requestId: row.requestId,
    details: row.details,
  };
}
