import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONSENT_LANGUAGES, CONSENT_METHODS, RECORD_SECTIONS } from '@ohjaamo/consent';
import { ORGANISATION_KINDS } from '@ohjaamo/identity';
import { IsArray, IsOptional, IsString, MaxLength } from 'class-validator';

// Shapes only: the scope and period are checked by the consent rules (field-level 422).
export class ConsentScopeDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Named agencies' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  organisationIds?: string[];

  @ApiPropertyOptional({ type: [String], enum: ORGANISATION_KINDS, description: 'Agency kinds' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  organisationKinds?: string[];

  @ApiProperty({ type: [String], enum: RECORD_SECTIONS })
  @IsArray()
  @IsString({ each: true })
  sections!: string[];

  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @MaxLength(1000)
  purpose!: string;

  @ApiProperty({ format: 'date', example: '2026-01-01' })
  @IsString()
  validFrom!: string;

  @ApiProperty({
    format: 'date',
    example: '2026-12-31',
    description: 'Last day; holds until its end, Helsinki time',
  })
  @IsString()
  validUntil!: string;

  @ApiProperty({ example: '2026-1', description: 'Version of the form text shown' })
  @IsString()
  @MaxLength(20)
  formVersion!: string;

  @ApiProperty({ enum: CONSENT_LANGUAGES })
  @IsString()
  formLanguage!: string;

  @ApiProperty({ enum: CONSENT_METHODS })
  @IsString()
  method!: string;
}

export class WithdrawConsentDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class EvidenceUploadDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'PDF, PNG or JPEG, at most 10 MB' })
  file!: unknown;
}
