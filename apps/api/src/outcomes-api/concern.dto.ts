import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class RaiseConcernDto {
  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @MaxLength(1000)
  description!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "One of the adviser's sites; needed if several",
  })
  @IsOptional()
  @IsUUID()
  siteId?: string | null;
}

export class ResolveConcernDto {
  @ApiPropertyOptional({ maxLength: 1000, nullable: true, description: 'What was done' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  resolution?: string | null;
}

export class ConcernDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'uuid', nullable: true }) siteId!: string | null;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ format: 'uuid' }) raisedByUserId!: string;
  @ApiProperty() raisedAt!: Date;
  @ApiProperty({ description: 'Reaction deadline' }) reactBy!: Date;
  @ApiProperty({ nullable: true }) resolvedAt!: Date | null;
  @ApiProperty({ format: 'uuid', nullable: true }) resolvedByUserId!: string | null;
  @ApiProperty({ nullable: true }) resolution!: string | null;
  @ApiProperty() overdue!: boolean;
}

export class ConcernListDto {
  @ApiProperty({ type: [ConcernDto] }) items!: ConcernDto[];
}

export class OverdueGroupDto {
  @ApiProperty({ format: 'uuid', nullable: true }) siteId!: string | null;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ type: [String], description: 'Concern ids only; no client data' })
  concernIds!: string[];
}

export class OverdueSummaryDto {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [OverdueGroupDto] }) groups!: OverdueGroupDto[];
}
