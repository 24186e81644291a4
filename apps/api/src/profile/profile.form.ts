import { IsArray, IsString, MaxLength } from 'class-validator';

export class LanguageForm {
  @IsString()
  @MaxLength(10)
  language!: string;
}

export class PasswordForm {
  @IsString()
  @MaxLength(1024)
  currentPassword!: string;

  @IsString()
  @MaxLength(1024)
  newPassword!: string;

  @IsString()
  @MaxLength(1024)
  repeatPassword!: string;
}

export class TokenForm {
  @IsString()
  @MaxLength(1000)
  name!: string;

  @IsArray()
  @IsString({ each: true })
  scopes!: string[];

  /** A date ("YYYY-MM-DD"): the token works until the end of that day, Helsinki time. */
  @IsString()
  @MaxLength(10)
  expiresOn!: string;
}
