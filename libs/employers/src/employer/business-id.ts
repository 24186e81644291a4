const FORMAT = /^(\d{7})-(\d)$/;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

/**
 * Whether the text is a valid Finnish business ID (Y-tunnus) "1234567-8": the check digit
 * is 11 − (weighted sum mod 11), 0 when the remainder is 0; a remainder of 1 is never issued.
 */
export function isBusinessId(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = FORMAT.exec(value);
  if (!match) return false;
  const sum = [...match[1]].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i], 0);
  const remainder = sum % 11;
  if (remainder === 1) return false;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check === Number(match[2]);
}

/** Trims and, for an old 6-digit form, adds the leading zero ("123456-7" → "0123456-7"). */
export function normaliseBusinessId(value: string): string {
  const trimmed = value.trim();
  return /^\d{6}-\d$/.test(trimmed) ? `0${trimmed}` : trimmed;
}
