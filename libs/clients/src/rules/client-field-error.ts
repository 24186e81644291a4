import type { FieldError } from '@ohjaamo/platform';
import type { IdentityCodeProblem } from '../identity-code/identity-code';

/** A field error whose message lives in the clients section of the translations. */
export function clientRule(field: string, code: string): FieldError {
  return { field, code, messageKey: `clients.fieldErrors.${code}` };
}

/** "identityCodeCheckCharacter" etc.: each problem has its own message. */
export function identityCodeError(problem: IdentityCodeProblem): FieldError {
  return clientRule('identityCode', `identityCode${problem[0].toUpperCase()}${problem.slice(1)}`);
}
