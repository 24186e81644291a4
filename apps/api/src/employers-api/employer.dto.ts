import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VACANCY_KINDS } from '@ohjaamo/employers';
import { LANGUAGES } from '@ohjaamo/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

// Business IDs, dates and contact details are checked by the employer rules (field-level 422).
export class EmployerContactDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ maxLength: 254, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ maxLength: 40, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'fi' })
  @IsOptional()
  @IsString()
  language?: string;
}

export class EmployerFieldsDto {
  @ApiProperty({ maxLength: 200, example: 'Rakennus Virtanen Oy' })
  @IsString()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ description: 'Y-tunnus with its check digit', example: '0737546-2' })
  @IsString()
  @MaxLength(20)
  businessId!: string;

  @ApiPropertyOptional({ maxLength: 100, nullable: true, example: 'Rakentaminen' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  industry?: string | null;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string | null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  consentToContact?: boolean;

  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'Default: today' })
  @IsOptional()
  @IsString()
  consentDate?: string | null;

  @ApiPropertyOptional({ type: [EmployerContactDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EmployerContactDto)
  contacts?: EmployerContactDto[];
}

export class UpdateEmployerDto extends EmployerFieldsDto {
  @ApiProperty({ description: 'The version the change was made on' })
  @IsInt()
  @Min(0)
  version!: number;
}

export class VacancyFieldsDto {
  @ApiProperty({ enum: VACANCY_KINDS })
  @IsString()
  kind!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ format: 'date' })
  @IsString()
  opensOn!: string;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @IsString()
  closesOn?: string | null;
}

export class EmployerContactResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true }) email!: string | null;
  @ApiProperty({ nullable: true }) phone!: string | null;
  @ApiProperty({ enum: LANGUAGES }) language!: string;
}

export class VacancyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) employerId!: string;
  @ApiProperty({ enum: VACANCY_KINDS }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date' }) opensOn!: string;
  @ApiProperty({ format: 'date', nullable: true }) closesOn!: string | null;
}

export class EmployerSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() businessId!: string;
  @ApiProperty({ nullable: true }) industry!: string | null;
  @ApiProperty() consentToContact!: boolean;
}

export class EmployerDto extends EmployerSummaryDto {
  @ApiProperty({ nullable: true }) notes!: string | null;
  @ApiProperty({ format: 'date', nullable: true }) consentDate!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ type: [EmployerContactResponseDto] }) contacts!: EmployerContactResponseDto[];
  @ApiProperty({ type: [VacancyDto] }) vacancies!: VacancyDto[];
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class EmployerListDto {
  @ApiProperty({ type: [EmployerSummaryDto], description: 'By name' })
  items!: EmployerSummaryDto[];
}
