import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class OrganisationForm {
  @IsString()
  @MaxLength(1000)
  name!: string;

  @IsString()
  @MaxLength(100)
  kind!: string;

  /** A checkbox: sent as "true" when ticked, absent when not (edit form only). */
  @IsOptional()
  @IsIn(['true'])
  active?: string;
}
