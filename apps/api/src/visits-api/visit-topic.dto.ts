import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { VisitTopic } from '@ohjaamo/visits';
import { IsBoolean, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { ToBoolean } from '../api-v1/transforms';

export class VisitTopicListQueryDto {
  @ApiPropertyOptional({ description: 'Also retired topics (for those who manage the list).' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  includeInactive?: boolean;
}

export class UpdateVisitTopicDto {
  @ApiPropertyOptional({ maxLength: 100, example: 'Asuminen' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  labelFi?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'Boende' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  labelSv?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'Housing' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  labelEn?: string;

  @ApiPropertyOptional({ description: 'A retired topic is no longer offered for new visits.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000 })
  @IsOptional()
  @IsInt()
  sortOrder?: number;
}

export class CreateVisitTopicDto extends UpdateVisitTopicDto {
  @ApiProperty({ pattern: '^[a-z][a-z0-9_]{1,39}$', example: 'debt' })
  @IsString()
  @MaxLength(100)
  code!: string;

  @ApiProperty({ maxLength: 100 })
  @IsString()
  @MaxLength(1000)
  declare labelFi: string;

  @ApiProperty({ maxLength: 100 })
  @IsString()
  @MaxLength(1000)
  declare labelSv: string;

  @ApiProperty({ maxLength: 100 })
  @IsString()
  @MaxLength(1000)
  declare labelEn: string;
}

export class VisitTopicDto {
  @ApiProperty({ example: 'housing' })
  code!: string;

  @ApiProperty()
  labelFi!: string;

  @ApiProperty()
  labelSv!: string;

  @ApiProperty()
  labelEn!: string;

  @ApiProperty()
  active!: boolean;

  @ApiProperty()
  sortOrder!: number;
}

export function toVisitTopicDto(topic: VisitTopic): VisitTopicDto {
  return {
    code: topic.code,
    labelFi: topic.labelFi,
    labelSv: topic.labelSv,
    labelEn: topic.labelEn,
    active: topic.active,
    sortOrder: topic.sortOrder,
  };
}
