import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTION_STATUSES, PLAN_TYPES, type PlanInput } from '@ohjaamo/plans';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

// Types, statuses and dates are checked by the plan rules (field-level 422 with the
// plan's own messages); these only shape the body and cap its size.

export class PlanPartyDto {
  @ApiProperty({ enum: ['staff', 'agency', 'young_person'] })
  @IsIn(['staff', 'agency', 'young_person'])
  kind!: 'staff' | 'agency' | 'young_person';

  @ApiPropertyOptional({ format: 'uuid', description: 'When kind is staff' })
  @IsOptional()
  @IsUUID()
  staffUserId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'When kind is agency' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class PlanParticipantDto {
  @ApiProperty({ enum: ['staff', 'agency'] })
  @IsIn(['staff', 'agency'])
  kind!: 'staff' | 'agency';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  staffUserId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class PlanActionDto {
  @ApiProperty({ maxLength: 1000, example: 'Hakee yhteishaussa kahteen kouluun' })
  @IsString()
  @MaxLength(1000)
  what!: string;

  @ApiProperty({ type: PlanPartyDto })
  @ValidateNested()
  @Type(() => PlanPartyDto)
  responsible!: PlanPartyDto;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @IsString()
  dueDate?: string | null;

  @ApiProperty({ enum: ACTION_STATUSES })
  @IsString()
  status!: string;
}

export class SavePlanDto {
  @ApiProperty({ description: 'The version the user started from; 0 creates the plan.' })
  @IsInt()
  @Min(0)
  version!: number;

  @ApiProperty({ enum: PLAN_TYPES })
  @IsString()
  type!: string;

  @ApiProperty({ format: 'date' })
  @IsString()
  startDate!: string;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @IsString()
  reviewDate?: string | null;

  @ApiProperty({ type: [String], description: "In the young person's own words" })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  goals!: string[];

  @ApiProperty({ type: [PlanActionDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PlanActionDto)
  actions!: PlanActionDto[];

  @ApiPropertyOptional({ maxLength: 4000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  concern?: string | null;

  @ApiPropertyOptional({ maxLength: 4000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  ifAgreementsNotKept?: string | null;

  @ApiProperty({ type: [PlanParticipantDto], description: 'Who works with me' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PlanParticipantDto)
  participants!: PlanParticipantDto[];
}

export function toPlanInput(body: SavePlanDto): PlanInput {
  return {
    type: body.type as PlanInput['type'],
    startDate: body.startDate,
    reviewDate: body.reviewDate ?? null,
    goals: body.goals,
    actions: body.actions.map((a) => ({
      what: a.what,
      responsible: a.responsible as PlanInput['actions'][number]['responsible'],
      dueDate: a.dueDate ?? null,
      status: a.status as PlanInput['actions'][number]['status'],
    })),
    concern: body.concern ?? null,
    ifAgreementsNotKept: body.ifAgreementsNotKept ?? null,
    participants: body.participants as PlanInput['participants'],
  };
}
