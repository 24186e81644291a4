export const NAME_KEY_MAX_LENGTH = 100;

/**
 * Names folded for duplicate detection: lower case, without diacritics, spaces or
 * punctuation, so "Mäkinen", "MAKINEN" and "Mäki-nen" compare equal.
 */
export function nameKey(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ø/giu, 'o')
    .replace(/æ/giu, 'ae')
    .replace(/ß/gu, 'ss')
    .replace(/[đð]/giu, 'd')
    .replace(/ł/giu, 'l')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
  // Folding can lengthen a name ("ß" → "ss"); the column holds 100 characters.
  return [...folded].slice(0, NAME_KEY_MAX_LENGTH).join('');
}

// Long enough to skip unrelated names, short enough to catch "Aino" / "Aino-Maria" and
// "Mikko" / "Mika".
export const FIRST_NAME_PREFIX_LENGTH = 3;

export function firstNamePrefix(firstNameKey: string): string {
  return firstNameKey.slice(0, FIRST_NAME_PREFIX_LENGTH);
}
