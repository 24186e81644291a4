import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type Organisation, ORGANISATION_KINDS } from '@ohjaamo/identity';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ToBoolean } from './transforms';

export class CreateOrganisationDto {
  @ApiProperty({ example: 'Helsingin kaupunki, nuorisopalvelut', maxLength: 200 })
  @IsString()
  @MaxLength(1000)
  name!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS)
  kind!: string;
}

export class UpdateOrganisationDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  name?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class OrganisationListQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  active?: boolean;
}

export class OrganisationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  kind!: string;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;
}

export function toOrganisationDto(o: Organisation): OrganisationDto {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    active: o.active,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}
