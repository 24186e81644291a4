import { IsOptional, IsString, MaxLength } from 'class-validator';

// Lengths are checked loosely here: a wrong password must get the same answer as any
// other failed sign-in, not a validation message.
export class SignInForm {
  @IsString()
  @MaxLength(254)
  email!: string;

  @IsString()
  @MaxLength(1024)
  password!: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  return?: string;
}

export class MfaForm {
  @IsString()
  @MaxLength(32)
  code!: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  return?: string;
}
