import {
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';

// Types and sizes only: the rules (e-mail format, password policy, known sites ...) are
// the service's, so the form and the API answer alike.

export class UserFilterForm {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @IsOptional()
  @ValidateIf((form: UserFilterForm) => form.organisationId !== '')
  @IsUUID()
  organisationId?: string;

  @IsOptional()
  @IsIn(['', 'true', 'false'])
  active?: string;

  @IsOptional()
  @IsString()
  page?: string;
}

export class UserEditForm {
  @IsString()
  @MaxLength(1000)
  displayName!: string;

  @IsString()
  @MaxLength(100)
  organisationId!: string;

  @IsArray()
  @IsString({ each: true })
  roles!: string[];

  @IsArray()
  @IsString({ each: true })
  siteIds!: string[];

  @IsString()
  @MaxLength(10)
  language!: string;
}

export class UserCreateForm extends UserEditForm {
  @IsString()
  @MaxLength(1000)
  email!: string;

  @IsString()
  @MaxLength(1024)
  password!: string;
}
