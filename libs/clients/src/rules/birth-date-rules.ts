import type { FieldError } from '@ohjaamo/platform';
import type { ClientFields } from '../client-input';
import {
  calendarDate,
  parseIdentityCode,
  type ValidIdentityCode,
} from '../identity-code/identity-code';
import type { ClientColumns, ClientSnapshot } from './client-columns';
import { clientRule as rule, identityCodeError } from './client-field-error';
import { blankToNull, isBlank } from './text-rules';

const EARLIEST_BIRTH_DATE = '1900-01-01';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The identity code given: undefined if left out or invalid (then an error is added). */
export function identityCodeOf(
  input: ClientFields,
  errors: FieldError[],
  today: string,
): ValidIdentityCode | null | undefined {
  if (input.identityCode === undefined) return undefined;
  if (isBlank(input.identityCode)) return null;
  const parsed = parseIdentityCode(input.identityCode);
  if (!parsed.valid) {
    errors.push(identityCodeError(parsed.problem));
    return undefined;
  }
  // A code for a day still to come cannot have been issued.
  if (parsed.birthDate > today) {
    errors.push(identityCodeError('date'));
    return undefined;
  }
  return parsed;
}

export /**
 * The birth date, tied to the identity code: given with a code, it must agree; left out,
 * it is derived from the code. A stored code keeps the stored birth date.
 */
function birthDateOf(
  input: ClientFields,
  current: ClientSnapshot | null,
  identityCode: ValidIdentityCode | null | undefined,
  today: string,
  errors: FieldError[],
  columns: ClientColumns,
): void {
  let birthDate: string | null | undefined;
  if (input.birthDate !== undefined) {
    birthDate = blankToNull(input.birthDate);
    if (birthDate !== null) {
      const problem = birthDateProblem(birthDate, today);
      if (problem) {
        errors.push(rule('birthDate', problem));
        return;
      }
    }
  }
  if (identityCode) {
    // The code fixes the birth date: given, it must agree; left out, it is derived.
    if (birthDate !== undefined && birthDate !== identityCode.birthDate) {
      errors.push(rule('birthDate', 'birthDateMismatch'));
      return;
    }
    columns.birthDate = identityCode.birthDate;
    return;
  }
  if (birthDate === undefined) return;
  const keepsCode = identityCode === undefined && current?.hasIdentityCode === true;
  if (keepsCode && birthDate !== current?.birthDate) {
    errors.push(rule('birthDate', 'birthDateMismatch'));
    return;
  }
  columns.birthDate = birthDate;
}

function birthDateProblem(value: string, today: string): string | null {
  const match = ISO_DATE.exec(value);
  if (!match || !calendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    return 'birthDateInvalid';
  }
  if (value > today) return 'birthDateInFuture';
  if (value < EARLIEST_BIRTH_DATE) return 'birthDateInvalid';
  return null;
}
