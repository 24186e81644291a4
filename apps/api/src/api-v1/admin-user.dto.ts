import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type StaffUser, type StaffUserSummary } from '@ohjaamo/identity';
import { LANGUAGES } from '@ohjaamo/platform';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { PageQueryDto } from './page.dto';
import { ToBoolean } from './transforms';

// Types and sizes here; the service applies the rules (e-mail format, password policy,
// known organisation and sites) and answers with field errors under the same names.

export class CreateStaffUserDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId!: string;

  @ApiProperty({ example: 'aino.virtanen@hel.fi', maxLength: 254 })
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Aino Virtanen', maxLength: 200 })
  @IsString()
  @MaxLength(1000)
  displayName!: string;

  @ApiProperty({
    description: 'Initial password: at least 12 characters, not a common one.',
    minLength: 12,
  })
  @IsString()
  @MaxLength(1024)
  password!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: string[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'One or more sites.' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID(undefined, { each: true })
  siteIds!: string[];

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES)
  language!: string;
}

export class UpdateStaffUserDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  displayName?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID(undefined, { each: true })
  siteIds?: string[];

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: string;
}

export class StaffUserListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or e-mail address.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  active?: boolean;
}

/** A staff account as the API shows it: never a password hash or a TOTP secret. */
export class StaffUserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  organisationId!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: string[];

  @ApiProperty({ enum: LANGUAGES })
  language!: string;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deactivatedAt!: Date | null;

  @ApiProperty({ description: 'Two-factor authentication is on.' })
  mfaEnabled!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lockedUntil!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastSignInAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
}

export class StaffUserDetailDto extends StaffUserDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  siteIds!: string[];
}

export class StaffUserPageDto {
  @ApiProperty({ type: [StaffUserDto] })
  items!: StaffUserDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  limit!: number;

  @ApiProperty()
  offset!: number;
}

export function toStaffUserDto(user: StaffUser | StaffUserSummary): StaffUserDto {
  return {
    id: user.id,
    organisationId: user.organisationId,
    email: user.email,
    displayName: user.displayName,
    roles: [...user.roles],
    language: user.language,
    active: user.active,
    deactivatedAt: user.deactivatedAt,
    mfaEnabled: user.totpEnabledAt !== null,
    lockedUntil: user.lockedUntil,
    lastSignInAt: user.lastSignInAt,
    createdAt: user.createdAt,
  };
}
