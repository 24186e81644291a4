import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  OUTCOME_CATEGORIES,
  OUTCOME_GROUPS,
  OUTCOME_SOURCES,
  type OutcomeInput,
} from '@ohjaamo/outcomes';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

// Categories, sources and dates are checked by the outcome rules (field-level 422).
export class RecordOutcomeDto {
  @ApiProperty({ enum: OUTCOME_CATEGORIES })
  @IsString()
  category!: string;

  @ApiProperty({ format: 'date' })
  @IsString()
  startDate!: string;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @IsString()
  endDate?: string | null;

  @ApiPropertyOptional({ maxLength: 200, nullable: true, description: 'Employer or institution' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  employerOrInstitution?: string | null;

  @ApiPropertyOptional({ maxLength: 200, nullable: true, example: 'palkkatuki 50 %' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subsidy?: string | null;

  @ApiProperty({ enum: OUTCOME_SOURCES })
  @IsString()
  source!: string;
}

export function toOutcomeInput(body: RecordOutcomeDto): OutcomeInput {
  return body as unknown as OutcomeInput;
}

export class RecordFollowUpDto {
  @ApiProperty({ description: 'Whether the outcome still holds' })
  @IsBoolean()
  stillHolds!: boolean;

  @ApiPropertyOptional({ maxLength: 1000, nullable: true, description: 'When it no longer holds' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  newSituation?: string | null;

  @ApiPropertyOptional({ type: RecordOutcomeDto, description: 'The new outcome, if there is one' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecordOutcomeDto)
  newOutcome?: RecordOutcomeDto | null;
}

export class FollowUpDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) outcomeId!: string;
  @ApiProperty({ example: 3 }) months!: number;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ nullable: true }) stillHolds!: boolean | null;
  @ApiProperty({ nullable: true }) newSituation!: string | null;
  @ApiProperty({ nullable: true, format: 'uuid' }) newOutcomeId!: string | null;
  @ApiProperty({ nullable: true }) recordedAt!: Date | null;
  @ApiProperty({ nullable: true, format: 'uuid' }) recordedByUserId!: string | null;
}

export class OutcomeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ enum: OUTCOME_CATEGORIES }) category!: string;
  @ApiProperty({ enum: Object.keys(OUTCOME_GROUPS) }) group!: string;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty({ format: 'date', nullable: true }) endDate!: string | null;
  @ApiProperty({ nullable: true }) employerOrInstitution!: string | null;
  @ApiProperty({ nullable: true }) subsidy!: string | null;
  @ApiProperty({ enum: OUTCOME_SOURCES }) source!: string;
  @ApiProperty({ format: 'uuid' }) recordedByUserId!: string;
  @ApiProperty({ format: 'uuid' }) recordedByOrganisationId!: string;
  @ApiProperty() recordedAt!: Date;
  @ApiProperty({ type: [FollowUpDto] }) followUps!: FollowUpDto[];
}

export class OutcomeListDto {
  @ApiProperty({ type: [OutcomeDto], description: 'Latest start first' }) items!: OutcomeDto[];
}

export class FollowUpResultDto {
  @ApiProperty({ type: FollowUpDto }) followUp!: FollowUpDto;
  @ApiProperty({ type: OutcomeDto, nullable: true }) newOutcome!: OutcomeDto | null;
}

export class FollowUpTaskDto {
  @ApiProperty({ format: 'uuid' }) followUpId!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ format: 'uuid' }) outcomeId!: string;
  @ApiProperty({ enum: OUTCOME_CATEGORIES }) category!: string;
  @ApiProperty() months!: number;
  @ApiProperty({ format: 'date' }) dueOn!: string;
}

export class PlanActionTaskDto {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ description: 'Position of the action in the current plan' }) actionIndex!: number;
  @ApiProperty() what!: string;
  @ApiProperty({ format: 'date', nullable: true }) dueDate!: string | null;
}

export class PlanReviewTaskDto {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ format: 'date' }) reviewDate!: string;
}

export class ConcernTaskDto {
  @ApiProperty({ format: 'uuid' }) concernId!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ description: 'Reaction deadline' }) reactBy!: Date;
  @ApiProperty() overdue!: boolean;
}

export class TaskListDto {
  @ApiProperty({ type: [FollowUpTaskDto], description: 'Open follow-ups, soonest first' })
  followUps!: FollowUpTaskDto[];

  @ApiProperty({
    type: [PlanActionTaskDto],
    description: 'Open plan actions the caller is named responsible for, by due date',
  })
  planActions!: PlanActionTaskDto[];

  @ApiProperty({
    type: [PlanReviewTaskDto],
    description: "Plan reviews of the caller's clients due within 30 days or overdue",
  })
  planReviews!: PlanReviewTaskDto[];

  @ApiProperty({
    type: [ConcernTaskDto],
    description: "Open concerns the caller raised or on the caller's clients, by deadline",
  })
  concerns!: ConcernTaskDto[];
}
