import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { END_REASONS } from '@ohjaamo/clients';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { ClientFieldsDto } from './client-fields.dto';

export class CreateClientDto extends ClientFieldsDto {
  @ApiProperty({ example: 'Aino', maxLength: 100 })
  @IsString()
  @MaxLength(1000)
  firstName!: string;

  @ApiProperty({ example: 'Virtanen', maxLength: 100 })
  @IsString()
  @MaxLength(1000)
  lastName!: string;

  @ApiPropertyOptional({
    description: 'The likely duplicates shown have been checked: create a new client anyway.',
  })
  @IsOptional()
  @IsBoolean()
  acknowledgeDuplicates?: boolean;
}

export class UpdateClientDto extends ClientFieldsDto {
  @ApiProperty({ description: 'The version last read; a newer one answers 409.' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  firstName?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  lastName?: string;
}

/** Sent in the body, never the URL: names and identity codes must not reach access logs. */
export class ClientSearchDto {
  @ApiPropertyOptional({
    description: 'Last name, or last and first name in either order; beginnings match.',
    example: 'Virtanen Ai',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  birthDate?: string;

  @ApiPropertyOptional({ description: 'A full number, or its last six digits or more.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20)
  identityCode?: string;
}

export class EndClientDto {
  @ApiProperty({ enum: END_REASONS })
  @IsIn(END_REASONS)
  reason!: (typeof END_REASONS)[number];
}
