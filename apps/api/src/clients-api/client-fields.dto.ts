import { ApiPropertyOptional } from '@nestjs/swagger';
import { CLIENT_GENDERS, CONTACT_METHODS } from '@ohjaamo/clients';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

// Types and outer sizes here; the service applies the rules (identity code, dates, phone,
// non-disclosure, responsible worker) and answers with field errors under the same names.
// On update, a field left out stays as it is and null clears it.

export class ClientFieldsDto {
  @ApiPropertyOptional({
    description: 'Personal identity code (henkilötunnus), e.g. 131052-308T.',
    type: String,
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  identityCode?: string | null;

  @ApiPropertyOptional({
    description: 'YYYY-MM-DD. Derived from the identity code when left out.',
    type: String,
    format: 'date',
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  birthDate?: string | null;

  @ApiPropertyOptional({ example: '040 123 4567', type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  email?: string | null;

  @ApiPropertyOptional({ enum: CONTACT_METHODS, nullable: true })
  @IsOptional()
  @IsIn(CONTACT_METHODS)
  preferredContact?: (typeof CONTACT_METHODS)[number] | null;

  @ApiPropertyOptional({
    description: 'ISO 639-1 code, e.g. fi, sv, so.',
    type: String,
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  language?: string | null;

  @ApiPropertyOptional({
    enum: CLIENT_GENDERS,
    nullable: true,
    description: 'Optional, for statistics',
  })
  @IsOptional()
  @IsIn(CLIENT_GENDERS)
  gender?: (typeof CLIENT_GENDERS)[number] | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  municipality?: string | null;

  @ApiPropertyOptional({
    description: 'Non-disclosure order (turvakielto): no address may then be given or kept.',
  })
  @IsOptional()
  @IsBoolean()
  nonDisclosure?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  streetAddress?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  postalCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  postOffice?: string | null;

  @ApiPropertyOptional({
    description: 'A staff user holding the adviser role.',
    type: String,
    format: 'uuid',
    nullable: true,
  })
  @IsOptional()
  @IsUUID()
  responsibleWorkerId?: string | null;
}
