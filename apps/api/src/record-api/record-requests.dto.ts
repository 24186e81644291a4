import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RECORD_SECTIONS } from '@ohjaamo/consent';
import { IsOptional, IsString, MaxLength } from 'class-validator';

// Lengths are checked by the record rules (field-level 422); these caps only stop abuse.
export class AddRecordEntryDto {
  @ApiProperty({ enum: RECORD_SECTIONS })
  @IsString()
  section!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(1000)
  title!: string;

  @ApiProperty({ maxLength: 10000 })
  @IsString()
  @MaxLength(20000)
  body!: string;
}

export class CorrectRecordEntryDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(1000)
  title!: string;

  @ApiProperty({ maxLength: 10000 })
  @IsString()
  @MaxLength(20000)
  body!: string;
}

export class DeleteRecordEntryDto {
  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MaxLength(500)
  reason!: string;
}

export class RecordEntriesQueryDto {
  @ApiPropertyOptional({ enum: RECORD_SECTIONS })
  @IsOptional()
  @IsString()
  section?: string;
}
