import { IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';

const DAY = /^(\d{4}-\d{2}-\d{2})?$/;

/** The audit search as it travels in the URL: ids and dates only, never an e-mail. */
export class AuditFilterForm {
  @IsOptional()
  @ValidateIf((form: AuditFilterForm) => form.userId !== '')
  @IsUUID()
  userId?: string;

  @IsOptional()
  @ValidateIf((form: AuditFilterForm) => form.clientId !== '')
  @IsUUID()
  clientId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9_.]*$/)
  action?: string;

  @IsOptional()
  @IsString()
  @Matches(DAY)
  from?: string;

  @IsOptional()
  @IsString()
  @Matches(DAY)
  to?: string;

  @IsOptional()
  @IsString()
  page?: string;
}

/** The submitted search form: as the filter, plus an e-mail to look the user up by. */
export class AuditSearchForm extends AuditFilterForm {
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;
}
