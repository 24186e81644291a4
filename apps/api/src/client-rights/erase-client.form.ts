import { IsIn, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { ERASURE_REASONS, REQUEST_REFERENCE } from './client-erasure.service';

/** The erasure confirm page's form: the API's fields and an explicit confirmation. */
export class EraseClientForm {
  @IsString()
  @IsIn(ERASURE_REASONS)
  reason!: string;

  // An empty field is no reference (IsOptional would still validate the empty string).
  @ValidateIf((form: EraseClientForm) => (form.requestReference ?? '') !== '')
  @IsString()
  @MaxLength(40)
  @Matches(REQUEST_REFERENCE)
  requestReference?: string;

  /** A checkbox: "true" when ticked, absent otherwise, which the page refuses. */
  @IsIn(['true'])
  confirm!: string;
}
