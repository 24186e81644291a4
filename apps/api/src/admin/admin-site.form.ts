import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** The site form without its opening-hours inputs, which are read by parseOpeningHours. */
export class SiteForm {
  @IsString()
  @MaxLength(1000)
  name!: string;

  @IsString()
  @MaxLength(1000)
  streetAddress!: string;

  @IsString()
  @MaxLength(100)
  postalCode!: string;

  @IsString()
  @MaxLength(1000)
  municipality!: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  region?: string;

  @IsOptional()
  @IsIn(['true'])
  active?: string;
}
