/**
 * Finnish personal identity code (henkilötunnus): DDMMYY C NNN Q.
 * C is the century sign, NNN the individual number, Q the check character.
 */

const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

// The 2023 reform added Y X W V U (1900s) and B C D E F (2000s) because the individual
// numbers of some birth dates were running out. '+' (1800s) stays valid.
const CENTURY_BY_SIGN: Readonly<Record<string, number>> = {
  '+': 1800,
  '-': 1900,
  Y: 1900,
  X: 1900,
  W: 1900,
  V: 1900,
  U: 1900,
  A: 2000,
  B: 2000,
  C: 2000,
  D: 2000,
  E: 2000,
  F: 2000,
};

// The check character set leaves out G, I, O, Q and Z.
const FORMAT = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-FHJ-NPR-Y])$/;

export type IdentityCodeProblem = 'format' | 'date' | 'individualNumber' | 'checkCharacter';

export interface ValidIdentityCode {
  valid: true;
  /** Upper case, as stored and hashed. */
  code: string;
  /** ISO date, YYYY-MM-DD. */
  birthDate: string;
  /** Individual numbers 900–999 are temporary codes given by e.g. hospitals. */
  temporary: boolean;
}

export interface InvalidIdentityCode {
  valid: false;
  problem: IdentityCodeProblem;
}

export type IdentityCodeResult = ValidIdentityCode | InvalidIdentityCode;

/** Upper case without surrounding white space; the form the blind index is taken of. */
export function normaliseIdentityCode(input: string): string {
  return input.trim().toUpperCase();
}

export function parseIdentityCode(input: unknown): IdentityCodeResult {
  if (typeof input !== 'string') return invalid('format');
  const code = normaliseIdentityCode(input);
  const match = FORMAT.exec(code);
  if (!match) return invalid('format');
  const [, dd, mm, yy, sign, individual, check] = match;

  const year = CENTURY_BY_SIGN[sign] + Number(yy);
  const birthDate = calendarDate(year, Number(mm), Number(dd));
  if (!birthDate) return invalid('date');

  const number = Number(individual);
  if (number < 2) return invalid('individualNumber');

  if (CHECK_CHARACTERS[Number(dd + mm + yy + individual) % 31] !== check) {
    return invalid('checkCharacter');
  }
  return { valid: true, code, birthDate, temporary: number >= 900 };
}

export function isValidIdentityCode(input: unknown): boolean {
  return parseIdentityCode(input).valid;
}

function invalid(problem: IdentityCodeProblem): InvalidIdentityCode {
  return { valid: false, problem };
}

/** "YYYY-MM-DD" when the day exists in that month and year, else null. */
export function calendarDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
