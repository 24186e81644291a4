/** Phone numbers: kept as typed for display, and as international digits for search. */

const ALLOWED = /^\+?[\d\s()./-]+$/;
const MIN_DIGITS = 7;
const MAX_DIGITS = 15; // E.164
// A shorter tail than this would match too many people at the desk.
const MIN_SUFFIX_DIGITS = 6;

/**
 * The number's digits in international form without "+": "040 123 4567" and
 * "+358 40 1234567" both give "358401234567". Null when it is not a phone number.
 */
export function phoneDigits(input: string): string | null {
  const trimmed = input.trim();
  if (!ALLOWED.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, '');
  if (!trimmed.startsWith('+')) {
    if (digits.startsWith('00')) digits = digits.slice(2);
    // A national Finnish number: the leading 0 becomes the country code.
    else if (digits.startsWith('0')) digits = `358${digits.slice(1)}`;
  }
  if (digits.startsWith('0') || digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) {
    return null;
  }
  return digits;
}

export type PhoneSearch = { match: 'exact' | 'suffix'; digits: string };

/**
 * How the desk's phone criterion is matched: a full number (with "+", "00", "0" or "358")
 * exactly, a bare tail ("1234567") as the end of the stored digits.
 */
export function phoneSearch(input: string): PhoneSearch | null {
  const trimmed = input.trim();
  if (!ALLOWED.test(trimmed)) return null;
  const bare = trimmed.replace(/\D/g, '');
  const international = /^(\+|0)/.test(trimmed) || (bare.startsWith('358') && bare.length >= 10);
  if (international) {
    const digits = phoneDigits(trimmed);
    return digits ? { match: 'exact', digits } : null;
  }
  if (bare.length < MIN_SUFFIX_DIGITS || bare.length > MAX_DIGITS) return null;
  return { match: 'suffix', digits: bare };
}
