import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SCORE_MAX, SCORE_MIN } from '@ohjaamo/plans';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

// Ranges and areas are checked by the self-assessment rules (field-level 422).
export class ScoreDto {
  @ApiProperty({ example: 'money', description: 'A life-area code (GET /api/v1/life-areas)' })
  @IsString()
  @MaxLength(40)
  area!: string;

  @ApiProperty({ minimum: SCORE_MIN, maximum: SCORE_MAX })
  @IsNumber()
  score!: number;
}

export class RecordSelfAssessmentDto {
  @ApiPropertyOptional({ format: 'date', description: 'Defaults to today (Helsinki)' })
  @IsOptional()
  @IsString()
  assessedOn?: string;

  @ApiProperty({ type: [ScoreDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ScoreDto)
  scores!: ScoreDto[];
}

export class SelfAssessmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date' }) assessedOn!: string;
  @ApiProperty({ type: [ScoreDto] }) scores!: ScoreDto[];
  @ApiProperty({ description: 'The first assessment of the client' }) baseline!: boolean;
  @ApiProperty({ format: 'uuid' }) recordedByUserId!: string;
  @ApiProperty() recordedAt!: Date;
}

export class SelfAssessmentListDto {
  @ApiProperty({ type: [SelfAssessmentDto], description: 'Newest first' })
  items!: SelfAssessmentDto[];
}

export class AreaTrendDto {
  @ApiProperty() area!: string;
  @ApiProperty() baseline!: number;
  @ApiProperty({ format: 'date' }) baselineOn!: string;
  @ApiProperty() latest!: number;
  @ApiProperty({ format: 'date' }) latestOn!: string;
  @ApiProperty({ description: 'latest - baseline' }) change!: number;
}

export class SelfAssessmentTrendDto {
  @ApiProperty({ type: [AreaTrendDto] }) areas!: AreaTrendDto[];
}

export class LifeAreaDto {
  @ApiProperty() code!: string;
  @ApiProperty() labelFi!: string;
  @ApiProperty() labelSv!: string;
  @ApiProperty() labelEn!: string;
  @ApiProperty() sortOrder!: number;
}

export class LifeAreaListDto {
  @ApiProperty({ type: [LifeAreaDto] }) items!: LifeAreaDto[];
}
