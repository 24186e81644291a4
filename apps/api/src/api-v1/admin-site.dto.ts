import { ApiProperty, type ApiPropertyOptions, ApiPropertyOptional } from '@nestjs/swagger';
import type { OpeningHours, Site, SiteAgencyDay } from '@ohjaamo/identity';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ToBoolean } from './transforms';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const OPENING_HOURS_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  description:
    'Keys "1" (Monday) to "7" (Sunday), each a list of non-overlapping periods. A day left out is closed.',
  additionalProperties: {
    type: 'array',
    items: {
      type: 'object',
      properties: {
        opens: { type: 'string', example: '10:00' },
        closes: { type: 'string', example: '16:00' },
      },
      required: ['opens', 'closes'],
    },
  },
  example: {
    '1': [{ opens: '10:00', closes: '16:00' }],
    '5': [{ opens: '10:00', closes: '14:00' }],
  },
};

export class CreateSiteDto {
  @ApiProperty({ example: 'Ohjaamo Helsinki', maxLength: 200 })
  @IsString()
  @MaxLength(1000)
  name!: string;

  @ApiProperty({ example: 'Fredrikinkatu 48', maxLength: 200 })
  @IsString()
  @MaxLength(1000)
  streetAddress!: string;

  @ApiProperty({ example: '00100', pattern: '^\\d{5}$' })
  @IsString()
  @MaxLength(100)
  postalCode!: string;

  @ApiProperty({ example: 'Helsinki', maxLength: 100 })
  @IsString()
  @MaxLength(1000)
  municipality!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Uusimaa', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  region?: string | null;

  @ApiPropertyOptional(OPENING_HOURS_SCHEMA)
  @IsOptional()
  @IsObject()
  openingHours?: OpeningHours;
}

export class UpdateSiteDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  name?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  streetAddress?: string;

  @ApiPropertyOptional({ pattern: '^\\d{5}$' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  postalCode?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  municipality?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  region?: string | null;

  @ApiPropertyOptional(OPENING_HOURS_SCHEMA)
  @IsOptional()
  @IsObject()
  openingHours?: OpeningHours;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class SiteListQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  active?: boolean;
}

export class SiteDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  streetAddress!: string;

  @ApiProperty()
  postalCode!: string;

  @ApiProperty()
  municipality!: string;

  @ApiProperty({ type: String, nullable: true })
  region!: string | null;

  @ApiProperty(OPENING_HOURS_SCHEMA)
  openingHours!: OpeningHours;

  @ApiProperty()
  active!: boolean;
}

export class CalendarEntryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId!: string;

  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday ... 7 = Sunday.' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '12:00',
    description: 'Empty: the site opening hours.',
  })
  @IsOptional()
  @Matches(TIME)
  starts?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '16:00' })
  @IsOptional()
  @Matches(TIME)
  ends?: string | null;
}

/** The whole weekly calendar of a site; saving replaces it. */
export class SiteCalendarDto {
  @ApiProperty({ type: [CalendarEntryDto] })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => CalendarEntryDto)
  entries!: CalendarEntryDto[];
}

export class AgencyPresenceDto {
  @ApiProperty({ format: 'uuid' })
  organisationId!: string;

  @ApiProperty()
  organisationName!: string;

  @ApiProperty()
  organisationKind!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Empty: the site opening hours.' })
  starts!: string | null;

  @ApiProperty({ type: String, nullable: true })
  ends!: string | null;
}

export class AgenciesTodayDto {
  @ApiProperty({ format: 'uuid' })
  siteId!: string;

  @ApiProperty({ format: 'date', description: 'Today on the calendar of Finland.' })
  date!: string;

  @ApiProperty({ minimum: 1, maximum: 7 })
  weekday!: number;

  @ApiProperty({ type: [AgencyPresenceDto] })
  agencies!: AgencyPresenceDto[];
}

export function toSiteDto(site: Site): SiteDto {
  return {
    id: site.id,
    name: site.name,
    streetAddress: site.streetAddress,
    postalCode: site.postalCode,
    municipality: site.municipality,
    region: site.region,
    openingHours: site.openingHours,
    active: site.active,
  };
}

export function toCalendarDto(entries: SiteAgencyDay[]): SiteCalendarDto {
  return {
    entries: entries.map((e) => ({
      organisationId: e.organisationId,
      weekday: e.weekday,
      starts: e.starts,
      ends: e.ends,
    })),
  };
}
