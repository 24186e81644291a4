import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_LEGAL_BASES } from '@ohjaamo/audit';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ERASURE_RULES } from './erasure-rules';
import { ERASURE_REASONS, REQUEST_REFERENCE } from './client-erasure.service';

export class AccessReportRowDto {
  @ApiProperty() occurredAt!: Date;
  @ApiProperty({ example: 'record.read' }) action!: string;
  @ApiProperty({ enum: ['viewed', 'changed', 'printed', 'erased'] }) kind!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null: the system itself' })
  staffName!: string | null;
  @ApiProperty({ nullable: true, type: String }) organisationName!: string | null;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ type: [String] }) sections!: string[];
  @ApiProperty({ enum: AUDIT_LEGAL_BASES, nullable: true, type: String })
  legalBasis!: string | null;
  @ApiProperty({ nullable: true, type: String }) consentId!: string | null;
  @ApiProperty({ nullable: true, type: String }) purpose!: string | null;
}

export class AccessReportDto {
  @ApiProperty() clientId!: string;
  @ApiProperty({ description: 'The client’s language the printed report uses (fi, sv, en)' })
  language!: string;
  @ApiProperty({ description: 'Two years back' }) from!: Date;
  @ApiProperty() to!: Date;
  @ApiProperty({ type: [AccessReportRowDto], description: 'Newest first' })
  items!: AccessReportRowDto[];
}

export class ClientExportDto {
  @ApiProperty() exportedAt!: Date;
  @ApiProperty() exportedByUserId!: string;
  @ApiProperty() exportedByOrganisationId!: string;
  @ApiProperty({ description: 'The registry entry with the identity code' })
  client!: Record<string, unknown>;
  @ApiProperty({ type: [Object] }) recordEntries!: unknown[];
  @ApiProperty({
    type: [Object],
    description: 'Other agencies’ entries this organisation may not see: section, agency, count',
  })
  withheld!: unknown[];
  @ApiProperty({ type: [Object], description: 'With status history and evidence hashes' })
  consents!: unknown[];
  @ApiProperty({ type: [Object] }) visits!: unknown[];
  @ApiProperty({ type: Object, nullable: true }) plan!: unknown;
  @ApiProperty({ type: [Object] }) planVersions!: unknown[];
  @ApiProperty({ type: [Object] }) selfAssessments!: unknown[];
  @ApiProperty({ type: [Object], description: 'With follow-ups' }) outcomes!: unknown[];
  @ApiProperty({ type: [Object] }) concerns!: unknown[];
  @ApiProperty({ type: AccessReportDto }) accessReport!: unknown;
}

export class EraseClientDto {
  @ApiProperty({ enum: ERASURE_REASONS })
  @IsString()
  @IsIn(ERASURE_REASONS)
  reason!: string;

  @ApiPropertyOptional({
    description: 'Case or registry number of the written request (letters, digits, / . - _ :)',
    example: 'OHJ/2026/123',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(REQUEST_REFERENCE)
  requestReference?: string;
}

export class ErasureResultDto {
  @ApiProperty() clientId!: string;
  @ApiProperty() anonymisedAt!: Date;
  @ApiProperty({ enum: ERASURE_REASONS }) reason!: string;
}

export class ErasureBlockedDto {
  @ApiProperty({ example: 409 }) statusCode!: number;
  @ApiProperty({ example: 'erasure_blocked' }) error!: string;
  @ApiProperty() message!: string;
  @ApiProperty({
    description: `One per rule, field "rules", code one of: ${ERASURE_RULES.join(', ')}`,
  })
  errors!: { field: string; code: string; message: string }[];
}
