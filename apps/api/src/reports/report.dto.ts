import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Which report: a Helsinki month and a scope. */
export class ReportQueryDto {
  @ApiProperty({ example: '2026-10', description: 'Helsinki calendar month, YYYY-MM' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  month!: string;

  @ApiPropertyOptional({
    example: 'deployment',
    description: '"deployment" (default), "region:<name>" or "site:<id>"',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  scope?: string;
}

export class ReportValueDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Null when hidden or not available' })
  value!: number | null;

  @ApiProperty({ example: '<5', description: 'As shown: the number, "<5", "–" or a percentage' })
  text!: string;

  @ApiProperty()
  suppressed!: boolean;
}

export class ReportRowDto {
  @ApiProperty({ example: 'visits.channel.walk_in' })
  key!: string;

  @ApiProperty()
  label!: string;

  @ApiProperty({ enum: ['count', 'minutes', 'percent'] })
  kind!: string;

  @ApiProperty({
    type: [ReportValueDto],
    description: 'Report month, previous month, a year earlier',
  })
  values!: ReportValueDto[];
}

export class ReportSectionDto {
  @ApiProperty()
  key!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: [ReportRowDto] })
  rows!: ReportRowDto[];
}

export class ReportDto {
  @ApiProperty({ example: '2026-10' })
  month!: string;

  @ApiProperty({ type: [String], example: ['2026-10', '2026-09', '2025-10'] })
  columns!: string[];

  @ApiProperty({ description: 'False while the month is still being compiled' })
  built!: boolean;

  @ApiProperty({ description: 'Counts below this are hidden' })
  threshold!: number;

  @ApiProperty({ type: [ReportSectionDto] })
  sections!: ReportSectionDto[];

  @ApiProperty({ description: 'Core indicators with baseline and twelve-month trend' })
  indicators!: object[];
}
